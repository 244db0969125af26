package app.partnersync.support;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;

/**
 * Checks what the service sends outside of an HTTP answer (webhook bodies, live events) against a schema of the
 * committed contract, as the contract filter of {@link Api} checks answers: the payloads cannot drift from their
 * schemas either.
 */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaValidator VALIDATOR = new SchemaValidator(load(), new MessageResolver());

    private ContractSchemas() {}

    private static OpenAPI load() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(Api.CONTRACT.toUri().toString(), null, options);
        if (api == null) {
            throw new IllegalStateException("the contract does not parse: " + Api.CONTRACT);
        }
        return api;
    }

    /** What is wrong with {@code json} as an instance of {@code components/schemas/<schema>}; empty when nothing. */
    public static List<String> problems(String schema, String json) {
        ValidationReport report =
                VALIDATOR.validate(json, new Schema<>().$ref("#/components/schemas/" + schema), schema);
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getMessage()
                        + message.getNestedMessages().stream()
                                .map(nested -> "\n    " + nested.getMessage())
                                .reduce("", String::concat))
                .toList();
    }

    /** Fails unless {@code json} is an instance of {@code components/schemas/<schema>}. */
    public static void assertValid(String schema, String json) {
        List<String> problems = problems(schema, json);
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "not a " + schema + " of the contract: " + json + "\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * One Server-Sent Event as the contract's {@code LiveEvent} describes it: its {@code event} name, its {@code id}
     * when it has one, and its {@code data} parsed as JSON (kept as a string when it is not JSON, so that it fails).
     */
    public static String liveEvent(String name, String id, String data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event", name);
        if (id != null) {
            event.put("id", id);
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(data);
        } catch (Exception notJson) {
            parsed = null;
        }
        if (parsed == null || parsed.isMissingNode()) {
            event.put("data", data);
        } else {
            event.set("data", parsed);
        }
        return event.toString();
    }
}
