package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pulse report} against the whole running program: it asks the API with an API key and
 * writes the file; a refused key or an unreachable Pulse gives a non-zero exit and a sentence that
 * says why.
 */
@ExtendWith(SharedKafkaBroker.class)
class ReportCommandIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";

    @TempDir Path dir;

    @Test
    void writesAReviewPdfAndAPortfolioZipAndSaysWhyWhenRefusedOrUnreachable() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "cli-" + run;
        try (PulseApplication pulse =
                PulseApplication.start(
                        TestPulse.config(dir.resolve("state"), "cli-" + run),
                        PulseApplication.StartupProgress.SILENT)) {
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(tenant + ",Harbor Lights " + run + "," + SARAH + ",5\n");
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
            admin.addEvents(
                    "[" + PulseEndToEndIT.event("e1", tenant, "u1", "login", null, at) + "]");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> admin.get("/v1/accounts/" + tenant).status() == 200);
            String key =
                    admin.post(
                                    "/v1/admin/api-keys",
                                    "application/json",
                                    "{\"name\":\"cli\",\"role\":\"analyst\",\"scope\":\"all\"}")
                            .json()
                            .path("key")
                            .asText();
            String url = "http://127.0.0.1:" + pulse.apiPort();

            Path pdf = dir.resolve("review.pdf");
            Outcome review =
                    pulse(
                            "report",
                            "account",
                            tenant,
                            "--url",
                            url,
                            "--api-key",
                            key,
                            "--out",
                            pdf.toString());
            assertThat(review.exitCode()).as(review.err()).isZero();
            assertThat(review.out()).contains("Wrote " + pdf);
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertThat(new PDFTextStripper().getText(document))
                        .contains("Harbor Lights " + run);
            }

            Path zip = dir.resolve("portfolio.zip");
            Outcome portfolio =
                    pulse(
                            "report",
                            "portfolio",
                            "--owner",
                            SARAH,
                            "--format",
                            "csv",
                            "--url",
                            url,
                            "--api-key",
                            key,
                            "--out",
                            zip.toString());
            assertThat(portfolio.exitCode()).as(portfolio.err()).isZero();
            assertThat(new String(Files.readAllBytes(zip), 0, 2, StandardCharsets.US_ASCII))
                    .isEqualTo("PK");

            Outcome refused =
                    pulse(
                            "report",
                            "account",
                            tenant,
                            "--url",
                            url,
                            "--api-key",
                            "pk_wrong",
                            "--out",
                            pdf.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).startsWith("Pulse answered 401: ");
        }
        Outcome unreachable =
                pulse(
                        "report",
                        "account",
                        tenant,
                        "--url",
                        "http://127.0.0.1:" + PulseApplication.freePort(),
                        "--api-key",
                        "pk_any",
                        "--out",
                        dir.resolve("never.pdf").toString());
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach Pulse at").contains("is it running?");
    }

    private record Outcome(int exitCode, String out, String err) {}

    /** Runs the command line as {@code pulse ...} would, with its output captured. */
    private static Outcome pulse(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new PulseMain()).execute(args);
            return new Outcome(
                    code,
                    outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
