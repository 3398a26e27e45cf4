package newsroom.stack;

/** A stack that cannot start, or a server that failed: the message says what happened and what to do. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
