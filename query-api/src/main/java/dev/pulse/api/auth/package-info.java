/**
 * Who is calling and what they may do: JWT, API-key and browser-session authentication (with its
 * CSRF check), the one place requests get their scope-checked reader, role gates, the
 * internal-route token and per-identity rate limits.
 */
package dev.pulse.api.auth;
