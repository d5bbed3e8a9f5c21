/** Recording a person's command on Kafka before answering that it is accepted. */
package dev.pulse.access.command;
