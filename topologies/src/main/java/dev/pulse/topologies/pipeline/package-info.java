/** The health pipeline topology: validate, de-duplicate, count engagement, score. */
package dev.pulse.topologies.pipeline;
