package dev.pulse.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Fits text to a font and a width: replaces characters the font cannot show (and control
 * characters, which a PDF text operator cannot carry) with a placeholder, wraps at spaces, and
 * clips single lines with an ellipsis. Customer data reaches these pages, so nothing here may throw
 * on odd input.
 */
final class TextFit {
    private static final String ELLIPSIS = "…";
    private static final char MISSING = '?';

    private final PDType0Font font;
    private final Map<Integer, Boolean> shown = new HashMap<>();

    TextFit(PDType0Font font) {
        this.font = font;
    }

    /** The text with every character the font lacks, and every control character, replaced. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        cp -> {
                            if (Character.isISOControl(cp)) {
                                out.append(' ');
                            } else if (canShow(cp)) {
                                out.appendCodePoint(cp);
                            } else {
                                out.append(MISSING);
                            }
                        });
        return out.toString();
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines no wider than {@code width}; a word longer than a line is cut. */
    List<String> wrap(String text, float size, float width) {
        String clean = printable(text);
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : clean.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(candidate, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** One line no wider than {@code width}, ending in an ellipsis when cut. */
    String clip(String text, float size, float width) {
        String clean = printable(text);
        if (width(clean, size) <= width) {
            return clean;
        }
        int end = clean.length();
        while (end > 0 && width(clean.substring(0, end) + ELLIPSIS, size) > width) {
            end--;
        }
        return clean.substring(0, end) + ELLIPSIS;
    }

    private boolean canShow(int codePoint) {
        return shown.computeIfAbsent(
                codePoint,
                cp -> {
                    try {
                        font.encode(new String(Character.toChars(cp)));
                        return true;
                    } catch (IllegalArgumentException | IOException e) {
                        return false;
                    }
                });
    }
}
