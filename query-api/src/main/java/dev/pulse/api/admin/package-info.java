/** Administration routes: API keys, created, listed and revoked by admins. */
package dev.pulse.api.admin;
