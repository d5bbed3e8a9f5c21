package dev.pulse.streams.runtime;

import dev.pulse.streams.connection.KafkaAccessException;
import dev.pulse.streams.connection.KafkaConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics that are missing, leaves existing ones alone, and returns once every partition of
 * every topic has a leader. A broker that has only just started can answer a creation with a
 * retriable error (not yet a controller, metadata still loading): those are retried until the
 * deadline rather than failing Pulse's start-up.
 */
public final class KafkaTopics {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final long RETRY_PAUSE_MS = 50;

    private KafkaTopics() {}

    public static void ensure(String bootstrapServers, Collection<NewTopic> topics) {
        ensure(KafkaConnection.to(bootstrapServers), topics, DEFAULT_TIMEOUT);
    }

    public static void ensure(KafkaConnection kafka, Collection<NewTopic> topics) {
        ensure(kafka, topics, DEFAULT_TIMEOUT);
    }

    public static void ensure(
            String bootstrapServers, Collection<NewTopic> topics, Duration timeout) {
        ensure(KafkaConnection.to(bootstrapServers), topics, timeout);
    }

    /**
     * @throws IllegalStateException naming the topic and the broker's reason when a topic cannot be
     *     created, or when the broker does not get them ready within {@code timeout}
     * @throws KafkaAccessException when the cluster refuses Pulse's credentials or permissions
     */
    public static void ensure(KafkaConnection kafka, Collection<NewTopic> given, Duration timeout) {
        if (given.isEmpty()) {
            return;
        }
        List<NewTopic> topics = given.stream().map(kafka.topics()::applyTo).toList();
        String bootstrapServers = kafka.describe();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try (Admin admin = Admin.create(adminConfig(kafka, timeout))) {
            Map<NewTopic, Throwable> failing = createOnce(admin, topics, deadline);
            while (!failing.isEmpty()) {
                Throwable last = failing.values().iterator().next();
                if (System.nanoTime() >= deadline) {
                    throw timedOut(names, bootstrapServers, timeout, last, last);
                }
                TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
                try {
                    failing = createOnce(admin, List.copyOf(failing.keySet()), deadline);
                } catch (TimeoutException e) {
                    // The deadline fell during a retry: the last answer says more than the clock.
                    throw timedOut(names, bootstrapServers, timeout, last, e);
                }
            }
            awaitLeaders(admin, names, deadline, bootstrapServers, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        } catch (TimeoutException e) {
            throw timedOut(names, bootstrapServers, timeout, null, e);
        }
    }

    /** One round of creation; returns the topics that failed with a transient error, and why. */
    private static Map<NewTopic, Throwable> createOnce(
            Admin admin, List<NewTopic> topics, long deadline)
            throws InterruptedException, TimeoutException {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        Map<NewTopic, Throwable> retry = new LinkedHashMap<>();
        for (NewTopic topic : topics) {
            try {
                results.get(topic.name()).get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (KafkaAccessException.isAccessFailure(cause)) {
                    throw KafkaAccessException.creatingTopic(topic.name(), cause);
                }
                if (isTransient(cause)) {
                    LOG.debug("Creating {} failed for now, retrying: {}", topic.name(), cause);
                    retry.put(topic, cause);
                } else if (!(cause instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "cannot create topic " + topic.name() + ": " + cause.getMessage(),
                            cause);
                }
            }
        }
        return retry;
    }

    /**
     * Retriable errors, and "replication factor cannot be reached" from a controller that has not
     * yet seen the (only) broker register or has fenced it for a late heartbeat on a busy machine:
     * both pass within seconds.
     */
    private static boolean isTransient(Throwable cause) {
        return cause instanceof RetriableException
                || cause instanceof InvalidReplicationFactorException;
    }

    private static void awaitLeaders(
            Admin admin, List<String> names, long deadline, String bootstrap, Duration timeout)
            throws InterruptedException, TimeoutException {
        while (true) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(names)
                                .allTopicNames()
                                .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                boolean allLed =
                        described.values().stream()
                                .flatMap(d -> d.partitions().stream())
                                .map(TopicPartitionInfo::leader)
                                .allMatch(leader -> leader != null && !leader.isEmpty());
                if (allLed) {
                    return;
                }
            } catch (ExecutionException e) {
                if (KafkaAccessException.isAccessFailure(e.getCause())) {
                    throw KafkaAccessException.creatingTopic(names.get(0), e.getCause());
                }
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException(
                            "cannot describe topics " + names + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            }
            if (System.nanoTime() >= deadline) {
                throw timedOut(names, bootstrap, timeout, null, null);
            }
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
        }
    }

    private static IllegalStateException timedOut(
            List<String> names,
            String bootstrap,
            Duration timeout,
            Throwable lastError,
            Throwable cause) {
        String why =
                lastError == null
                        ? "is it running and reachable?"
                        : "last answer: " + lastError.getMessage();
        return new IllegalStateException(
                "Kafka at "
                        + bootstrap
                        + " did not create topics "
                        + names
                        + " within "
                        + timeout.toSeconds()
                        + " s; "
                        + why,
                cause);
    }

    private static Map<String, Object> adminConfig(KafkaConnection kafka, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        return kafka.clientConfig(
                Map.of(
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        Math.min(timeoutMs, 10_000),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        timeoutMs));
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
