package dev.pulse.api.auth;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.UserDirectory;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a verified e-mail address is in Pulse: the person of the user directory, which alone gives
 * role and scope. Every way a person proves an e-mail (a bearer JWT, a browser sign-in) turns it
 * into a {@link Principal} here, so they cannot disagree about who gets in.
 */
public final class People {
    private final UserDirectory directory;

    public People(UserDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Everyone who is a Pulse user. */
    public UserDirectory directory() {
        return directory;
    }

    /** The directory entry of {@code email}, in any letter case. */
    public Optional<DirectoryUser> find(String email) {
        return email == null ? Optional.empty() : directory.find(email);
    }

    /**
     * The caller {@code email} is, proven by {@code method}.
     *
     * @throws CredentialsRejectedException 403 when the e-mail names no one in the directory
     */
    public Principal principal(String email, String method) {
        return find(email)
                .orElseThrow(
                        () ->
                                CredentialsRejectedException.notAllowed(
                                        email,
                                        "not a Pulse user; ask an admin to add "
                                                + email
                                                + " to the user directory"))
                .principal(method);
    }
}
