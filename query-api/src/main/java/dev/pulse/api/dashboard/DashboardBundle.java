package dev.pulse.api.dashboard;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The built web app: its page ({@code index.html}, with an ETag from its content) and its hashed
 * assets, read from the classpath folder {@value #ROOT} that the {@code pulse-dashboard} jar holds.
 * Assets are read on first request and kept: their names carry their content hash.
 */
public final class DashboardBundle {
    /** Classpath folder of the bundle. */
    public static final String ROOT = "dashboard";

    private final Buffer index;
    private final String etag;
    private final Function<String, byte[]> assets;
    private final Map<String, Optional<Buffer>> cache = new ConcurrentHashMap<>();

    /**
     * A bundle of {@code index} and the assets {@code assets} finds by file name (or {@code null}
     * for an unknown one).
     */
    public DashboardBundle(byte[] index, Function<String, byte[]> assets) {
        this.index = Buffer.buffer(index);
        this.etag = etagOf(index);
        this.assets = assets;
    }

    /** The bundle on the classpath; fails when the dashboard module was not built into it. */
    public static DashboardBundle fromClasspath() {
        ClassLoader loader = DashboardBundle.class.getClassLoader();
        byte[] index = read(loader, ROOT + "/index.html");
        if (index == null) {
            throw new IllegalStateException(
                    "classpath resource "
                            + ROOT
                            + "/index.html is missing: build the dashboard module"
                            + " (pulse-dashboard) and put it on the classpath");
        }
        return new DashboardBundle(index, name -> read(loader, ROOT + "/assets/" + name));
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
        return cache.computeIfAbsent(
                name, n -> Optional.ofNullable(assets.apply(n)).map(Buffer::buffer));
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
        return new DashboardBundle(
                index.getBytes(StandardCharsets.UTF_8),
                name -> {
                    String asset = assets.get(name);
                    return asset == null ? null : asset.getBytes(StandardCharsets.UTF_8);
                });
    }
}
