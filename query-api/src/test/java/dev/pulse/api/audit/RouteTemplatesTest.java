package dev.pulse.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
    private final RouteTemplates routes =
            new RouteTemplates(
                    List.of(
                            "/v1/accounts",
                            "/v1/accounts/:tenant",
                            "/v1/accounts/:tenant/timeseries",
                            "/v1/audit",
                            "/v1/audit/verify"));

    @Test
    void namesPathsByTheirTemplate() {
        assertThat(routes.match("/v1/accounts")).isEqualTo("/v1/accounts");
        assertThat(routes.match("/v1/accounts/acme")).isEqualTo("/v1/accounts/:tenant");
        assertThat(routes.match("/v1/accounts/acme/")).isEqualTo("/v1/accounts/:tenant");
        assertThat(routes.match("/v1/accounts/acme/timeseries"))
                .isEqualTo("/v1/accounts/:tenant/timeseries");
        assertThat(routes.match("/v1/audit/verify")).isEqualTo("/v1/audit/verify");
    }

    @Test
    void neverReturnsTheRawPath() {
        assertThat(routes.match("/v1/accounts//timeseries")).isEqualTo(RouteTemplates.UNKNOWN);
        assertThat(routes.match("/v1/secret-probe")).isEqualTo(RouteTemplates.UNKNOWN);
        assertThat(routes.match(null)).isEqualTo(RouteTemplates.UNKNOWN);
    }

    @Test
    void keepsASaneRequestIdAndReplacesOthers() {
        assertThat(AuditHandler.requestId("req-42.a:b")).isEqualTo("req-42.a:b");
        assertThat(AuditHandler.requestId("bad id with spaces")).hasSize(36);
        assertThat(AuditHandler.requestId("x".repeat(129))).hasSize(36);
        assertThat(AuditHandler.requestId(null)).hasSize(36);
    }
}
