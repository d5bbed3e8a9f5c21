package dev.pulse.streams.broker;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The broker settings of a client listener that requires SASL/PLAIN with a fixed set of users. The
 * broker keeps talking to itself over its plaintext listener, so only clients authenticate.
 */
final class SaslListener {
    static final String NAME = "SASL_PLAINTEXT";

    private SaslListener() {}

    static void addTo(
            Map<String, String> config, String host, int port, Map<String, String> users) {
        config.put("listeners", config.get("listeners") + "," + NAME + "://" + host + ":" + port);
        config.put(
                "advertised.listeners",
                config.get("advertised.listeners") + "," + NAME + "://" + host + ":" + port);
        config.put(
                "listener.security.protocol.map",
                config.get("listener.security.protocol.map") + "," + NAME + ":SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", "PLAIN");
        config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas(users));
    }

    /** PLAIN's broker side: one {@code user_<name>="<password>"} option per user. */
    private static String jaas(Map<String, String> users) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + users.entrySet().stream()
                        .map(u -> "user_" + u.getKey() + "=\"" + u.getValue() + "\"")
                        .collect(Collectors.joining(" "))
                + ";";
    }
}
