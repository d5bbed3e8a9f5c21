/**
 * Live score updates for people watching a page: every new score, coalesced per account and
 * filtered through each watcher's scope, so a dashboard updates without reloading and never shows
 * an account its viewer may not see.
 */
package dev.pulse.access.live;
