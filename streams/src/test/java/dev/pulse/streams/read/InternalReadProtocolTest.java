package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalReadProtocolTest {
    @Test
    void aLargeBatchIsSplitIntoQueriesThatFitTheRequestLineAndAskForEveryTenantOnce() {
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tenants.add("tenant with spaces & symbols/" + i);
        }

        List<String> queries = InternalReadProtocol.tenantsQueries(tenants);

        assertThat(queries).hasSizeGreaterThan(1);
        List<String> asked = new ArrayList<>();
        for (String query : queries) {
            assertThat(query).startsWith("?tenant=");
            assertThat(query.length()).isLessThanOrEqualTo(InternalReadProtocol.MAX_QUERY_CHARS);
            for (String parameter : query.substring(1).split("&")) {
                asked.add(
                        URLDecoder.decode(
                                parameter.substring("tenant=".length()), StandardCharsets.UTF_8));
            }
        }
        assertThat(asked).containsExactlyElementsOf(tenants);
    }

    @Test
    void aSmallBatchIsOneQueryAndNoneIsNoCall() {
        assertThat(InternalReadProtocol.tenantsQueries(List.of("acme", "globex")))
                .containsExactly("?tenant=acme&tenant=globex");
        assertThat(InternalReadProtocol.tenantsQueries(List.of())).isEmpty();
    }
}
