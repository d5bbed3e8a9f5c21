/** Tests of the use cases' rules on in-memory state. */
package dev.pulse.access.cases;
