/** Test fixtures shared with the front ends' tests: scores and accounts as the stores hold them. */
package dev.pulse.access.testing;
