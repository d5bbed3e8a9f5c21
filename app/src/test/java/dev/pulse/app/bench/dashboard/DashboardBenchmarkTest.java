package dev.pulse.app.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.app.bench.BenchTenants;
import dev.pulse.app.bench.DashboardPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardBenchmarkTest {
    @Test
    void withoutChromiumSaysHowToInstallItAndMeasuresNothing() {
        List<String> lines = new ArrayList<>();
        DashboardPlan plan =
                new DashboardPlan(
                        true, Path.of("/nonexistent/chromium"), 1, 0, Duration.ofSeconds(1));

        DashboardResult result =
                new DashboardBenchmark(plan, "http://localhost:1", lines::add)
                        .run(BenchTenants.of(30));

        assertThat(result.skipped()).hasValueSatisfying(r -> assertThat(r).contains("chromium"));
        assertThat(result.alone()).isNull();
        assertThat(lines).singleElement().asString().contains("apt-get install chromium");
    }
}
