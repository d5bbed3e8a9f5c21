/** The in-app feed: a global store every instance reads, and live pushes for the SSE stream. */
package dev.pulse.notify.feed;
