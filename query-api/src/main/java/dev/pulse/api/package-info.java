/** The HTTP query API: starting the server, its Vert.x instance, and the one router of routes. */
package dev.pulse.api;
