package dev.pulse.topologies.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentWritesTest {
    @Test
    void keepsTheMostRecentlyUsedKeysUpToItsBound() {
        RecentWrites<String, Integer> recent = new RecentWrites<>(2);
        recent.write("a", 1, () -> {});
        recent.write("b", 2, () -> {});
        assertThat(recent.get("a")).isEqualTo(1); // a is now more recent than b
        recent.remember("c", 3);

        assertThat(recent.get("b")).isNull();
        assertThat(recent.get("a")).isEqualTo(1);
        assertThat(recent.get("c")).isEqualTo(3);
    }

    @Test
    void aFailedWriteLeavesNoCopy() {
        RecentWrites<String, Integer> recent = new RecentWrites<>(4);
        recent.write("a", 1, () -> {});

        assertThatThrownBy(
                        () ->
                                recent.write(
                                        "a",
                                        2,
                                        () -> {
                                            throw new IllegalStateException("store closed");
                                        }))
                .hasMessage("store closed");
        assertThat(recent.get("a")).isNull();
    }
}
