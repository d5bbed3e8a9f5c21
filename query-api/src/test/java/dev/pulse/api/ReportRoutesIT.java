package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.api.testing.Tokens;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Report downloads and CSV lists over HTTP: rights, scope, audit, neutralised cells. */
class ReportRoutesIT {
    private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    private static final String EVIL = "=HYPERLINK(\"http://x\",\"y\")";
    private static RunningApi api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        api = RunningApi.start(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void state() {
        api.reader.clear();
        api.audit.clear();
        api.reader.put(Scores.account("acme", "Acme Rockets", TestUsers.SARAH));
        api.reader.put(Scores.account("evil", EVIL, TestUsers.SARAH));
        api.reader.put(Scores.account("globex", "Globex", TestUsers.MARC));
        for (String tenant : List.of("acme", "evil", "globex")) {
            for (LocalDate day = LocalDate.of(2026, 5, 31);
                    day.isBefore(LocalDate.of(2026, 7, 1));
                    day = day.plusDays(1)) {
                double score = tenant.equals("acme") ? 30 + day.getDayOfMonth() : 55;
                api.reader.putDaily(Scores.endOfDay(tenant, day, score));
                api.reader.putEngagement(
                        tenant,
                        Granularity.DAY,
                        new EngagementPoint(
                                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                                100,
                                10,
                                Map.of("login", 60L, "feature_used", 40L),
                                Map.of("dashboards", 40L)));
            }
            api.reader.putCurrent(Scores.score(tenant, tenant.equals("acme") ? 61 : 55, NOW));
        }
    }

    @Test
    void accountManagerDownloadsTheReviewOfTheirAccountAsPdf()
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                get(TestUsers.SARAH, "/v1/reports/accounts/acme.pdf?from=2026-06-01&to=2026-07-02");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"review-acme-2026-06-01-to-2026-07-01.pdf\"");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Acme Rockets")
                    .contains("2026-06-01 to 2026-07-01")
                    .contains("61.0");
        }
        AuditEntry export =
                api.audit.entries().stream()
                        .filter(e -> e.method().equals("EXPORT"))
                        .findFirst()
                        .orElseThrow();
        assertThat(export.allowed()).isTrue();
        assertThat(export.tenants()).containsExactly("acme");
        assertThat(export.detail()).contains("tenant=acme").contains("format=pdf");
    }

    @Test
    void accountManagerMayNotExportAnotherOwnersAccountAndTheRefusalIsAudited()
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(TestUsers.SARAH, "/v1/reports/accounts/globex.csv");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(api.audit.entries())
                .anySatisfy(
                        e -> {
                            assertThat(e.method()).isEqualTo("EXPORT");
                            assertThat(e.allowed()).isFalse();
                            assertThat(e.tenants()).containsExactly("globex");
                        })
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).startsWith("GET /v1/reports/accounts");
                            assertThat(e.status()).isEqualTo(403);
                        });
    }

    @Test
    void customerAdminExportsOnlyTheirOwnTenantAndNoPortfolio()
            throws IOException, InterruptedException {
        assertThat(get(TestUsers.ACME_ADMIN, "/v1/reports/accounts/acme.pdf").statusCode())
                .isEqualTo(200);
        assertThat(get(TestUsers.ACME_ADMIN, "/v1/reports/accounts/globex.pdf").statusCode())
                .isEqualTo(403);
        assertThat(get(TestUsers.ACME_ADMIN, "/v1/reports/portfolio.pdf").statusCode())
                .isEqualTo(403);
    }

    @Test
    void badInputIsAProblem() throws IOException, InterruptedException {
        assertThat(get(TestUsers.ADMIN, "/v1/reports/accounts/acme.docx").statusCode())
                .isEqualTo(400);
        assertThat(
                        get(
                                        TestUsers.ADMIN,
                                        "/v1/reports/accounts/acme.pdf?from=2026-07-01&to=2026-06-01")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        get(TestUsers.ADMIN, "/v1/reports/portfolio.pdf?owner=a@x&team=emea")
                                .statusCode())
                .isEqualTo(400);
        assertThat(get(TestUsers.ADMIN, "/v1/reports/accounts/nobody.pdf").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFormulaInAnAccountNameIsNeutralisedInEveryCsv() throws IOException, InterruptedException {
        String neutral = "'" + EVIL;
        HttpResponse<byte[]> portfolio =
                get(TestUsers.SARAH, "/v1/reports/portfolio.csv?owner=" + TestUsers.SARAH);
        assertThat(portfolio.statusCode()).isEqualTo(200);
        assertThat(portfolio.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zipText(portfolio.body()))
                .contains(csvQuoted(neutral))
                .doesNotContain("," + csvQuoted(EVIL));

        HttpResponse<byte[]> review = get(TestUsers.SARAH, "/v1/reports/accounts/evil.csv");
        assertThat(zipText(review.body())).contains(csvQuoted(neutral));

        for (String list : List.of("/v1/portfolio.csv", "/v1/portfolio")) {
            HttpResponse<byte[]> response = getCsv(TestUsers.SARAH, list);
            assertThat(response.statusCode()).isEqualTo(200);
            List<CSVRecord> rows =
                    parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(rows).extracting(r -> r.get("name")).contains(neutral, "Acme Rockets");
            assertThat(rows).extracting(r -> r.get("tenantId")).contains("acme", "evil");
        }
    }

    @Test
    void listCsvRoundTripsThroughACsvParserWithTheSameValues()
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                getCsv(
                        TestUsers.SARAH,
                        "/v1/accounts/acme/timeseries.csv?metric=health_score&step=day&from=2026-06-01&to=2026-06-05");
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> rows =
                parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("value")).isEqualTo("31");
    }

    private static String csvQuoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static String zipText(byte[] zip) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static HttpResponse<byte[]> get(String email, String path)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(api.uri(path))
                        .header("Authorization", "Bearer " + Tokens.hs256(email))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> getCsv(String email, String path)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(api.uri(path))
                        .header("Authorization", "Bearer " + Tokens.hs256(email))
                        .header("Accept", "text/csv")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
