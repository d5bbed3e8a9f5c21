/** Configuration: bundled defaults, a YAML file, environment variables. */
package dev.pulse.app.config;
