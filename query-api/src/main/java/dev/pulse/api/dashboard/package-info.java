/** Serves the dashboard web app: its page for every app path, its hashed assets, its headers. */
package dev.pulse.api.dashboard;
