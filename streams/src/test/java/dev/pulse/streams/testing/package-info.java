/** Test helpers every module's tests share through the streams test jar. */
package dev.pulse.streams.testing;
