package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs one Pulse instance until it is stopped (Ctrl-C / SIGTERM). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run Pulse: broker (if embedded), topologies and API.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse run                        embedded broker, state in ./pulse-data",
            "  ./pulse run -c /etc/pulse/pulse.yaml"
        })
final class RunCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            description = "YAML configuration file over the defaults (see config/pulse.yaml).")
    Path config;

    @Override
    public Integer call() throws Exception {
        PulseConfig pulseConfig = ConfigLoader.load(config, System.getenv());
        PulseApplication app = PulseApplication.start(pulseConfig, ConsoleStartup.INSTANCE);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.close();
                                    stopped.countDown();
                                },
                                "pulse-shutdown"));
        ConsoleStartup.INSTANCE.step(
                "Pulse is up: http://localhost:" + app.apiPort() + "/health/ready");
        stopped.await();
        return 0;
    }
}
