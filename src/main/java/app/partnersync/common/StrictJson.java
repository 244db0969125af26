package app.partnersync.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads request bodies exactly as the contract types them: no number where a string is expected (or the reverse),
 * no duplicate keys (two parsers could disagree on which one wins), nothing after the JSON value.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these readers of java.time values win over the ones Quarkus's own customizers register. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (CoercionInputShape scalar : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // 1.5 is not an integer: by default Jackson truncates it to 1.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // The contract's instants and dates are strings; Jackson would also read epoch numbers and [y, m, d] arrays.
        SimpleModule textOnly = new SimpleModule("StrictJson.textOnlyTime");
        textOnly.addDeserializer(Instant.class, new FromTextOnly<>(Instant.class, InstantDeserializer.INSTANT));
        textOnly.addDeserializer(LocalDate.class, new FromTextOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        textOnly.addDeserializer(LocalTime.class, new FromTextOnly<>(LocalTime.class, LocalTimeDeserializer.INSTANCE));
        mapper.registerModule(textOnly);
    }

    /** Reads a value only from a JSON string, and refuses any other token as of the wrong type. */
    private static final class FromTextOnly<T> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends T> reader;

        FromTextOnly(Class<T> type, JsonDeserializer<? extends T> reader) {
            super(type);
            this.reader = reader;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return reader.deserialize(parser, context);
        }
    }
}
