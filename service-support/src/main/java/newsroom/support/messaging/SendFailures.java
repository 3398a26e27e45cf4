package newsroom.support.messaging;

import java.util.Set;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/** Sorts the reason a record was not published: will sending the same record again ever work? */
public final class SendFailures {
    /** The record itself is the problem (too large, malformed, unserializable, bad topic name): retrying cannot help. */
    private static final Set<Class<? extends Throwable>> PERMANENT = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, SerializationException.class,
            InvalidTopicException.class);

    private SendFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : PERMANENT) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A one-line reason for {@code last_error}: the innermost cause's type and message, at most 1,000 characters. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        text = text.replace('\n', ' ');
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
