package newsroom.ingest.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import newsroom.ingest.CanonicalUrl;

public class HttpUrlValidator implements ConstraintValidator<HttpUrl, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            return CanonicalUrl.of(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
