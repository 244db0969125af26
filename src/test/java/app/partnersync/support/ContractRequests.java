package app.partnersync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Requests drawn from the contract: valid ones (an operation's examples, every free-text string, bounded integer and
 * boolean in them drawn anew within the schema, absent optional text added, ids and dates of the examples replaced
 * with real fixtures) and mutated ones that break exactly one constraint of a valid one.
 */
public final class ContractRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Ids the contract's examples use, and what each stands for in a fixture. */
    private static final Map<String, String> EXAMPLE_IDS = Map.of(
            "3f2b8c1e-7a4d-4e6b-9c21-5d8f0a6b7e34", "accountId",
            "b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e", "partnerId",
            "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f", "partnershipId",
            "7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "commitmentId",
            "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "repairPlanId");

    /** Strings that are not free text even when their schema looks like it: they name something that must exist. */
    private static final Set<String> NOT_FREE_TEXT =
            Set.of("password", "currentPassword", "email", "refreshToken", "cursor", "time");

    /** The contract's pattern of a local time of day, {@code HH:MM}. */
    private static final String CLOCK_TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    /** Region time zones (IANA), some with odd offsets. */
    private static final List<String> ZONES = List.of(
            "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Asia/Tokyo");

    /** A request: query parameters, path parameter overrides, and the body as sent (null: none). */
    public record Draft(Map<String, String> query, Map<String, String> path, String body, String mutation) {

        public boolean valid() {
            return mutation == null;
        }
    }

    private final Random random;
    private final Function<String, String> fixtures;

    /**
     * @param fixtures the value of a fixture by name ({@code partnershipId}, {@code accountId}, {@code partnerId},
     *     {@code commitmentId}, {@code dueDate}, {@code repairPlanId}, ...)
     */
    public ContractRequests(Random random, Function<String, String> fixtures) {
        this.random = random;
        this.fixtures = fixtures;
    }

    // ---------------------------------------------------------------------------------------------------- valid

    /** A valid body for {@code operation}, or null when it takes none. */
    public ObjectNode validBody(Operation operation) {
        Schema<?> schema = bodySchema(operation);
        if (schema == null) {
            return null;
        }
        List<Object> examples = examples(operation);
        JsonNode body = JSON.valueToTree(examples.get(random.nextInt(examples.size())));
        return (ObjectNode) freshen(body, schema, "");
    }

    /** Valid query parameters: enums and bounded integers drawn at random, each present half of the time. */
    public Map<String, String> validQuery(Operation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : parameters(operation, "query")) {
            Schema<?> schema = parameter.getSchema();
            if (!random.nextBoolean()) {
                continue;
            }
            if (schema.getEnum() != null) {
                query.put(parameter.getName(), pick(schema.getEnum()).toString());
            } else if (isInteger(schema) && schema.getMinimum() != null && schema.getMaximum() != null) {
                query.put(parameter.getName(), Long.toString(between(schema.getMinimum(), schema.getMaximum())));
            } else if ("uuid".equals(schema.getFormat()) && parameter.getName().equals("promiser")) {
                query.put(parameter.getName(), fixtures.apply(random.nextBoolean() ? "accountId" : "partnerId"));
            }
        }
        return query;
    }

    private JsonNode freshen(JsonNode node, Schema<?> union, String name) {
        Schema<?> schema = shapeOf(node, union);
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            boolean mutation = object.has("mutationId");
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            if (object.has("cursor") && !required.contains("cursor")) {
                object.remove("cursor"); // an example's cursor is not one of ours
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Schema<?> property = properties.get(field.getKey());
                if (property == null) {
                    continue; // free-form data (additionalProperties: true)
                }
                if (field.getKey().equals("id") && !mutation || field.getKey().equals("mutationId")) {
                    field.setValue(TextNode.valueOf(UUID.randomUUID().toString()));
                } else {
                    field.setValue(freshen(field.getValue(), property, field.getKey()));
                }
            }
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                if (!object.has(property.getKey())
                        && freeText(property.getValue(), property.getKey())
                        && random.nextBoolean()) {
                    object.put(property.getKey(), text(property.getValue()));
                }
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, freshen(array.get(i), schema.getItems(), name));
            }
            return array;
        }
        if (node.isTextual()) {
            String value = node.asText();
            if (EXAMPLE_IDS.containsKey(value)) {
                return TextNode.valueOf(fixtures.apply(EXAMPLE_IDS.get(value)));
            }
            if (name.equals("dueDate")) {
                return TextNode.valueOf(fixtures.apply("dueDate"));
            }
            if (zone(schema)) {
                return TextNode.valueOf(pick(ZONES));
            }
            if ("date-time".equals(schema.getFormat())) {
                return TextNode.valueOf(instant(name));
            }
            if ("uri".equals(schema.getFormat())) {
                // a loopback target (the test profile allows it), since example hosts do not resolve here
                return TextNode.valueOf("http://127.0.0.1:9/fuzz/" + UUID.randomUUID());
            }
            if (freeText(schema, name)) {
                return TextNode.valueOf(text(schema));
            }
            if (schema.getPattern() != null && schema.getPattern().equals(CLOCK_TIME)) {
                return TextNode.valueOf(String.format("%02d:%02d", random.nextInt(24), random.nextInt(60)));
            }
            if ("email".equals(schema.getFormat())) {
                return TextNode.valueOf("fuzz-" + UUID.randomUUID().toString().substring(0, 13) + "@example.test");
            }
            return node;
        }
        if (node.isIntegralNumber()
                && isInteger(schema)
                && schema.getEnum() == null
                && schema.getMinimum() != null
                && schema.getMaximum() != null
                && !"int64".equals(schema.getFormat())) {
            return IntNode.valueOf((int) between(schema.getMinimum(), schema.getMaximum()));
        }
        if (node.isBoolean()) {
            return BooleanNode.valueOf(random.nextBoolean());
        }
        return node;
    }

    /**
     * An instant the contract's rules admit for a property: scheduled starts within 14 days of now, a renegotiated
     * occurrence moved after the fixture commitment's due time, everything else within the next 10 days.
     */
    private String instant(String name) {
        Instant base = name.equals("movedTo") ? Instant.parse(fixtures.apply("dueDate") + "T12:00:00Z") : Instant.now();
        long minutes = 60 + random.nextInt(10 * 24 * 60);
        return base.plus(Duration.ofMinutes(minutes))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private String text(Schema<?> schema) {
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? min + 200 : schema.getMaxLength();
        return CodePointStrings.between(min, max, random);
    }

    private static boolean freeText(Schema<?> schema, String name) {
        return "string".equals(schema.getType())
                && schema.getEnum() == null
                && schema.getFormat() == null
                && (schema.getPattern() == null || schema.getPattern().equals("\\S"))
                && !zone(schema)
                && !NOT_FREE_TEXT.contains(name);
    }

    private static boolean zone(Schema<?> schema) {
        return schema.getDescription() != null && schema.getDescription().contains("IANA");
    }

    // -------------------------------------------------------------------------------------------------- mutated

    /**
     * A mutation of a valid request that breaks exactly one constraint of the contract: in the body, a query
     * parameter or a path parameter. Null when the operation has nothing to break.
     */
    public Draft mutate(Operation operation, ObjectNode validBody, Map<String, String> validQuery) {
        List<Supplier<Draft>> candidates = new ArrayList<>();
        String body = validBody == null ? null : validBody.toString();
        if (validBody != null) {
            Schema<?> schema = bodySchema(operation);
            candidates.add(() -> new Draft(
                    validQuery, Map.of(), "{\"" + pick(List.of("broken", "a", "")) + "\": ", "malformed JSON"));
            candidates.add(
                    () -> new Draft(validQuery, Map.of(), "[" + body + "]", "body: an array instead of an object"));
            if (Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
                candidates.add(() -> new Draft(validQuery, Map.of(), null, "no body"));
            }
            List<Site> sites = new ArrayList<>();
            sites(validBody, schema, "", sites);
            for (Site site : sites) {
                candidates.add(() -> {
                    ObjectNode copy = validBody.deepCopy();
                    String what = site.apply(copy);
                    return new Draft(validQuery, Map.of(), copy.toString(), what);
                });
            }
        }
        for (Parameter parameter : parameters(operation, "query")) {
            for (Map.Entry<String, String> bad :
                    badParameterValues(parameter.getSchema()).entrySet()) {
                candidates.add(() -> {
                    Map<String, String> query = new LinkedHashMap<>(validQuery);
                    query.put(parameter.getName(), bad.getValue());
                    return new Draft(query, Map.of(), body, "query " + parameter.getName() + ": " + bad.getKey());
                });
            }
        }
        for (Parameter parameter : parameters(operation, "path")) {
            for (Map.Entry<String, String> bad :
                    badParameterValues(parameter.getSchema()).entrySet()) {
                candidates.add(() -> new Draft(
                        validQuery,
                        Map.of(parameter.getName(), bad.getValue()),
                        body,
                        "path " + parameter.getName() + ": " + bad.getKey()));
            }
        }
        return candidates.isEmpty() ? null : pick(candidates).get();
    }

    /** Values a parameter's schema refuses, by what they break. */
    private Map<String, String> badParameterValues(Schema<?> schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        if (schema.getEnum() != null) {
            bad.put("outside the enum", "not-" + schema.getEnum().get(0) + "-\uD83D\uDE00");
        }
        if (isInteger(schema)) {
            bad.put("not an integer", pick(List.of("seven", "1.5", "1e3")));
            if (schema.getMinimum() != null) {
                bad.put(
                        "below minimum",
                        schema.getMinimum().subtract(BigDecimal.ONE).toPlainString());
            }
            if (schema.getMaximum() != null) {
                bad.put("above maximum", schema.getMaximum().add(BigDecimal.ONE).toPlainString());
            }
        }
        String format = schema.getFormat();
        if ("uuid".equals(format)) {
            bad.put("malformed uuid", pick(List.of("not-a-uuid", "1234", UUID.randomUUID() + "0")));
        } else if ("date-time".equals(format)) {
            bad.put("malformed date-time", pick(List.of("2026-11-27 25:61", "yesterday", "2026-11-27")));
        } else if ("date".equals(format)) {
            bad.put("malformed date", pick(List.of("27.11.2026", "2030-6-1", "2030-06-01T00:00:00Z")));
        }
        if ("string".equals(schema.getType()) && schema.getMaxLength() != null) {
            bad.put("too long by code points", CodePointStrings.astral(schema.getMaxLength() + 1, random));
        }
        return bad;
    }

    /**
     * The shape of a union ({@code oneOf} or {@code anyOf}) that {@code node} has: the first whose single-valued
     * properties (a discriminator such as {@code kind}) hold the node's values and whose required properties it has;
     * {@code schema} itself when it is no union or no shape fits.
     */
    @SuppressWarnings("rawtypes")
    static Schema<?> shapeOf(JsonNode node, Schema<?> schema) {
        List<Schema> shapes = schema == null ? null : schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (shapes == null || !node.isObject()) {
            return schema;
        }
        for (Schema<?> shape : shapes) {
            Schema<?> resolved = shapeOf(node, shape);
            if (fits(node, resolved)) {
                return resolved;
            }
        }
        return schema;
    }

    @SuppressWarnings("rawtypes")
    private static boolean fits(JsonNode node, Schema<?> shape) {
        if (shape.getRequired() != null && !shape.getRequired().stream().allMatch(node::has)) {
            return false;
        }
        Map<String, Schema> properties = shape.getProperties() == null ? Map.of() : shape.getProperties();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            List<?> values = property.getValue().getEnum();
            JsonNode value = node.get(property.getKey());
            if (values != null
                    && values.size() == 1
                    && value != null
                    && !values.get(0).toString().equals(value.asText())) {
                return false;
            }
        }
        if (Boolean.FALSE.equals(shape.getAdditionalProperties())) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                if (!properties.containsKey(names.next())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A place in a body that can be broken, and how: applied to a copy of the body, answers what it broke. */
    private interface Site {
        String apply(ObjectNode body);
    }

    private void sites(JsonNode node, Schema<?> union, String at, List<Site> sites) {
        if (union == null) {
            return;
        }
        Schema<?> schema = shapeOf(node, union);
        String where = at.isEmpty() ? "body" : at;
        if (node.isObject() && schema.getProperties() != null) {
            if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
                sites.add(body -> {
                    ((ObjectNode) find(body, at)).put("unknown" + random.nextInt(1000), "x");
                    return where + ": unknown property";
                });
            }
            if (schema.getRequired() != null) {
                for (String name : schema.getRequired()) {
                    if (node.has("mutationId") && name.equals("data")) {
                        continue; // judged per mutation too: a rejected result, not a 400
                    }
                    sites.add(body -> {
                        ((ObjectNode) find(body, at)).remove(name);
                        return where + ": required " + name + " missing";
                    });
                }
            }
            if (schema.getMinProperties() != null && schema.getMinProperties() > 0) {
                sites.add(body -> {
                    ((ObjectNode) find(body, at)).removeAll();
                    return where + ": no properties (minProperties)";
                });
            }
            if (!at.isEmpty()) {
                sites.add(replace(at, NODES.arrayNode(), "an array instead of an object"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Schema<?> property = schema.getProperties().get(field.getKey());
                // A pushed mutation's data is judged per mutation: broken data gets a rejected result, not a 400.
                boolean mutationData = node.has("mutationId") && field.getKey().equals("data");
                if (property != null && !mutationData) {
                    sites(field.getValue(), property, at + "/" + field.getKey(), sites);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            if (schema.getMaxItems() != null && array.size() > 0) {
                sites.add(body -> {
                    ArrayNode target = (ArrayNode) find(body, at);
                    JsonNode first = target.get(0);
                    while (target.size() <= schema.getMaxItems()) {
                        target.add(first.deepCopy());
                    }
                    return where + ": more than maxItems " + schema.getMaxItems();
                });
            }
            if (schema.getMinItems() != null && schema.getMinItems() > 0) {
                sites.add(body -> {
                    ((ArrayNode) find(body, at)).removeAll();
                    return where + ": fewer than minItems " + schema.getMinItems();
                });
            }
            if (Boolean.TRUE.equals(schema.getUniqueItems())
                    && array.size() > 0
                    && (schema.getMaxItems() == null || array.size() < schema.getMaxItems())) {
                sites.add(body -> {
                    ArrayNode target = (ArrayNode) find(body, at);
                    target.add(target.get(0).deepCopy());
                    return where + ": duplicate item (uniqueItems)";
                });
            }
            sites.add(replace(at, TextNode.valueOf("not an array"), "a string instead of an array"));
            for (int i = 0; i < array.size(); i++) {
                sites(array.get(i), schema.getItems(), at + "/" + i, sites);
            }
        } else if (node.isTextual()) {
            stringSites(node.asText(), schema, at, sites);
        } else if (node.isIntegralNumber() && isInteger(schema)) {
            sites.add(replace(at, TextNode.valueOf("7"), "a string instead of an integer"));
            sites.add(replace(at, NODES.numberNode(new BigDecimal("1.5")), "a fraction instead of an integer"));
            if (schema.getEnum() != null) {
                sites.add(replace(at, IntNode.valueOf(0), "outside the enum"));
            }
            if (schema.getMinimum() != null
                    && schema.getMinimum().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) > 0) {
                sites.add(replace(at, NODES.numberNode(schema.getMinimum().subtract(BigDecimal.ONE)), "below minimum"));
            }
            if (schema.getMaximum() != null
                    && schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
                sites.add(replace(at, NODES.numberNode(schema.getMaximum().add(BigDecimal.ONE)), "above maximum"));
            }
        } else if (node.isBoolean()) {
            sites.add(replace(at, TextNode.valueOf("true"), "a string instead of a boolean"));
        }
    }

    private void stringSites(String value, Schema<?> schema, String at, List<Site> sites) {
        String where = at;
        sites.add(replace(at, IntNode.valueOf(12345), "a number instead of a string"));
        if (schema.getMaxLength() != null) {
            int tooLong = schema.getMaxLength() + 1;
            sites.add(body -> {
                String text = random.nextBoolean()
                        ? CodePointStrings.astral(tooLong, random)
                        : CodePointStrings.ofLength(tooLong, random);
                set(body, at, TextNode.valueOf(text));
                return where + ": " + tooLong + " code points, maxLength " + schema.getMaxLength();
            });
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            int tooShort = schema.getMinLength() - 1;
            sites.add(body -> {
                set(body, at, TextNode.valueOf(CodePointStrings.astral(tooShort, random)));
                return where + ": " + tooShort + " code points, minLength " + schema.getMinLength();
            });
        }
        if (schema.getEnum() != null) {
            sites.add(replace(at, TextNode.valueOf(value + "-not"), "outside the enum"));
        }
        if (schema.getPattern() != null) {
            String mismatch = switch (schema.getPattern()) {
                case "\\S" -> "  \t ";
                default -> pick(List.of("24:00", "Not.Valid!", "a..b"));
            };
            if (!Pattern.compile(schema.getPattern()).matcher(mismatch).find()) {
                sites.add(replace(at, TextNode.valueOf(mismatch), "does not match " + schema.getPattern()));
            }
        }
        String format = schema.getFormat();
        if (format != null) {
            String malformed = switch (format) {
                case "uuid" -> "not-a-uuid";
                case "date-time" -> "2030-06-01 25:61";
                case "date" -> "01/06/2030";
                case "email" -> "no-at-sign.example.test";
                case "uri" -> "not a uri";
                default -> null;
            };
            if (malformed != null) {
                sites.add(replace(at, TextNode.valueOf(malformed), "malformed " + format));
            }
        }
    }

    private static Site replace(String at, JsonNode value, String what) {
        return body -> {
            set(body, at, value.deepCopy());
            return (at.isEmpty() ? "body" : at) + ": " + what;
        };
    }

    private static JsonNode find(JsonNode body, String at) {
        return at.isEmpty() ? body : body.at(at);
    }

    private static void set(ObjectNode body, String at, JsonNode value) {
        int slash = at.lastIndexOf('/');
        JsonNode parent = find(body, at.substring(0, slash));
        String last = at.substring(slash + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    // ---------------------------------------------------------------------------------------------------- shared

    private static Schema<?> bodySchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    private static List<Object> examples(Operation operation) {
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        List<Object> examples = new ArrayList<>();
        if (json.getExample() != null) {
            examples.add(json.getExample());
        }
        if (json.getExamples() != null) {
            for (Example example : json.getExamples().values()) {
                examples.add(example.getValue());
            }
        }
        if (examples.isEmpty()) {
            throw new AssertionError(operation.getOperationId() + " has a request body without an example");
        }
        return examples;
    }

    /** The operation's parameters in {@code in} (path-level ones are merged in by the parser's resolveFully). */
    public static List<Parameter> parameters(Operation operation, String in) {
        List<Parameter> found = new ArrayList<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (in.equals(parameter.getIn())) {
                    found.add(parameter);
                }
            }
        }
        return found;
    }

    private static boolean isInteger(Schema<?> schema) {
        return "integer".equals(schema.getType());
    }

    private long between(BigDecimal min, BigDecimal max) {
        long low = min.longValueExact();
        long high = max.longValueExact();
        int edge = random.nextInt(4);
        return edge == 0 ? low : edge == 1 ? high : low + (long) (random.nextDouble() * (high - low + 1));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
