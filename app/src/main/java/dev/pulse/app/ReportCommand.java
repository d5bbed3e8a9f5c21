package dev.pulse.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pulse report account <tenant> | portfolio ...}: asks a running Pulse's API for a report
 * and writes the file. The API decides what the key may export and audits it; this command only
 * asks.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Download a business-review or portfolio report (PDF or CSV) from a running Pulse.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse report account acme --out acme.pdf",
            "  ./pulse report portfolio --owner sarah@example.com --format csv --out sarah.zip"
        },
        subcommands = {ReportCommand.Account.class, ReportCommand.Portfolio.class})
final class ReportCommand {
    private ReportCommand() {}

    /** Where the API is, how to authenticate, the range, the format and the file. */
    static final class Request {
        @Option(
                names = "--url",
                defaultValue = "http://localhost:8080",
                description = "Pulse's API (default ${DEFAULT-VALUE}).")
        URI url;

        @Option(
                names = "--api-key",
                defaultValue = "${env:PULSE_API_KEY}",
                description = "API key (default: $PULSE_API_KEY).")
        String apiKey;

        @Option(
                names = "--from",
                description = "First day (YYYY-MM-DD) or instant; default 30 days before --to.")
        String from;

        @Option(
                names = "--to",
                description = "End, exclusive (YYYY-MM-DD or instant); default now.")
        String to;

        @Option(
                names = "--format",
                defaultValue = "pdf",
                description = "pdf or csv (default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", required = true, description = "File to write.")
        Path out;

        int fetch(String path, List<String> query) throws IOException, InterruptedException {
            String fmt = format.toLowerCase(Locale.ROOT);
            if (!fmt.equals("pdf") && !fmt.equals("csv")) {
                System.err.println("--format must be pdf or csv, not '" + format + "'");
                return 2;
            }
            if (apiKey == null || apiKey.isBlank()) {
                System.err.println(
                        "no API key: pass --api-key or set PULSE_API_KEY (create one with 'pulse"
                                + " api-key create')");
                return 2;
            }
            List<String> params = new ArrayList<>(query);
            if (from != null) {
                params.add("from=" + encode(from));
            }
            if (to != null) {
                params.add("to=" + encode(to));
            }
            URI uri =
                    url.resolve(
                            path
                                    + "."
                                    + fmt
                                    + (params.isEmpty() ? "" : "?" + String.join("&", params)));
            HttpClient http =
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<byte[]> response;
            try {
                response =
                        http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("X-API-Key", apiKey)
                                        .timeout(Duration.ofMinutes(2))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
            } catch (ConnectException e) {
                System.err.println(
                        "cannot reach Pulse at "
                                + url
                                + ": is it running? ("
                                + e.getMessage()
                                + ")");
                return 1;
            }
            if (response.statusCode() != 200) {
                System.err.println(
                        "Pulse answered "
                                + response.statusCode()
                                + ": "
                                + problem(response.body()));
                return 1;
            }
            Files.write(out, response.body());
            System.out.printf("Wrote %s (%,d bytes).%n", out, response.body().length);
            return 0;
        }

        private static String problem(byte[] body) {
            try {
                JsonNode json = PulseJson.mapper().readTree(body);
                return json.path("detail").asText(json.path("title").asText("no detail"));
            } catch (IOException e) {
                return new String(body, StandardCharsets.UTF_8);
            }
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Command(
            name = "account",
            mixinStandardHelpOptions = true,
            description = "One account's business review.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  PULSE_API_KEY=... ./pulse report account acme --out acme.pdf",
                "  ./pulse report account acme --from 2026-01-01 --to 2026-04-01 --format csv"
                        + " --out acme-q1.zip --url https://pulse.example.com"
            })
    static final class Account implements Callable<Integer> {
        @Parameters(index = "0", description = "Tenant id.")
        String tenant;

        @Mixin Request options;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return options.fetch("/v1/reports/accounts/" + encode(tenant), List.of());
        }
    }

    @Command(
            name = "portfolio",
            mixinStandardHelpOptions = true,
            description = "A portfolio report: one owner's, one team's, or all accounts in scope.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  ./pulse report portfolio --owner sarah@example.com --out sarah.pdf",
                "  ./pulse report portfolio --team emea --format csv --out emea.zip"
            })
    static final class Portfolio implements Callable<Integer> {
        @ArgGroup(exclusive = true)
        Who who;

        @Mixin Request options;

        static final class Who {
            @Option(names = "--owner", description = "Owner's e-mail.")
            String owner;

            @Option(names = "--team", description = "Team name of the account directory.")
            String team;
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            List<String> query = new ArrayList<>();
            if (who != null && who.owner != null) {
                query.add("owner=" + encode(who.owner));
            }
            if (who != null && who.team != null) {
                query.add("team=" + encode(who.team));
            }
            return options.fetch("/v1/reports/portfolio", query);
        }
    }
}
