package app.partnersync.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request parameters of an enum type (a status or kind to filter by, a window): the value is spelled as in JSON, the
 * constant's name or its {@code @JsonProperty}, and anything else is the 400 problem of an invalid field, naming the
 * parameter and every allowed value in declaration order ("must be one of open, completed, closed"). A resource then
 * takes {@code @QueryParam("status") CheckIn.Status status} and never checks the value itself.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return (ParamConverter<T>) new Converter(rawType, parameterName(annotations));
    }

    /** The spelling of each constant, as Jackson reads and writes it. */
    public static <E extends Enum<E>> String spelling(E constant) {
        try {
            JsonProperty property =
                    constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("an enum constant is a field of its class", e);
        }
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private static final class Converter<E extends Enum<E>> implements ParamConverter<E> {

        private final String parameter;
        private final Map<String, E> bySpelling = new LinkedHashMap<>();

        Converter(Class<E> type, String parameter) {
            this.parameter = parameter;
            for (E constant : type.getEnumConstants()) {
                bySpelling.put(spelling(constant), constant);
            }
        }

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            E constant = bySpelling.get(value);
            if (constant == null) {
                throw ProblemException.invalidField(
                        parameter, "must be one of " + String.join(", ", bySpelling.keySet()));
            }
            return constant;
        }

        @Override
        public String toString(E value) {
            return value == null ? null : spelling(value);
        }
    }
}
