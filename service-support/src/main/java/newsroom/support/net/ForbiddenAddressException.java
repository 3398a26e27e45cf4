package newsroom.support.net;

/** An outbound URL this service must not call: its message says why, in words a user can act on. */
public class ForbiddenAddressException extends RuntimeException {
    public ForbiddenAddressException(String message) {
        super(message);
    }
}
