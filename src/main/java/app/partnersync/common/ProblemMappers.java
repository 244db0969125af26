package app.partnersync.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the REST layer into an RFC 9457 problem. Client errors are logged at DEBUG,
 * server errors at ERROR with the correlation id the body also carries; no exception text of a server error, stack
 * trace or class name ever leaves.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RoutingContext routing;

    public ProblemMappers(RoutingContext routing) {
        this.routing = routing;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e.type().status() < 500) {
            LOG.debugf(
                    "%s %s -> %d %s: %s",
                    routing.request().method(),
                    routing.normalizedPath(),
                    e.type().status(),
                    e.type().name(),
                    e.getMessage());
        }
        Response.ResponseBuilder response = Response.status(e.type().status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(routing.normalizedPath(), RequestCorrelation.of(routing)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        boolean ownFault = e.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (ownFault) {
            return unexpected(e);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String fields =
                errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(ProblemType.VALIDATION_FAILED, "Invalid value for: " + fields + ".", errors, Map.of());
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        StreamReadException.class,
        DatabindException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        PropertyBindingException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        InvalidTypeIdException.class,
        ValueInstantiationException.class
    })
    public Response json(JsonProcessingException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        if (e.getCause() instanceof ProblemException problem) {
            // A parameter converter's refusal (EnumParameters), which JAX-RS wraps in a 404 for query and
            // path parameters: the problem it names is the answer.
            return problem(problem);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at " + routing.normalizedPath() + ".";
            case METHOD_NOT_ALLOWED ->
                routing.request().method() + " is not supported on " + routing.normalizedPath() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json.";
            case NOT_ACCEPTABLE -> "This resource answers application/json.";
            case UNAUTHORIZED -> "A valid access token is required.";
            case FORBIDDEN -> "You may not do this.";
            default -> "The request could not be understood.";
        };
        Map<String, String> headers =
                type == ProblemType.METHOD_NOT_ALLOWED && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null
                        ? Map.of(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                        : Map.of();
        return respond(type, detail, List.of(), headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(ProblemType.UNAUTHORIZED, "A valid access token is required.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(
                ProblemType.UNAUTHORIZED, "The access token is invalid, expired or revoked.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemType.FORBIDDEN, "You may not do this.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String correlationId = RequestCorrelation.of(routing);
        if (DatabaseUnavailable.causedBy(e)) {
            // Expected while PostgreSQL restarts or the pool is exhausted: one line, no stack trace per request.
            LOG.warnf(
                    "Database unavailable for %s %s [correlationId=%s]: %s",
                    routing.request().method(), routing.normalizedPath(), correlationId, rootMessage(e));
            return respond(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database right now; retry after a moment.",
                    List.of(),
                    Map.of("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)));
        }
        LOG.errorf(
                e,
                "Unexpected failure of %s %s [correlationId=%s]",
                routing.request().method(),
                routing.normalizedPath(),
                correlationId);
        return respond(
                ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the correlation id when reporting it.",
                List.of(),
                Map.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (!field.isEmpty()) {
                String message = e instanceof UnrecognizedPropertyException
                        ? "is not a known property"
                        : "has the wrong type or format";
                return respond(
                        ProblemType.MALFORMED_REQUEST,
                        "The property '" + field + "' " + message + ".",
                        List.of(new Problem.FieldError(field, message)),
                        Map.of());
            }
        }
        return respond(
                ProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON of the expected shape.",
                List.of(),
                Map.of());
    }

    private Response respond(
            ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        if (type.status() < 500) {
            LOG.debugf(
                    "%s %s -> %d %s: %s",
                    routing.request().method(), routing.normalizedPath(), type.status(), type.name(), detail);
        }
        Problem body = new Problem(
                type.uri(),
                type.title(),
                type.status(),
                detail,
                routing.normalizedPath(),
                RequestCorrelation.of(routing),
                errors.isEmpty() ? null : errors);
        Response.ResponseBuilder response =
                Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(response::header);
        if (type.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    /** The contract's name of the offending field: a body property path, or the query/path parameter name. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getName() != null) {
                        properties.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
                    }
                }
                default -> {}
            }
        }
        return properties.isEmpty() ? (parameter != null ? parameter : "body") : String.join(".", properties);
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }
}
