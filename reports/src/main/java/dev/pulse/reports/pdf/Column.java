package dev.pulse.reports.pdf;

/**
 * A table column: its heading, its share of the table's width, and whether its cells align right
 * (numbers).
 */
record Column(String heading, float weight, boolean right) {
    static Column text(String heading, float weight) {
        return new Column(heading, weight, false);
    }

    static Column number(String heading, float weight) {
        return new Column(heading, weight, true);
    }
}
