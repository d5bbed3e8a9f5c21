/** JSON mapping shared by topics, stores and the HTTP API. */
package dev.pulse.topologies.json;
