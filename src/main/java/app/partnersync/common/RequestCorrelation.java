package app.partnersync.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives every HTTP request a correlation id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * echoes it on the response, answers a body above {@code quarkus.http.limits.max-body-size} with a 413 problem (Vert.x
 * and the REST layer would answer an empty 413), whether declared by its length or sent in chunks, and requests that no
 * route matches with a 404 problem.
 */
@ApplicationScoped
public class RequestCorrelation {

    private static final Logger LOG = Logger.getLogger(RequestCorrelation.class);
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "partnersync.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;

    public RequestCorrelation(
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                    MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void install(@Observes Router router) {
        // One route for every request: the correlation id, then the body limit. A declared length above the limit is
        // refused before a byte of the body is read; a chunked body that grows past it makes Vert.x fail the request
        // with 413 while reading, which the failure handler turns into the same problem.
        router.route()
                .order(Integer.MIN_VALUE + 1)
                .handler(ctx -> {
                    String incoming = ctx.request().getHeader(HEADER);
                    String id = incoming != null && ACCEPTABLE.matcher(incoming).matches()
                            ? incoming
                            : UUID.randomUUID().toString();
                    ctx.put(KEY, id);
                    ctx.response().putHeader(HEADER, id);
                    long declared = declaredLength(ctx);
                    if (declared > maxBodyBytes) {
                        tooLarge(ctx);
                    } else if (declared < 0 && isChunked(ctx)) {
                        // No length to judge by: read the body here, up to the limit, so that going past it fails
                        // this route (the 413 problem below). The REST layer then takes the body as read; left to
                        // itself it would answer an empty 413 and fail the request a second time.
                        chunkedBodies.handle(ctx);
                    } else {
                        ctx.next();
                    }
                })
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                        tooLarge(ctx);
                    } else if (ctx.failure() instanceof HttpClosedException
                            || ctx.response().closed()) {
                        // The client went away mid-request (or after a 413): nobody to answer, nothing broken here.
                        LOG.debugf(
                                "%s %s: the connection closed before the answer",
                                ctx.request().method(), ctx.normalizedPath());
                    } else {
                        ctx.next();
                    }
                });
        router.route()
                .last()
                .handler(ctx -> write(ctx, ProblemType.NOT_FOUND, "No resource at " + ctx.normalizedPath() + "."));
    }

    private static boolean isChunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The 413 problem; the connection closes after it, as the unread rest of the body cannot be skipped cheaply. */
    private void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader("Connection", "close");
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // Vert.x would otherwise keep the connection, and the client's unread body, until the client stops.
            ctx.response().endHandler(ended -> ctx.request().connection().close());
        }
        write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes.");
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
