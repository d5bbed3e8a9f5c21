package dev.pulse.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.pulse.bot.reply.ReplyFile;
import java.io.IOException;

/**
 * Uploads a file into a conversation the current Slack way ({@code files.upload} is retired): the
 * SDK's {@code filesUploadV2} calls {@code files.getUploadURLExternal}, posts the bytes to the URL
 * Slack returns, then {@code files.completeUploadExternal} shares the file in the channel (in a
 * thread when given) with the message as its comment.
 */
final class SlackUploads {
    private SlackUploads() {}

    static void upload(
            MethodsClient client, String channel, String threadTs, ReplyFile file, String comment)
            throws IOException, SlackApiException, SlackErrorException {
        FilesUploadV2Response response =
                client.filesUploadV2(
                        r ->
                                r.channel(channel)
                                        .threadTs(threadTs)
                                        .filename(file.fileName())
                                        .title(file.fileName())
                                        .fileData(file.bytes())
                                        .initialComment(comment)
                                        // The file's details are not needed: one call fewer.
                                        .requestFileInfo(false));
        if (!response.isOk()) {
            throw new SlackErrorException("files.completeUploadExternal", response.getError());
        }
    }

    /** The direct-message conversation with a user: files need a channel id, not a user id. */
    static String directMessage(MethodsClient client, String userId)
            throws IOException, SlackApiException, SlackErrorException {
        ConversationsOpenResponse open =
                client.conversationsOpen(r -> r.users(java.util.List.of(userId)));
        if (!open.isOk()) {
            throw new SlackErrorException("conversations.open", open.getError());
        }
        return open.getChannel().getId();
    }
}
