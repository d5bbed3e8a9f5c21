/** Who may see what: roles, scopes, the user directory and the one authorization layer. */
package dev.pulse.access.security;
