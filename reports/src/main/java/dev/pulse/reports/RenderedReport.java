package dev.pulse.reports;

/**
 * A rendered file, ready to send or save.
 *
 * @param fileName a suggested name, e.g. {@code review-acme-2026-01-01-to-2026-03-31.pdf}
 * @param mediaType {@code application/pdf}, {@code text/csv} or {@code application/zip}
 */
public record RenderedReport(String fileName, String mediaType, byte[] bytes) {
    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String ZIP = "application/zip";
}
