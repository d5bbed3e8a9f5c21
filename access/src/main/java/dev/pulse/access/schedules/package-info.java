/**
 * Report schedules: who gets which report when, their next run times, and the use case that
 * creates, lists and cancels them under the same export rights as an export on demand.
 */
package dev.pulse.access.schedules;
