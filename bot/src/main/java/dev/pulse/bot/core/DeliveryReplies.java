package dev.pulse.bot.core;

import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ReplyFile;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * What a chat push channel shows for each notification of a delivery: an alert's reply, or a
 * scheduled report's title with its file (rendered now, on the channel's worker, as the owner).
 */
public final class DeliveryReplies {
    private DeliveryReplies() {}

    public static List<BotReply> of(Delivery delivery, String linkBaseUrl, ReportFiles reports)
            throws DeliveryException {
        List<BotReply> replies = new ArrayList<>();
        for (Notification n : delivery.notifications()) {
            if (n.report() == null) {
                replies.add(AlertReplies.of(n, linkBaseUrl));
            } else {
                ReportFiles.ReportFile file = reports.file(n.report());
                replies.add(
                        BotReply.plain("📄 " + n.report().title())
                                .withFile(
                                        new ReplyFile(
                                                file.fileName(), file.mediaType(), file.bytes())));
            }
        }
        return replies;
    }
}
