package newsroom.ingest.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Wrong JSON types are errors, not silent conversions: a number or boolean where text is expected
 * ({@code "body": 42}) answers 400 naming the field instead of storing "42".
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // {"body": "x"} } is malformed, not an article followed by noise
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
