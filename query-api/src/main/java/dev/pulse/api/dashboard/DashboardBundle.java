package dev.pulse.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The built web app: its page ({@code index.html}, with an ETag from its content) and its hashed
 * assets, read once at start from the classpath folder {@value #ROOT} that the {@code
 * pulse-dashboard} jar holds. The build's manifest ({@value #MANIFEST}) lists the assets, so
 * serving never touches the class path (no I/O on the event loop) and unknown names cost nothing.
 */
public final class DashboardBundle {
    /** Classpath folder of the bundle. */
    public static final String ROOT = "dashboard";

    /** Vite's build manifest, under {@link #ROOT}. */
    static final String MANIFEST = ".vite/manifest.json";

    private static final String ASSETS = "assets/";

    private final Buffer index;
    private final String etag;
    private final Map<String, Buffer> assets;

    /** A bundle of {@code index} and {@code assets} by file name (without {@code assets/}). */
    DashboardBundle(byte[] index, Map<String, byte[]> assets) {
        this.index = Buffer.buffer(index);
        this.etag = etagOf(index);
        Map<String, Buffer> loaded = new TreeMap<>();
        assets.forEach((name, bytes) -> loaded.put(name, Buffer.buffer(bytes)));
        this.assets = Map.copyOf(loaded);
    }

    /** The bundle on the classpath; fails when the dashboard module was not built into it. */
    public static DashboardBundle fromClasspath() {
        ClassLoader loader = DashboardBundle.class.getClassLoader();
        byte[] index = read(loader, ROOT + "/index.html");
        byte[] manifest = read(loader, ROOT + "/" + MANIFEST);
        if (index == null || manifest == null) {
            throw new IllegalStateException(
                    "classpath resources "
                            + ROOT
                            + "/index.html and "
                            + ROOT
                            + "/"
                            + MANIFEST
                            + " are missing: build the dashboard module (pulse-dashboard) and put"
                            + " it on the classpath");
        }
        Map<String, byte[]> assets = new TreeMap<>();
        for (String file : assetFiles(manifest)) {
            byte[] bytes = read(loader, ROOT + "/" + file);
            if (bytes == null) {
                throw new IllegalStateException(
                        "the dashboard manifest lists " + file + ", which is missing");
            }
            assets.put(file.substring(ASSETS.length()), bytes);
        }
        return new DashboardBundle(index, assets);
    }

    /** Every {@code assets/...} file the manifest names: chunks, their CSS and other assets. */
    static Iterable<String> assetFiles(byte[] manifest) {
        TreeMap<String, Boolean> files = new TreeMap<>();
        try {
            JsonNode chunks = new ObjectMapper().readTree(manifest);
            for (JsonNode chunk : chunks) {
                addAsset(files, chunk.path("file"));
                chunk.path("css").forEach(css -> addAsset(files, css));
                chunk.path("assets").forEach(asset -> addAsset(files, asset));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard manifest", e);
        }
        return files.keySet();
    }

    private static void addAsset(Map<String, Boolean> files, JsonNode file) {
        if (file.isTextual() && file.asText().startsWith(ASSETS)) {
            files.put(file.asText(), true);
        }
    }

    /** The page. */
    public Buffer index() {
        return index;
    }

    /** The page's strong ETag, quoted. */
    public String indexEtag() {
        return etag;
    }

    /** The asset called {@code name}, if the bundle has it. */
    public Optional<Buffer> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** How many assets the bundle holds. */
    public int assetCount() {
        return assets.size();
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String etagOf(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(hash, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** A bundle from strings, for tests. */
    static DashboardBundle of(String index, Map<String, String> assets) {
        Map<String, byte[]> bytes = new TreeMap<>();
        assets.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return new DashboardBundle(index.getBytes(StandardCharsets.UTF_8), bytes);
    }
}
