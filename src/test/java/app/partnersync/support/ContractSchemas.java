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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what the service sends outside of an HTTP answer (webhook bodies, live events) against a schema of the
 * committed contract, as the contract filter of {@link Api} checks answers: the payloads cannot drift from their
 * schemas either.
 */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One validator per schema, each over its own copy of the contract: the validator rewrites the schema tree it
     * caches as it goes, and validating LiveEvent and WebhookEvent (which share schemas) through one validator left
     * that tree cyclic, so that every later validation overflowed the stack.
     */
    private static final Map<String, SchemaValidator> VALIDATORS = new HashMap<>();

    private ContractSchemas() {}

    private static OpenAPI load() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(Api.CONTRACT.toUri().toString(), null, options);
        if (api == null) {
            throw new IllegalStateException("the contract does not parse: " + Api.CONTRACT);
        }
        // The validator loops for ever on a discriminated union inside a shape of another (a moment.updated event's
        // record is a Moment, itself told apart by kind). A discriminator only says where to look: each shape's
        // single-valued property and the oneOf's "exactly one" check the same, so without them nothing is let through.
        api.getComponents().getSchemas().values().forEach(schema -> schema.setDiscriminator(null));
        return api;
    }

    /**
     * What is wrong with {@code json} as an instance of {@code components/schemas/<schema>}; empty when nothing. One
     * at a time: the validator builds its schema cache lazily and is not safe for the receiver threads that call it
     * at once (two sweeping instances), which corrupted the cache into a cyclic tree (a StackOverflowError).
     */
    public static synchronized List<String> problems(String schema, String json) {
        ValidationReport report;
        try {
            report = VALIDATORS
                    .computeIfAbsent(schema, name -> new SchemaValidator(load(), new MessageResolver()))
                    .validate(json, new Schema<>().$ref("#/components/schemas/" + schema), schema);
        } catch (Error e) {
            throw new AssertionError("the validator failed on a " + schema + ": " + json, e);
        }
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
