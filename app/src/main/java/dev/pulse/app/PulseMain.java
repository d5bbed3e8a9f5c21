package dev.pulse.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: {@code pulse run | demo | bench | generate}. */
@Command(
        name = "pulse",
        mixinStandardHelpOptions = true,
        version = "Pulse 0.1.0",
        description = "Real-time customer-health engine.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse demo                      a simulated customer base, dashboard on :8080",
            "  ./pulse run -c my-pulse.yaml      Pulse over your own data and Kafka",
            "  ./pulse <command> --help          what a command does, its options and examples"
        },
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            BenchmarkCommand.class,
            GenerateCommand.class,
            ApiKeyCommand.class,
            AuditCommand.class,
            BacktestCommand.class,
            ReportCommand.class,
            HistoryCommand.class
        })
public final class PulseMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new PulseMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
