package newsroom.nlp.repository;

/** No entity with that id. Answered with 404. */
public class EntityNotFoundException extends RuntimeException {
    public EntityNotFoundException(String message) {
        super(message);
    }
}
