/** Numbers as Pulse's sentences print them ("down 48%", "score 62"), the same in every sentence. */
package dev.pulse.topologies.text;
