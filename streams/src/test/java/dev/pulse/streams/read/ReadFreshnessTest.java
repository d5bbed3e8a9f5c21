package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ReadFreshnessTest {

    @Test
    void anAnswerReadOnlyFromOwnersIsFresh() throws Exception {
        ReadFreshness.Captured<String> captured = ReadFreshness.capture(() -> "scores");

        assertThat(captured.value()).isEqualTo("scores");
        assertThat(captured.fromCopy()).isFalse();
        assertThat(captured.staleHeader()).isNull();
    }

    @Test
    void theHeaderCarriesTheLargestLagOfTheCopiesRead() throws Exception {
        ReadFreshness.Captured<String> captured =
                ReadFreshness.capture(
                        () -> {
                            ReadFreshness.readFromCopy(3);
                            ReadFreshness.readFromCopy("changelog-lag=42");
                            ReadFreshness.readFromCopy((String) null); // a fresh remote answer
                            return "portfolio";
                        });

        assertThat(captured.fromCopy()).isTrue();
        assertThat(captured.staleHeader()).isEqualTo("changelog-lag=42");
    }

    @Test
    void oneCopyOfUnknownLagMakesTheWholeLagUnknown() throws Exception {
        ReadFreshness.Captured<String> captured =
                ReadFreshness.capture(
                        () -> {
                            ReadFreshness.readFromCopy(5);
                            ReadFreshness.readFromCopy("changelog-lag=unknown");
                            ReadFreshness.readFromCopy(7);
                            return "summary";
                        });

        assertThat(captured.staleHeader()).isEqualTo("changelog-lag=unknown");
    }

    @Test
    void aNestedCaptureReportsToItsCallerToo() throws Exception {
        ReadFreshness.Captured<ReadFreshness.Captured<String>> outer =
                ReadFreshness.capture(
                        () ->
                                ReadFreshness.capture(
                                        () -> {
                                            ReadFreshness.readFromCopy(9);
                                            return "inner";
                                        }));

        assertThat(outer.value().staleHeader()).isEqualTo("changelog-lag=9");
        assertThat(outer.staleHeader()).isEqualTo("changelog-lag=9");
    }

    @Test
    void readsOutsideACaptureAreNotKept() throws Exception {
        ReadFreshness.readFromCopy(11);

        assertThat(ReadFreshness.capture(() -> "later").fromCopy()).isFalse();
    }

    @Test
    void copiesReadOnOtherThreadsForTheRequestCount() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ReadFreshness.Captured<List<String>> captured =
                    ReadFreshness.capture(
                            () -> {
                                var fresh =
                                        CompletableFuture.supplyAsync(
                                                ReadFreshness.forThisRequest(() -> "owner"), pool);
                                var copy =
                                        CompletableFuture.supplyAsync(
                                                ReadFreshness.forThisRequest(
                                                        () -> {
                                                            ReadFreshness.readFromCopy(13);
                                                            return "standby";
                                                        }),
                                                pool);
                                return List.of(fresh.join(), copy.join());
                            });

            assertThat(captured.value()).containsExactly("owner", "standby");
            assertThat(captured.staleHeader()).isEqualTo("changelog-lag=13");
            // The pool's thread keeps nothing of the request once it is answered.
            java.util.function.Supplier<String> later = () -> "later";
            assertThat(
                            CompletableFuture.supplyAsync(
                                            () -> ReadFreshness.forThisRequest(later), pool)
                                    .join())
                    .isSameAs(later);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outsideACaptureTheReadIsRunAsItIs() {
        var read = (java.util.function.Supplier<String>) () -> "plain";

        assertThat(ReadFreshness.forThisRequest(read)).isSameAs(read);
    }
}
