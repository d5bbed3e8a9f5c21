package dev.pulse.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RestoreProgressTest {
    private static final TopicPartition SCORES_0 = new TopicPartition("app-scores-changelog", 0);
    private static final TopicPartition SCORES_1 = new TopicPartition("app-scores-changelog", 1);

    private final AtomicLong nanos = new AtomicLong();
    private final RestoreProgress progress = new RestoreProgress(nanos::get, Duration.ofSeconds(5));
    private final Logger logger = (Logger) LoggerFactory.getLogger(RestoreProgress.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    @Test
    void tracksEachStorePartitionUntilItEndsAndLogsProgressAtMostEveryFiveSeconds() {
        progress.onRestoreStart(SCORES_1, "scores", 100, 300);
        progress.onRestoreStart(SCORES_0, "scores", 0, 1000);
        progress.onBatchRestored(SCORES_0, "scores", 250, 250);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        progress.onBatchRestored(SCORES_1, "scores", 150, 50);
        progress.onBatchRestored(SCORES_0, "scores", 500, 250); // within 5 s of the last line

        assertThat(progress.restoring())
                .containsExactly(
                        new RestoreProgress.Restoring("scores", 0, 500, 1000),
                        new RestoreProgress.Restoring("scores", 1, 50, 200));
        assertThat(progress.restoring().get(1).percent()).isEqualTo(25.0);

        progress.onRestoreEnd(SCORES_1, "scores", 200);
        assertThat(progress.recordsReplayed()).as("every batch, ended or not").isEqualTo(550);
        assertThat(progress.restoring())
                .extracting(RestoreProgress.Restoring::partition)
                .containsExactly(0);

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines)
                .containsExactly(
                        "Restoring store scores partition 1: 200 records to replay from"
                                + " app-scores-changelog",
                        "Restoring store scores partition 0: 1000 records to replay from"
                                + " app-scores-changelog",
                        "Restoring state: 2 store partitions, 300/1200 records (25%); slowest:"
                                + " scores-0 at 25%",
                        "Restored store scores partition 1: 200 records in 5.0 s");
    }

    @Test
    void nothingToReplayIsComplete() {
        assertThat(new RestoreProgress.Restoring("accounts", 0, 0, 0).percent()).isEqualTo(100.0);
        assertThat(RestoreProgress.summary(List.of()))
                .isEqualTo("0 store partitions, 0/0 records (100%)");
    }

    @Test
    void aPartitionRestoredFromTheChangelogsStartIsFarBehindUntilItsRestoreEnds() {
        TopicPartition promoted = new TopicPartition("app-engagement-changelog", 2);
        TopicPartition accounts = new TopicPartition("accounts", 3);
        progress.onRestoreStart(SCORES_0, "scores", 0, 1000);
        progress.onRestoreStart(promoted, "engagement", 950, 1000);
        progress.onRestoreStart(accounts, "accounts", 0, 1000);

        assertThat(progress.restoringFromFarBehind(0)).as("wiped: from offset 0").isTrue();
        assertThat(progress.restoringFromFarBehind(2)).as("a standby's last 50").isFalse();
        assertThat(progress.restoringFromFarBehind(3)).as("a global store's topic").isFalse();

        progress.onRestoreEnd(SCORES_0, "scores", 1000);
        assertThat(progress.restoringFromFarBehind(0)).isFalse();
    }
}
