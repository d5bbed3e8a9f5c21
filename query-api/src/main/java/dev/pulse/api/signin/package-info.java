/**
 * Signing people in from the browser: OpenID Connect authorization code with PKCE against the
 * configured identity provider, Pulse keeping the tokens and giving the browser only a session
 * cookie.
 */
package dev.pulse.api.signin;
