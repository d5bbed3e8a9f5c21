package dev.pulse.backfill;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a backfill runs: in this process on Flink's MiniCluster, or on an existing Flink cluster
 * through its job manager's REST address ({@code host:port}, 8081 by default).
 *
 * @param jobManager null or blank: in-process
 * @param parallelism tasks per operator; 0: the cluster's default, or this machine's cores
 */
public record FlinkTarget(String jobManager, int parallelism) {
    private static final MemorySize LOCAL_MANAGED_MEMORY = MemorySize.ofMebiBytes(512);

    public static FlinkTarget inProcess() {
        return new FlinkTarget(null, 0);
    }

    public boolean local() {
        return jobManager == null || jobManager.isBlank();
    }

    public String describe() {
        return local() ? "in-process Flink" : "Flink at " + jobManager;
    }

    StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env;
        if (local()) {
            Configuration config = new Configuration();
            config.set(RestOptions.BIND_PORT, "0"); // never collide with a real job manager
            // Grouping and the final sort run in managed memory; the local default (128 MB) spills
            // two years of a large portfolio to disk.
            config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, LOCAL_MANAGED_MEMORY);
            int cores = Runtime.getRuntime().availableProcessors();
            env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            parallelism > 0 ? parallelism : cores, config);
        } else {
            int colon = jobManager.lastIndexOf(':');
            String host = colon < 0 ? jobManager : jobManager.substring(0, colon);
            int port = colon < 0 ? 8081 : Integer.parseInt(jobManager.substring(colon + 1));
            env = StreamExecutionEnvironment.createRemoteEnvironment(host, port, jobJars());
            if (parallelism > 0) {
                env.setParallelism(parallelism);
            }
        }
        return env;
    }

    /**
     * The jar holding this code (Pulse's own), shipped to the cluster; none when run from classes.
     */
    private static String[] jobJars() {
        try {
            Path location =
                    Path.of(
                            FlinkTarget.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return Files.isRegularFile(location)
                    ? new String[] {location.toString()}
                    : new String[0];
        } catch (URISyntaxException | SecurityException e) {
            return new String[0];
        }
    }
}
