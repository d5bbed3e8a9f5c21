/** From alert changes to notifications addressed to people, by scope and preference. */
package dev.pulse.notify.route;
