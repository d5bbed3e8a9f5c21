/** Alert rules, their pure evaluators, and the per-(tenant, rule) alert lifecycle. */
package dev.pulse.topologies.alert;
