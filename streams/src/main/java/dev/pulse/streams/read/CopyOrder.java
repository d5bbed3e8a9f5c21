package dev.pulse.streams.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which copies of a partition a read asks when its owner cannot answer, likely freshest first: this
 * instance's standby, then every other standby Kafka Streams names, and last this instance's own
 * copy of a partition it owns but is still restoring. A restarted instance restores from an empty
 * store, so that copy would answer zeros for a while, while the standby that was just the owner
 * holds everything.
 */
final class CopyOrder {
    private CopyOrder() {}

    /**
     * The hosts to ask, in order; {@code self} stands for this instance's own copy.
     *
     * @param ownRestoringCopy whether this instance's copy of a partition it owns but still
     *     restores may answer at all (not for a read of one tenant while it restores from scratch)
     */
    static List<HostInfo> of(HostInfo self, KeyQueryMetadata where, boolean ownRestoringCopy) {
        List<HostInfo> hosts = new ArrayList<>();
        if (where.standbyHosts().contains(self)) {
            hosts.add(self);
        }
        for (HostInfo standby : where.standbyHosts()) {
            if (!standby.equals(self)) {
                hosts.add(standby);
            }
        }
        if (self.equals(where.activeHost()) && ownRestoringCopy) {
            hosts.add(self);
        }
        return hosts;
    }
}
