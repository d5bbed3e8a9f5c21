package dev.pulse.api.dashboard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which request paths belong to the dashboard: every path the app routes in the browser (the page
 * is served for it) and its hashed assets, never the API's or the operators' paths.
 *
 * <p>Client routes may hold dots ({@code /accounts/acme.io}), so a dot does not make a path a file.
 */
public final class DashboardPaths {
    /** Prefix of the bundle's hashed assets. */
    public static final String ASSETS = "/assets/";

    /** Paths (and their subpaths) that belong to the server, never to the app. */
    private static final List<String> SERVER_PREFIXES =
            List.of("/auth", "/demo-idp", "/internal", "/health", "/metrics", "/openapi.yaml");

    /** Versioned API prefixes: {@code /v1}, {@code /v2/...}. */
    private static final Pattern API_VERSION = Pattern.compile("^/v[0-9]+(/.*)?$");

    /** An asset's file name as Vite writes it: letters, digits, {@code -_.}, no path. */
    private static final Pattern ASSET_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$");

    private DashboardPaths() {}

    /** True when the page should answer {@code path}: a client route of the app. */
    public static boolean isAppPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith(ASSETS)) {
            return false;
        }
        if (API_VERSION.matcher(path).matches()) {
            return false;
        }
        for (String prefix : SERVER_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code path} is under {@link #ASSETS}. */
    public static boolean isAssetPath(String path) {
        return path != null && path.startsWith(ASSETS);
    }

    /**
     * The asset's file name, or {@code null} when {@code path} names no possible asset (a
     * subfolder, {@code ..}, odd characters).
     */
    public static String assetName(String path) {
        if (!isAssetPath(path)) {
            return null;
        }
        String name = path.substring(ASSETS.length());
        if (!ASSET_NAME.matcher(name).matches() || name.contains("..")) {
            return null;
        }
        return name;
    }
}
