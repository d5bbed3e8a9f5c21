/** Topic and store names with their serdes: the persistent contract of the topologies. */
package dev.pulse.topologies.topic;
