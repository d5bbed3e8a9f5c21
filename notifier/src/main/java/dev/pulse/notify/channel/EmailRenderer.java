package dev.pulse.notify.channel;

import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationReason;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/** Subject, plain text and HTML of an alert e-mail or a digest. */
final class EmailRenderer {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String linkBase;

    EmailRenderer(String linkBaseUrl) {
        this.linkBase = linkBaseUrl;
    }

    record Rendered(String subject, String text, String html) {}

    Rendered render(Delivery delivery) {
        List<Notification> items = delivery.notifications();
        if (!delivery.digest()) {
            Notification n = items.get(0);
            String subject =
                    "[Pulse] "
                            + n.severity().label()
                            + ": "
                            + n.accountName()
                            + " ("
                            + n.ruleId()
                            + ")"
                            + prefix(n.reason());
            return new Rendered(
                    subject,
                    text(n) + footer(),
                    "<html><body>" + html(n) + htmlFooter() + "</body></html>");
        }
        String subject =
                "[Pulse] Daily digest: " + items.size() + " alert" + (items.size() == 1 ? "" : "s");
        StringBuilder text = new StringBuilder("Your Pulse alerts since the last digest:\n\n");
        StringBuilder html =
                new StringBuilder("<html><body><h2>Your Pulse alerts since the last digest</h2>");
        for (Notification n : items) {
            text.append(text(n)).append('\n');
            html.append(html(n));
        }
        return new Rendered(
                subject,
                text + footer(),
                html.append(htmlFooter()).append("</body></html>").toString());
    }

    private static String prefix(NotificationReason reason) {
        return switch (reason) {
            case FIRED -> "";
            case REMINDER -> " (reminder: still firing)";
            case SNOOZE_ENDED -> " (snooze ended: still firing)";
            case RESOLVED -> " (resolved)";
            case SCHEDULED_REPORT -> "";
        };
    }

    private String text(Notification n) {
        return n.severity().label().toUpperCase(Locale.ROOT)
                + " · "
                + n.accountName()
                + " · "
                + n.ruleId()
                + "\n"
                + n.explanation()
                + "\nSince "
                + WHEN.format(n.alertChangedAt())
                + "\nAccount: "
                + linkBase
                + n.link()
                + "\nAlert id: "
                + n.alertId()
                + "\n";
    }

    private String html(Notification n) {
        String link = escape(linkBase + n.link());
        return "<div style=\"margin-bottom:16px\"><p><strong>"
                + escape(n.severity().label().toUpperCase(Locale.ROOT))
                + "</strong> · "
                + escape(n.accountName())
                + " · "
                + escape(n.ruleId())
                + "</p><p>"
                + escape(n.explanation())
                + "</p><p><small>Since "
                + escape(WHEN.format(n.alertChangedAt()))
                + " · alert <code>"
                + escape(n.alertId())
                + "</code></small></p><p><a href=\""
                + link
                + "\">Open the account</a></p></div>";
    }

    private static String footer() {
        return "\n--\nYou get this because you own the account in Pulse. Change what you receive"
                + " with PUT /v1/me/notification-preferences.\n";
    }

    private static String htmlFooter() {
        return "<hr><p><small>You get this because you own the account in Pulse. Change what you"
                + " receive with <code>PUT /v1/me/notification-preferences</code>.</small></p>";
    }

    private static String escape(String s) {
        return s == null ? "" : StringEscapeUtils.escapeHtml4(s);
    }
}
