package dev.pulse.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: the Bolt app over a WebSocket Pulse opens to Slack, for hosts Slack cannot reach
 * over HTTP. Connecting happens in the background; a failure (wrong app token, no network) is one
 * clear log line and Pulse runs on without it.
 */
final class SlackSocketMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
    private volatile SocketModeApp socketMode;
    private volatile boolean closed;

    /** Starts connecting with the app-level token; returns at once. */
    static SlackSocketMode start(String appToken, App app) {
        SlackSocketMode mode = new SlackSocketMode();
        Thread connect =
                new Thread(
                        () -> {
                            try {
                                SocketModeApp socket =
                                        new SocketModeApp(
                                                appToken,
                                                SocketModeClient.Backend.JavaWebSocket,
                                                app);
                                mode.socketMode = socket;
                                if (mode.closed) {
                                    socket.close();
                                    return;
                                }
                                socket.startAsync();
                                LOG.info("Slack Socket Mode connected");
                            } catch (Exception e) {
                                LOG.error(
                                        "Slack Socket Mode could not start (check"
                                                + " bot.slack.appToken: an xapp- token with"
                                                + " connections:write, and Socket Mode enabled in"
                                                + " the app): {}",
                                        e.toString());
                            }
                        },
                        "pulse-slack-socket-mode");
        connect.setDaemon(true);
        connect.start();
        return mode;
    }

    @Override
    public void close() {
        closed = true;
        SocketModeApp socket = socketMode;
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                LOG.debug("Slack Socket Mode close failed", e);
            }
        }
    }
}
