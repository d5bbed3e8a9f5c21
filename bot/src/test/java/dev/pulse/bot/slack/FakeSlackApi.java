package dev.pulse.bot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's Web API and response URLs played by a local HTTP server: Slack-shaped JSON answers, every
 * request recorded, and 429 with {@code Retry-After} for the next calls of a method on demand.
 */
public final class FakeSlackApi implements AutoCloseable {
    /** One request: the Web API method (or {@code respond/<id>}), its form or JSON body. */
    public record Call(String method, Map<String, String> form, String body, String authorization) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** A form field holding JSON ({@code blocks}, {@code view}). */
        public String field(String name) {
            return form.get(name);
        }
    }

    /**
     * A file shared through {@code files.getUploadURLExternal}, the upload and {@code
     * files.completeUploadExternal}: what Slack would show in the conversation.
     */
    public record Upload(
            String fileId,
            String filename,
            int declaredLength,
            byte[] bytes,
            String channel,
            String threadTs,
            String initialComment) {}

    /** A person Slack knows. */
    public record SlackUser(String id, String name, String email) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, SlackUser> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Integer> retryAfter = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> limitedAnswers = new ConcurrentHashMap<>();
    private final Map<String, Upload> pendingUploads = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final AtomicInteger fileIds = new AtomicInteger();

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        server.createContext("/upload/", this::upload);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    public String responseUrl(String id) {
        return base() + "/respond/" + id;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void addUser(String id, String name, String email) {
        users.put(id, new SlackUser(id, name, email));
    }

    /** The next {@code times} calls of {@code method} get HTTP 429 with this Retry-After. */
    public void rateLimit(String method, int times, int retryAfterSeconds) {
        rateLimited.put(method, new AtomicInteger(times));
        retryAfter.put(method, retryAfterSeconds);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** How many calls of {@code method} were answered 429. */
    public int rateLimitedCount(String method) {
        AtomicInteger n = limitedAnswers.get(method);
        return n == null ? 0 : n.get();
    }

    /** Files completed into a conversation, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Call call = record(exchange, method);
        AtomicInteger limited = rateLimited.get(method);
        if (limited != null && limited.getAndDecrement() > 0) {
            limitedAnswers.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders()
                    .add("Retry-After", String.valueOf(retryAfter.get(method)));
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        send(exchange, 200, answer(method, call.form()).toString());
    }

    private JsonObject answer(String method, Map<String, String> form) {
        JsonObject out = new JsonObject();
        switch (method) {
            case "auth.test" -> {
                out.addProperty("ok", true);
                out.addProperty("url", "https://pulse-test.slack.com/");
                out.addProperty("team", "Pulse Test");
                out.addProperty("user", "pulse");
                out.addProperty("team_id", "T0PULSE");
                out.addProperty("user_id", "UBOT");
                out.addProperty("bot_id", "BBOT");
            }
            case "users.info" -> userAnswer(out, users.get(form.get("user")), "user_not_found");
            case "users.lookupByEmail" ->
                    userAnswer(
                            out,
                            users.values().stream()
                                    .filter(u -> u.email() != null)
                                    .filter(u -> u.email().equalsIgnoreCase(form.get("email")))
                                    .findFirst()
                                    .orElse(null),
                            "users_not_found");
            case "chat.postMessage" -> {
                out.addProperty("ok", true);
                out.addProperty("channel", form.get("channel"));
                out.addProperty("ts", "1763700000." + String.format("%06d", calls.size()));
            }
            case "views.publish" -> {
                out.addProperty("ok", true);
                JsonObject view = new JsonObject();
                view.addProperty("id", "VHOME");
                out.add("view", view);
            }
            case "files.getUploadURLExternal" -> {
                String id = "F" + String.format("%06d", fileIds.incrementAndGet());
                pendingUploads.put(
                        id,
                        new Upload(
                                id,
                                form.get("filename"),
                                Integer.parseInt(form.getOrDefault("length", "-1")),
                                null,
                                null,
                                null,
                                null));
                out.addProperty("ok", true);
                out.addProperty("upload_url", base() + "/upload/" + id);
                out.addProperty("file_id", id);
            }
            case "files.completeUploadExternal" -> completeUpload(out, form);
            case "conversations.open" -> {
                out.addProperty("ok", true);
                JsonObject channel = new JsonObject();
                channel.addProperty("id", "D" + form.getOrDefault("users", "X"));
                out.add("channel", channel);
            }
            default -> {
                out.addProperty("ok", false);
                out.addProperty("error", "unknown_method");
            }
        }
        return out;
    }

    private static void userAnswer(JsonObject out, SlackUser user, String notFound) {
        if (user == null) {
            out.addProperty("ok", false);
            out.addProperty("error", notFound);
            return;
        }
        out.addProperty("ok", true);
        JsonObject u = new JsonObject();
        u.addProperty("id", user.id());
        u.addProperty("name", user.name().toLowerCase());
        u.addProperty("real_name", user.name());
        JsonObject profile = new JsonObject();
        profile.addProperty("real_name", user.name());
        profile.addProperty("display_name", user.name());
        if (user.email() != null) {
            profile.addProperty("email", user.email());
        }
        u.add("profile", profile);
        out.add("user", u);
    }

    /** The upload URL: Slack takes the raw bytes (or a multipart form) and answers 200. */
    private void upload(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Upload pending = pendingUploads.get(id);
        if (pending == null) {
            send(exchange, 404, "unknown upload");
            return;
        }
        pendingUploads.put(
                id,
                new Upload(
                        id, pending.filename(), pending.declaredLength(), bytes, null, null, null));
        calls.add(new Call("upload/" + id, Map.of(), "", null));
        send(exchange, 200, "OK - " + bytes.length);
    }

    /** Shares uploaded files; a file that was never uploaded is Slack's {@code file_not_found}. */
    private void completeUpload(JsonObject out, Map<String, String> form) {
        var files = JsonParser.parseString(form.getOrDefault("files", "[]")).getAsJsonArray();
        com.google.gson.JsonArray shared = new com.google.gson.JsonArray();
        for (var element : files) {
            String id = element.getAsJsonObject().get("id").getAsString();
            Upload pending = pendingUploads.remove(id);
            if (pending == null || pending.bytes() == null) {
                out.addProperty("ok", false);
                out.addProperty("error", "file_not_found");
                return;
            }
            uploads.add(
                    new Upload(
                            id,
                            pending.filename(),
                            pending.declaredLength(),
                            pending.bytes(),
                            form.get("channel_id"),
                            form.get("thread_ts"),
                            form.get("initial_comment")));
            JsonObject file = new JsonObject();
            file.addProperty("id", id);
            shared.add(file);
        }
        out.addProperty("ok", true);
        out.add("files", shared);
    }

    private void respond(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/respond/".length());
        record(exchange, "respond/" + id);
        send(exchange, 200, "ok");
    }

    private Call record(HttpExchange exchange, String method) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> form = new HashMap<>();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                form.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        Call call =
                new Call(
                        method, form, body, exchange.getRequestHeaders().getFirst("Authorization"));
        calls.add(call);
        return call;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
