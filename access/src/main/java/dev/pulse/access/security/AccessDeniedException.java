package dev.pulse.access.security;

/** The caller may not see this; the API answers 403 and the audit log records a denial. */
public final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
