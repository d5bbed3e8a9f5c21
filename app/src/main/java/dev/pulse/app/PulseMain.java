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
        System.exit(commandLine().execute(args));
    }

    /**
     * Pulse's command line. Input a command refuses (an {@link IllegalArgumentException}: a missing
     * file, an invalid model or configuration) ends it with its message and exit code 1; anything
     * else is a fault and keeps its stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new PulseMain()).setExecutionExceptionHandler(PulseMain::refused);
    }

    private static int refused(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (!(e instanceof IllegalArgumentException)) {
            throw e;
        }
        command.getErr()
                .println(
                        command.getColorScheme()
                                .errorText(
                                        command.getCommandSpec().qualifiedName()
                                                + ": "
                                                + e.getMessage()));
        return CommandLine.ExitCode.SOFTWARE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
