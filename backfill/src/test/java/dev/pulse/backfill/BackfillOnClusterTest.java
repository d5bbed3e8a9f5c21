package dev.pulse.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --flink host:port}: the job is submitted through a job manager's REST address, as to a
 * Flink cluster, and its tenant-days stream back. The "cluster" is a MiniCluster with a REST
 * endpoint in this JVM, so Pulse's classes are already on its class path and no jar is shipped.
 */
class BackfillOnClusterTest {
    private static MiniCluster cluster;

    @BeforeAll
    static void startACluster() throws Exception {
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(new Configuration())
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(2)
                                .withRandomPorts()
                                .build());
        cluster.start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        cluster.closeAsync().get();
    }

    @Test
    void runsOnAJobManagerGivenByItsRestAddress() throws Exception {
        URI rest = cluster.getRestAddress().get();
        BackfillTest.Collecting sink = new BackfillTest.Collecting();

        BackfillSummary summary =
                new Backfill(
                                new FlinkTarget(rest.getHost() + ":" + rest.getPort(), 2),
                                BackfillProgress.SILENT)
                        .run(
                                new BackfillTest.InMemory(
                                        List.of(
                                                BackfillTest.event(
                                                        "e-1",
                                                        "acme",
                                                        "u1",
                                                        "login",
                                                        null,
                                                        java.time.Instant.parse(
                                                                "2026-05-04T09:00:00Z")),
                                                BackfillTest.event(
                                                        "e-2",
                                                        "acme",
                                                        "u2",
                                                        "login",
                                                        null,
                                                        java.time.Instant.parse(
                                                                "2026-05-04T10:00:00Z")))),
                                sink);

        assertThat(new FlinkTarget(rest.getHost() + ":" + rest.getPort(), 2).local()).isFalse();
        assertThat(summary.eventsRead()).isEqualTo(2);
        assertThat(sink.days).hasSize(1);
        assertThat(sink.days.get(0).bucket().activeUsers()).isEqualTo(2);
    }
}
