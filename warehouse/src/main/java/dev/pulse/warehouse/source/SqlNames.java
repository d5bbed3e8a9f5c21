package dev.pulse.warehouse.source;

import java.util.regex.Pattern;

/**
 * Table and column names from the configuration go into SQL text (they cannot be bound as
 * parameters), so only plain identifiers are accepted.
 */
final class SqlNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern TABLE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlNames() {}

    static String table(String name, String setting) {
        if (name == null || !TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    setting + " must be a table or view name ([schema.]name), not '" + name + "'");
        }
        return name;
    }

    static String column(String name, String setting) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    setting + " must be a column name, not '" + name + "'");
        }
        return name;
    }
}
