package dev.pulse.notify.channel;

import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.ReportRun;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * E-mail over SMTP (Jakarta Mail, Eclipse Angus): one message per delivery with a plain-text and an
 * HTML part (and the file of a scheduled report attached). The Message-ID is derived from the
 * delivery id, so a message re-sent after a crash is recognisable as the same message.
 */
public final class EmailChannel implements Channel {
    private final EmailSettings settings;
    private final Session session;
    private final EmailRenderer renderer;
    private final InternetAddress from;
    private final ReportFiles reports;

    public EmailChannel(EmailSettings settings) {
        this(settings, ReportFiles.NONE);
    }

    /**
     * @param reports renders the file of a scheduled report, sent as an attachment
     */
    public EmailChannel(EmailSettings settings, ReportFiles reports) {
        this.settings = settings;
        this.reports = reports;
        this.session = Session.getInstance(properties(settings), authenticator(settings));
        this.renderer = new EmailRenderer(settings.linkBaseUrl());
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "notifier.email.from '"
                            + settings.from()
                            + "' is not an address: "
                            + e.getMessage());
        }
    }

    @Override
    public String name() {
        return NotificationPreferences.EMAIL;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        MimeMessage message;
        try {
            // A scheduled report renders here, on this channel's worker, never on a stream thread.
            message = message(delivery);
        } catch (MessagingException e) {
            throw DeliveryException.permanent(
                    "cannot build e-mail to " + delivery.recipient() + ": " + e.getMessage(), e);
        }
        try {
            Transport.send(message);
        } catch (SendFailedException e) {
            throw classify(delivery, e);
        } catch (MessagingException e) {
            throw DeliveryException.transientFailure(
                    "SMTP "
                            + settings.host()
                            + ":"
                            + settings.port()
                            + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    private MimeMessage message(Delivery delivery) throws MessagingException, DeliveryException {
        ReportRun run = delivery.notifications().get(0).report();
        EmailRenderer.Rendered rendered =
                run == null ? renderer.render(delivery) : ReportEmail.render(run);
        String messageId = "<" + delivery.id().replaceAll("[^A-Za-z0-9.\\-]", ".") + "@pulse>";
        MimeMessage message =
                new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.recipient()));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(rendered.html(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (run == null) {
            message.setContent(alternative);
        } else {
            message.setContent(ReportEmail.withAttachment(alternative, reports.file(run)));
        }
        message.setHeader("X-Pulse-Delivery", delivery.id());
        return message;
    }

    /** A 5xx for the recipient will not get better; a 4xx or a dropped connection may. */
    private static DeliveryException classify(Delivery delivery, SendFailedException e) {
        Exception next = e.getNextException();
        if (next instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
            return DeliveryException.permanent(
                    "mailbox " + delivery.recipient() + " rejected: " + address.getMessage(), e);
        }
        return DeliveryException.transientFailure(
                "e-mail to " + delivery.recipient() + " not accepted: " + e.getMessage(), e);
    }

    private static Properties properties(EmailSettings s) {
        String protocol = s.security() == EmailSettings.Security.SMTPS ? "smtps" : "smtp";
        String millis = String.valueOf(s.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", String.valueOf(s.port()));
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        p.put("mail." + protocol + ".writetimeout", millis);
        p.put("mail." + protocol + ".auth", String.valueOf(s.authenticated()));
        if (s.security() == EmailSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.security() != EmailSettings.Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static Authenticator authenticator(EmailSettings s) {
        if (!s.authenticated()) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.username(), s.password());
            }
        };
    }
}
