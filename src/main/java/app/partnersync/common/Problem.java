package app.partnersync.common;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        List<FieldError> errors) {

    /** One offending request field or parameter of a validation failure. */
    public record FieldError(String field, String message) {}

    public static final String MEDIA_TYPE = "application/problem+json";
}
