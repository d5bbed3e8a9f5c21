package dev.pulse.reports.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One table of a CSV export: a file name, a header row and rows of values ({@link CsvCells} decides
 * how each value is written).
 *
 * @param name the file name inside a zip, e.g. {@code score-history.csv}
 */
public record CsvTable(String name, List<String> header, List<List<Object>> rows) {
    public CsvTable {
        Objects.requireNonNull(name, "name");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Starts a table with these column names. */
    public static Builder named(String name, String... header) {
        return new Builder(name, Arrays.asList(header));
    }

    /** Collects rows; each must have as many values as the header has columns. */
    public static final class Builder {
        private final String name;
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> header) {
            this.name = name;
            this.header = header;
        }

        public Builder row(Object... values) {
            if (values.length != header.size()) {
                throw new IllegalArgumentException(
                        name
                                + ": a row of "
                                + values.length
                                + " values for "
                                + header.size()
                                + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(values)));
            return this;
        }

        public CsvTable build() {
            return new CsvTable(name, header, rows);
        }
    }
}
