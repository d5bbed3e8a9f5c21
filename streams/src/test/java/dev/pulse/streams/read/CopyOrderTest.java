package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class CopyOrderTest {
    private static final HostInfo SELF = new HostInfo("a", 8080);
    private static final HostInfo B = new HostInfo("b", 8080);
    private static final HostInfo C = new HostInfo("c", 8080);

    @Test
    void thisInstancesStandbyComesFirstThenTheOthers() {
        KeyQueryMetadata where = new KeyQueryMetadata(C, standbys(B, SELF), 3);

        assertThat(CopyOrder.of(SELF, where, true)).containsExactly(SELF, B);
    }

    @Test
    void anOwnerStillRestoringAsksEveryStandbyBeforeItsOwnCopy() {
        KeyQueryMetadata where = new KeyQueryMetadata(SELF, standbys(B, C), 3);

        assertThat(CopyOrder.of(SELF, where, true)).containsExactly(B, C, SELF);
    }

    @Test
    void anOwnCopyRestoringFromScratchIsLeftOutWhenItMayNotAnswer() {
        KeyQueryMetadata where = new KeyQueryMetadata(SELF, standbys(B), 3);

        assertThat(CopyOrder.of(SELF, where, false)).containsExactly(B);
        assertThat(CopyOrder.of(SELF, new KeyQueryMetadata(SELF, Set.of(), 3), false))
                .as("no standby either: nothing to ask, the read answers 503")
                .isEmpty();
    }

    @Test
    void anotherInstancesPartitionWithoutStandbysHasNoCopyHere() {
        assertThat(CopyOrder.of(SELF, new KeyQueryMetadata(B, Set.of(), 3), true)).isEmpty();
        assertThat(CopyOrder.of(SELF, new KeyQueryMetadata(B, standbys(C), 3), false))
                .isEqualTo(List.of(C));
    }

    private static Set<HostInfo> standbys(HostInfo... hosts) {
        return new LinkedHashSet<>(List.of(hosts));
    }
}
