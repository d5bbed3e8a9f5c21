package dev.pulse.api.auth;

/**
 * Credentials were presented and rejected: 401 when they do not prove who the caller is, 403 when
 * they do but the caller is not a Pulse user. The message is the reason the client and the audit
 * log see; it never contains the credential.
 */
public final class CredentialsRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String provenSubject;

    private CredentialsRejectedException(int status, String reason, String provenSubject) {
        super(reason, null, false, false);
        this.status = status;
        this.provenSubject = provenSubject;
    }

    /** 401: the credential is missing, malformed, forged, expired or revoked. */
    public static CredentialsRejectedException invalid(String reason) {
        return new CredentialsRejectedException(401, reason, null);
    }

    /** 403: the credential proves {@code subject}, but Pulse does not let them in. */
    public static CredentialsRejectedException notAllowed(String subject, String reason) {
        return new CredentialsRejectedException(403, reason, subject);
    }

    public int status() {
        return status;
    }

    /** Who the credential proved, when it did (a valid token of an unknown user); else null. */
    public String provenSubject() {
        return provenSubject;
    }
}
