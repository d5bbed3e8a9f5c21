/** API keys for BI tools and scripts: shown once, stored hashed, revocable. */
package dev.pulse.access.apikeys;
