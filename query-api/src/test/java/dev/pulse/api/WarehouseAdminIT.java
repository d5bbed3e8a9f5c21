package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.api.admin.WarehouseAdmin;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warehouse's admin action and readiness details, through the real router and security. */
class WarehouseAdminIT {
    private static final String REFRESH = "/v1/admin/warehouse/directory-refresh";

    private final AtomicReference<CompletionStage<Integer>> nextRefresh =
            new AtomicReference<>(CompletableFuture.completedFuture(3));
    private final WarehouseAdmin warehouse =
            new WarehouseAdmin() {
                @Override
                public boolean configured() {
                    return true;
                }

                @Override
                public Map<String, Object> status() {
                    return Map.of("status", "BEHIND", "sink", Map.of("up", false, "behind", 42));
                }

                @Override
                public CompletionStage<Integer> refreshDirectory() {
                    return nextRefresh.get();
                }
            };
    private RunningApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anAdminRefreshesTheDirectoryAndTheAuditLogSaysSo() {
        api = RunningApi.builder().warehouse(warehouse).start();

        HttpResponse<String> response = api.post(REFRESH, "application/json", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningApi.json(response).path("changedAccounts").asInt()).isEqualTo(3);
        assertThat(api.audit.last().detail()).contains("3 accounts published or removed");
        assertThat(api.audit.last().subject()).isEqualTo(TestUsers.ADMIN);
    }

    @Test
    void onlyAdminsMayRefresh() {
        api = RunningApi.builder().warehouse(warehouse).start();

        assertThat(api.as(TestUsers.SARAH).post(REFRESH, "application/json", "").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aWarehouseThatCannotBeReadIsUnavailableAndNoWarehouseIsNotFound() {
        api = RunningApi.builder().warehouse(warehouse).start();
        nextRefresh.set(CompletableFuture.failedFuture(new IllegalStateException("refused")));

        HttpResponse<String> down = api.post(REFRESH, "application/json", "");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        api.close();

        api = RunningApi.builder().start();
        assertThat(api.post(REFRESH, "application/json", "").statusCode()).isEqualTo(404);
    }

    @Test
    void readinessSaysTheWarehouseIsBehindWhileStayingReady() {
        api = RunningApi.builder().warehouse(warehouse).start();

        HttpResponse<String> ready = api.anonymous().get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = RunningApi.json(ready);
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("warehouse").path("status").asText()).isEqualTo("BEHIND");
        assertThat(body.path("warehouse").path("sink").path("behind").asInt()).isEqualTo(42);
    }
}
