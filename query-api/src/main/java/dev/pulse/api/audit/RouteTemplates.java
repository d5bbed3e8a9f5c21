package dev.pulse.api.audit;

import java.util.List;

/**
 * Names a request path by the route template it matches ({@code /v1/accounts/:tenant}), so the
 * audit log records what was asked for without raw paths, query strings or attacker-chosen text.
 * Matching does not depend on whether the request got as far as its route: a request refused by
 * authentication is named by the route it was aimed at.
 */
public final class RouteTemplates {
    /** The action of a path that matches no template. */
    public static final String UNKNOWN = "(unknown route)";

    private final List<String[]> templates;
    private final List<String> names;

    public RouteTemplates(List<String> templates) {
        this.names = List.copyOf(templates);
        this.templates = names.stream().map(RouteTemplates::segments).toList();
    }

    /** The first template {@code path} matches, or {@link #UNKNOWN}. */
    public String match(String path) {
        if (path == null) {
            return UNKNOWN;
        }
        String[] parts = segments(path);
        for (int i = 0; i < templates.size(); i++) {
            if (matches(templates.get(i), parts)) {
                return names.get(i);
            }
        }
        return UNKNOWN;
    }

    private static boolean matches(String[] template, String[] path) {
        if (template.length != path.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith(":") && !path[i].isEmpty();
            if (!parameter && !template[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        String trimmed =
                path.length() > 1 && path.endsWith("/")
                        ? path.substring(0, path.length() - 1)
                        : path;
        return trimmed.split("/", -1);
    }
}
