package app.partnersync.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A REST Assured filter that fails a test when an answer carries a header that the contract does not declare for
 * that operation and status: every header the service sends is documented where it is sent. The swagger validator
 * checks only the headers the contract declares; this checks the others. The transport headers that the contract's
 * introduction describes for every answer ({@link #TRANSPORT}, and the CORS headers) are the only exceptions.
 */
public final class DeclaredHeaders implements Filter {

    /**
     * Sent with every answer and covered once by the contract's introduction (Transport) or by HTTP itself: the media
     * type and framing, the security headers listed under Transport, and caching negotiation.
     */
    static final Set<String> TRANSPORT = Set.of(
            "content-type",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "date",
            "vary",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
            "strict-transport-security",
            "content-security-policy");

    /**
     * The CORS answers, which only a deployment that allows a web app's origin sends, as the introduction ("Live
     * events in a browser") describes once for every operation.
     */
    static final String CORS = "access-control-";

    private final List<Route> routes = new ArrayList<>();

    /** One path of the contract, as a pattern of the paths it matches; more literal paths are tried first. */
    private record Route(Pattern pattern, int literals, PathItem item) {}

    DeclaredHeaders(OpenAPI contract) {
        contract.getPaths().forEach((template, item) -> {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            int literals = template.replaceAll("\\{[^}]+}", "").length();
            routes.add(new Route(Pattern.compile(regex), literals, item));
        });
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
    }

    static DeclaredHeaders ofContract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI contract = new OpenAPIV3Parser().read(Api.CONTRACT.toUri().toString(), null, options);
        if (contract == null) {
            throw new IllegalStateException("the contract does not parse: " + Api.CONTRACT);
        }
        return new DeclaredHeaders(contract);
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        List<String> undeclared =
                undeclared(request.getMethod(), URI.create(request.getURI()).getPath(), response);
        if (!undeclared.isEmpty()) {
            throw new AssertionError("the answer " + response.getStatusCode() + " to " + request.getMethod() + " "
                    + URI.create(request.getURI()).getPath() + " carries headers the contract does not declare: "
                    + undeclared);
        }
        return response;
    }

    /**
     * The headers of {@code response} that the contract does not declare for this method, path and status; empty
     * when the contract has no such operation or status (the contract filter reports those).
     */
    List<String> undeclared(String method, String path, Response response) {
        ApiResponse declared = declared(method, path, response.getStatusCode());
        if (declared == null) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        if (declared.getHeaders() != null) {
            declared.getHeaders().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        }
        List<String> undeclared = new ArrayList<>();
        for (Header header : response.getHeaders()) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (!TRANSPORT.contains(name)
                    && !name.startsWith(CORS)
                    && !names.contains(name)
                    && !undeclared.contains(header.getName())) {
                undeclared.add(header.getName());
            }
        }
        return undeclared;
    }

    private ApiResponse declared(String method, String path, int status) {
        for (Route route : routes) {
            if (!route.pattern().matcher(path).matches()) {
                continue;
            }
            Operation operation = route.item().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
            if (operation == null || operation.getResponses() == null) {
                return null;
            }
            Map<String, ApiResponse> responses = operation.getResponses();
            ApiResponse exact = responses.get(String.valueOf(status));
            if (exact != null) {
                return exact;
            }
            ApiResponse range = responses.get(status / 100 + "XX");
            return range != null ? range : responses.get("default");
        }
        return null;
    }
}
