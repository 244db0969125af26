package app.partnersync.common;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response. Extension members: {@code correlationId} always,
 * {@code errors} for validation failures, {@code etag} and {@code current} (the current record) for a 412.
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        List<FieldError> errors,
        String etag,
        Object current) {

    public Problem(
            URI type,
            String title,
            int status,
            String detail,
            String instance,
            String correlationId,
            List<FieldError> errors) {
        this(type, title, status, detail, instance, correlationId, errors, null, null);
    }

    /** One offending request field or parameter of a validation failure. */
    public record FieldError(String field, String message) {}

    public static final String MEDIA_TYPE = "application/problem+json";
}
