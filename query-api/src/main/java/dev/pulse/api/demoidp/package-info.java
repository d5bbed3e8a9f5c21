/**
 * The demo's stand-in for a company's identity provider: a small OpenID provider, mounted under
 * {@code /demo-idp} in demo mode only, that lets anyone sign in as any person of the user
 * directory.
 */
package dev.pulse.api.demoidp;
