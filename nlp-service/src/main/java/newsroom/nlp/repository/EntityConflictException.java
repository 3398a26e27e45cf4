package newsroom.nlp.repository;

/** The entity id is taken (or was merged away). Answered with 409. */
public class EntityConflictException extends RuntimeException {
    public EntityConflictException(String message) {
        super(message);
    }
}
