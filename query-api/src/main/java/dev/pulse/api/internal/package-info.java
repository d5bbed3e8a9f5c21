/** Routes other Pulse instances call to read state this instance owns. */
package dev.pulse.api.internal;
