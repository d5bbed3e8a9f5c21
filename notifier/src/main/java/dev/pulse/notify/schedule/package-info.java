/**
 * Report schedules at run time: the scheduler that fires due runs into the outbox, and the renderer
 * that turns a run into its file as the schedule's owner when a channel delivers it.
 */
package dev.pulse.notify.schedule;
