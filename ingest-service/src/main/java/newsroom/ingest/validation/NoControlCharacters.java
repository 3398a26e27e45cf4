package newsroom.ingest.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * No C0/C1 control characters (NUL, escape, ...) and no unpaired surrogates; tab, and with
 * {@code allowLineBreaks} also CR/LF, are allowed. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoControlCharactersValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {
    String message() default "must not contain control characters";

    boolean allowLineBreaks() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
