package dev.pulse.streams.connection;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * The cluster refused Pulse: wrong credentials, or missing permissions. Not worth retrying, so
 * Pulse stops at once with a message that says which and where to look, rather than waiting for a
 * timeout that would hide it.
 */
public final class KafkaAccessException extends IllegalStateException {
    private KafkaAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Authentication (SASL, TLS client certificates) or authorization (ACLs) failures. */
    public static boolean isAccessFailure(Throwable error) {
        return error instanceof AuthenticationException || error instanceof AuthorizationException;
    }

    public static KafkaAccessException of(String doing, Throwable cause) {
        String what =
                cause instanceof AuthenticationException
                        ? "Kafka authentication failed while "
                                + doing
                                + "; check the credentials in kafka.properties"
                                + " (sasl.jaas.config, ssl.keystore.*) and the secrets they read: "
                        : "Kafka refused permission while "
                                + doing
                                + "; check the ACLs of Pulse's principal: ";
        return new KafkaAccessException(what + cause.getMessage(), cause);
    }

    public static KafkaAccessException creatingTopic(String topic, Throwable cause) {
        return of("creating topic " + topic, cause);
    }
}
