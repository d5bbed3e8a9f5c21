package dev.pulse.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.account.AccountParser;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledPortfolioTest {
    /** Small enough to hold as text: about 60,000 events. */
    private static final LabelledPortfolio PORTFOLIO =
            PortfolioGenerator.generate(
                    PortfolioScenario.holidays(3).withAccounts(12).withDays(70));

    @Test
    void eventsWrittenAsNdjsonParseBackToTheSameEvents() throws IOException {
        List<UsageEvent> events = new ArrayList<>();
        PORTFOLIO.forEachEvent(events::add);
        StringWriter out = new StringWriter();

        long written = PORTFOLIO.writeEvents(out);

        String[] lines = out.toString().split("\n", -1);
        assertThat(lines[lines.length - 1]).as("ends with a newline").isEmpty();
        assertThat(written).isEqualTo(events.size()).isEqualTo(lines.length - 1L);
        Instant after =
                PORTFOLIO.lastDay().plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        for (int i = 0; i < events.size(); i++) {
            byte[] line = lines[i].getBytes(StandardCharsets.UTF_8);
            assertThat(UsageEventParser.parse(line, after)).isEqualTo(events.get(i));
        }
        assertThat(lines[0]).startsWith("{\"eventId\":\"").contains("\"timestamp\":\"");
        assertThat(events).hasSizeGreaterThan(30_000);
    }

    @Test
    void accountsWrittenAsNdjsonParseBackToTheSameAccounts() throws IOException {
        StringWriter out = new StringWriter();

        PORTFOLIO.writeAccounts(out);

        List<Account> parsed = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            JsonNode node = PulseJson.mapper().readTree(line);
            parsed.add(AccountParser.parse(node));
        }
        assertThat(parsed).containsExactlyElementsOf(PORTFOLIO.accounts());
        assertThat(parsed)
                .allSatisfy(
                        account -> {
                            assertThat(account.status()).isIn("churned", "renewed", "active");
                            assertThat(account.attributes()).containsKey("pattern");
                        });
        assertThat(out.toString()).contains("\"status\":\"churned\"", "\"churnedAt\":\"");
    }

    @Test
    void writingEventsReportsProgressForEveryDay() throws IOException {
        List<LocalDate> days = new ArrayList<>();
        List<Long> counts = new ArrayList<>();

        long written =
                PORTFOLIO.writeEvents(
                        new StringWriter(),
                        (day, soFar) -> {
                            days.add(day);
                            counts.add(soFar);
                        });

        assertThat(days).hasSize(70).startsWith(PORTFOLIO.firstDay()).endsWith(PORTFOLIO.lastDay());
        assertThat(counts).isSorted().last().isEqualTo(written);
    }

    @Test
    void manifestListsParametersHolidaysAndCounts() throws IOException {
        JsonNode manifest = PulseJson.mapper().readTree(PORTFOLIO.describeScenario(1234));

        assertThat(manifest.path("scenario").asText()).isEqualTo("holidays");
        assertThat(manifest.path("seed").asLong()).isEqualTo(3);
        assertThat(manifest.path("accounts").asInt()).isEqualTo(12);
        assertThat(manifest.path("firstDay").asText()).isEqualTo(PORTFOLIO.firstDay().toString());
        assertThat(manifest.path("lastDay").asText()).isEqualTo("2026-10-31");
        assertThat(manifest.path("fadeDays").path("min").asInt()).isEqualTo(28);
        assertThat(manifest.path("holidays")).hasSize(2);
        assertThat(manifest.path("holidays").get(0).path("from").asText())
                .isEqualTo(PORTFOLIO.holidays().get(0).from().toString());
        int accounts = 0;
        for (JsonNode count : manifest.path("patterns")) {
            accounts += count.asInt();
        }
        assertThat(accounts).isEqualTo(12);
        assertThat(manifest.path("patterns").path("fade").asInt()).isEqualTo(1);
        assertThat(manifest.path("outcomes").path("churned").asInt()).isEqualTo(1);
        assertThat(manifest.path("events").asLong()).isEqualTo(1234);
        assertThat(manifest.path("expectedEvents").asLong()).isPositive();
        assertThat(PulseJson.mapper().readTree(PORTFOLIO.describeScenario()).has("events"))
                .isFalse();
    }
}
