package dev.pulse.notify.channel;

import dev.pulse.notify.model.ReportRun;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.commons.text.StringEscapeUtils;

/** Subject, text and attachment of a scheduled report's e-mail. */
final class ReportEmail {
    private ReportEmail() {}

    static EmailRenderer.Rendered render(ReportRun run) {
        String period = run.firstDay() + " to " + run.lastDay();
        String cancel =
                "Cancel it with DELETE /v1/report-schedules/"
                        + run.scheduleId()
                        + ", or 'report cancel "
                        + run.scheduleId()
                        + "' in chat.";
        String text =
                run.title()
                        + "\nPeriod: "
                        + period
                        + "\nThe report is attached.\n\n--\nYou get this because you scheduled"
                        + " it in Pulse (schedule "
                        + run.scheduleId()
                        + "). "
                        + cancel
                        + "\n";
        String html =
                "<html><body><h2>"
                        + escape(run.title())
                        + "</h2><p>Period: "
                        + escape(period)
                        + "</p><p>The report is attached.</p><hr><p><small>You get this because"
                        + " you scheduled it in Pulse (schedule <code>"
                        + escape(run.scheduleId())
                        + "</code>). "
                        + escape(cancel)
                        + "</small></p></body></html>";
        return new EmailRenderer.Rendered("[Pulse] " + run.title(), text, html);
    }

    /** A mixed multipart: the body, then the report file. */
    static MimeMultipart withAttachment(MimeMultipart body, ReportFiles.ReportFile file)
            throws MessagingException {
        MimeBodyPart bodyPart = new MimeBodyPart();
        bodyPart.setContent(body);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(
                new DataHandler(new ByteArrayDataSource(file.bytes(), file.mediaType())));
        attachment.setFileName(file.fileName());
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(bodyPart);
        mixed.addBodyPart(attachment);
        return mixed;
    }

    private static String escape(String s) {
        return s == null ? "" : StringEscapeUtils.escapeHtml4(s);
    }
}
