package app.partnersync.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request a correlation id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * echoes it on the response, and answers requests that no route matches with a 404 problem.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "partnersync.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ObjectMapper json;

    public RequestCorrelation(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String incoming = ctx.request().getHeader(HEADER);
            String id = incoming != null && ACCEPTABLE.matcher(incoming).matches()
                    ? incoming
                    : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
        router.route()
                .last()
                .handler(ctx -> write(ctx, ProblemType.NOT_FOUND, "No resource at " + ctx.normalizedPath() + "."));
    }

    /** The correlation id of the request being handled in {@code ctx}. */
    public static String of(RoutingContext ctx) {
        String id = ctx == null ? null : ctx.get(KEY);
        return id != null ? id : "unknown";
    }

    /** Writes a problem outside the REST layer (routes that no resource matched). */
    private void write(RoutingContext ctx, ProblemType type, String detail) {
        Problem problem =
                new Problem(type.uri(), type.title(), type.status(), detail, ctx.normalizedPath(), of(ctx), null);
        try {
            ctx.response()
                    .setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
