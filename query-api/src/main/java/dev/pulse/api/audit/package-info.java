/** The audit of API requests: one entry per request, and the admin routes that read the log. */
package dev.pulse.api.audit;
