package dev.pulse.topologies.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.json.PulseJson;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountParserTest {
    private static Account parse(String json) throws Exception {
        JsonNode node = PulseJson.mapper().readTree(json);
        return AccountParser.parse(node);
    }

    @Test
    void readsTheLifecycleOutcomeAndAttributes() throws Exception {
        Account account =
                parse(
                        """
                        {"tenantId":"acme","name":"Acme","owner":"Sarah@Example.com",
                         "status":"Churned","churnedAt":"2026-10-31","renewedAt":"2025-11-01",
                         "attributes":{"pattern":"fade","tier":2}}\
                        """);

        assertThat(account.churned()).isTrue();
        assertThat(account.status()).isEqualTo("churned");
        assertThat(account.churnedAt()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(account.renewedAt()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(account.attributes())
                .containsEntry("pattern", "fade")
                .containsEntry("tier", "2");
    }

    @Test
    void anAccountWithoutOutcomeIsActiveByDefault() throws Exception {
        Account account = parse("{\"tenantId\":\"acme\",\"name\":\"Acme\",\"owner\":\"s@x.io\"}");

        assertThat(account.status()).isNull();
        assertThat(account.churned()).isFalse();
        assertThat(account.attributes()).isEmpty();
    }

    @Test
    void aChurnedAccountMustSayWhen() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{\"tenantId\":\"acme\",\"name\":\"Acme\","
                                                + "\"owner\":\"s@x.io\",\"status\":\"churned\"}"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("'churnedAt' is required");
    }

    @Test
    void refusesAnUnknownStatusAndAChurnDateOnAnActiveAccount() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{\"tenantId\":\"acme\",\"name\":\"Acme\","
                                                + "\"owner\":\"s@x.io\",\"status\":\"gone\"}"))
                .hasMessageContaining("not one of active, churned, renewed");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{\"tenantId\":\"acme\",\"name\":\"Acme\","
                                            + "\"owner\":\"s@x.io\",\"churnedAt\":\"2026-01-01\"}"))
                .hasMessageContaining("only allowed when 'status' is churned");
    }

    @Test
    void outcomeSurvivesTheTopicSerde() throws Exception {
        Account account =
                parse(
                        "{\"tenantId\":\"acme\",\"name\":\"Acme\",\"owner\":\"s@x.io\","
                                + "\"status\":\"churned\",\"churnedAt\":\"2026-10-31\","
                                + "\"attributes\":{\"pattern\":\"fade\"}}");
        byte[] bytes = PulseJson.mapper().writeValueAsBytes(account);

        assertThat(PulseJson.mapper().readValue(bytes, Account.class)).isEqualTo(account);
    }
}
