/** Serves the OpenAPI description of the public routes. */
package dev.pulse.api.openapi;
