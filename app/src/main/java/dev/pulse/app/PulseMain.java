package dev.pulse.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: {@code pulse run | demo | bench | generate}. */
@Command(
        name = "pulse",
        mixinStandardHelpOptions = true,
        version = "Pulse 0.1.0",
        description = "Real-time customer-health engine.",
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
        requireForeignMemoryModule();
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new PulseMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** DataSketches needs this incubator module on Java 17; say how to run rather than crash. */
    private static void requireForeignMemoryModule() {
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) {
            System.err.println(
                    "Pulse needs the JVM flag --add-modules=jdk.incubator.foreign on Java 17.\n"
                            + "Start it with ./pulse (which adds it), or:\n"
                            + "  java --add-modules=jdk.incubator.foreign -jar app/target/pulse.jar"
                            + " demo");
            System.exit(2);
        }
    }
}
