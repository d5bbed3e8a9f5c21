package dev.pulse.bot.core;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.UserDirectory;
import java.util.Optional;

/**
 * Who a chat user is in Pulse: the person who declared this platform id in the directory ({@code
 * chat:} in users.yaml), else the person with the e-mail the platform vouches for. Nobody else: a
 * display name proves nothing.
 */
public final class ChatIdentities {
    private final UserDirectory directory;

    public ChatIdentities(UserDirectory directory) {
        this.directory = directory;
    }

    public Optional<DirectoryUser> resolve(ChatUser user) {
        Optional<DirectoryUser> declared = directory.findByChatId(user.platform(), user.userId());
        if (declared.isPresent()) {
            return declared;
        }
        return user.verifiedEmail() == null
                ? Optional.empty()
                : directory.find(user.verifiedEmail());
    }

    /** What to tell someone Pulse does not know. */
    static String howToGetAccess(ChatUser user) {
        String email =
                user.verifiedEmail() == null
                        ? ""
                        : " (your " + user.platform() + " e-mail is " + user.verifiedEmail() + ")";
        return "I don't know you yet"
                + email
                + ". Ask your Pulse admin to add you to the user directory (config/users.yaml) with"
                + " your work e-mail, or to map your "
                + user.platform()
                + " id "
                + user.userId()
                + " with `chat: {"
                + user.platform()
                + ": "
                + user.userId()
                + "}` under your entry.";
    }
}
