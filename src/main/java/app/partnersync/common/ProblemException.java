package app.partnersync.common;

import java.util.List;
import java.util.Map;

/** Thrown by services to answer with a specific problem; turned into problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;
    private String etag;
    private Object current;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(
            ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** A validation failure of a single field. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION_FAILED,
                "The request has an invalid field.",
                List.of(new Problem.FieldError(field, message)),
                Map.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist.");
    }

    /** A 412: the record's current tag and state, so that the client can merge without another request. */
    public static ProblemException preconditionFailed(long currentVersion, Object current) {
        String tag = Versions.tag(currentVersion).toString();
        ProblemException problem = new ProblemException(
                ProblemType.PRECONDITION_FAILED,
                "The record changed since the version you based this on; merge with the current one and retry.",
                List.of(),
                Map.of("ETag", tag));
        problem.etag = tag;
        problem.current = current;
        return problem;
    }

    /** This problem as a body, for places that report problems inside a 200 answer (sync push results). */
    public Problem toProblem(String instance, String correlationId) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                getMessage(),
                instance,
                correlationId,
                errors.isEmpty() ? null : errors,
                etag,
                current);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
