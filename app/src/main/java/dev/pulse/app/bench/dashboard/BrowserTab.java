package dev.pulse.app.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One tab of the browser, attached over a flat DevTools session, that loads pages on a cold cache
 * and times them until a condition holds in the page.
 */
final class BrowserTab {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAGE_DEADLINE = Duration.ofSeconds(30);

    /** Poll interval of a page condition: the measurement error it adds, bounded by a deadline. */
    private static final long POLL_MILLIS = 10;

    private static final String FROM_CACHE =
            "performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource'))"
                    + ".filter(e => e.transferSize === 0 && e.decodedBodySize > 0).length";

    private final DevToolsConnection devTools;
    private final String session;

    private BrowserTab(DevToolsConnection devTools, String session) {
        this.devTools = devTools;
        this.session = session;
    }

    static BrowserTab open(DevToolsConnection devTools) {
        String target =
                await(
                                devTools.send(
                                        "Target.createTarget",
                                        devTools.params().put("url", "about:blank")))
                        .path("targetId")
                        .asText();
        String session =
                await(
                                devTools.send(
                                        "Target.attachToTarget",
                                        devTools.params()
                                                .put("targetId", target)
                                                .put("flatten", true)))
                        .path("sessionId")
                        .asText();
        return new BrowserTab(devTools, session);
    }

    /** Gives the tab a cookie for {@code site}, as a sign-in would have set it. */
    void setCookie(String site, String name, String value) {
        JsonNode set =
                command(
                        "Network.setCookie",
                        devTools.params()
                                .put("url", site)
                                .put("name", name)
                                .put("value", value)
                                .put("path", "/"));
        if (!set.path("success").asBoolean(true)) {
            throw new IllegalStateException("the browser refused the cookie " + name);
        }
    }

    /**
     * Leaves the current page, empties the HTTP cache, then times from asking for {@code url} until
     * the JavaScript expression {@code ready} is true in the page.
     *
     * @throws IllegalStateException if it is not true within 30 s
     */
    Duration coldLoad(String url, String ready) {
        command("Page.navigate", devTools.params().put("url", "about:blank"));
        command("Network.clearBrowserCache", null);
        long start = System.nanoTime();
        JsonNode navigated = command("Page.navigate", devTools.params().put("url", url));
        if (navigated.hasNonNull("errorText")) {
            throw new IllegalStateException(url + ": " + navigated.get("errorText").asText());
        }
        long deadline = start + PAGE_DEADLINE.toNanos();
        while (!holds(ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        url + " not ready within " + PAGE_DEADLINE + "; the page said: " + text());
            }
            sleep();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * How many of the current page's responses, the document included, came from the browser's
     * cache rather than the server (a body but no bytes transferred): 0 after a truly cold load.
     */
    int responsesFromCache() {
        JsonNode result =
                command(
                        "Runtime.evaluate",
                        devTools.params().put("expression", FROM_CACHE).put("returnByValue", true));
        return result.path("result").path("value").asInt(0);
    }

    /** The start of the page's visible text, for a failure's message. */
    private String text() {
        try {
            JsonNode result =
                    command(
                            "Runtime.evaluate",
                            devTools.params()
                                    .put(
                                            "expression",
                                            "document.body ? document.body.innerText.slice(0, 300)"
                                                    + " : '(no body)'")
                                    .put("returnByValue", true));
            return "'" + result.path("result").path("value").asText("").replace('\n', ' ') + "'";
        } catch (IllegalStateException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** False also while the new document has no execution context yet. */
    private boolean holds(String expression) {
        try {
            JsonNode result =
                    command(
                            "Runtime.evaluate",
                            devTools.params()
                                    .put("expression", "Boolean(" + expression + ")")
                                    .put("returnByValue", true));
            return result.path("result").path("value").asBoolean(false);
        } catch (IllegalStateException betweenDocuments) {
            return false;
        }
    }

    private JsonNode command(String method, ObjectNode params) {
        return await(devTools.send(session, method, params));
    }

    private static JsonNode await(CompletableFuture<JsonNode> answer) {
        try {
            return answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the browser", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the browser did not answer in " + COMMAND_TIMEOUT, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling the page", e);
        }
    }
}
