package dev.pulse.api.signin;

/**
 * Why a browser sign-in stopped, as the status and plain words of the page the person sees. The
 * message never contains a token or code.
 */
public final class SignInFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    private SignInFailure(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    /** 400: the request cannot be a sign-in (a refused return path, a stale or forged state). */
    public static SignInFailure badRequest(String message) {
        return new SignInFailure(400, "Sign-in could not continue", message);
    }

    /**
     * 400: the callback does not belong to a sign-in started from this browser, or too long ago.
     */
    public static SignInFailure badState() {
        return badRequest(
                "This sign-in link has expired or was not started from this browser. Please"
                        + " start again.");
    }

    /** 401: the identity provider said no, or what it sent back does not verify. */
    public static SignInFailure refused(String message) {
        return new SignInFailure(401, "Sign-in was refused", message);
    }

    /** 403: the person proved their e-mail but is not in Pulse's user directory. */
    public static SignInFailure notAPulseUser(String email) {
        return new SignInFailure(
                403,
                "Not a Pulse user",
                "You signed in as "
                        + email
                        + ", but that address is not a Pulse user. Ask a Pulse administrator"
                        + " to add it to the user directory.");
    }

    /** 502: the identity provider cannot be reached or answered nonsense. */
    public static SignInFailure unreachable(String message) {
        return new SignInFailure(502, "The identity provider cannot be reached", message);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
