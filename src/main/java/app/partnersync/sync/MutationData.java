package app.partnersync.sync;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a pushed mutation's {@code data} as the body of the REST operation it stands for, validated as that body is
 * (a refusal names {@code data.<field>}), so that a pushed write and its REST operation refuse alike.
 */
@ApplicationScoped
public class MutationData {

    private final ObjectMapper json;
    private final Validator validator;

    public MutationData(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The data as {@code type}, without {@code partnershipId} (which names where a new record goes, see below). */
    public <T> T read(SyncMutation mutation, Class<T> type, String what) {
        if (mutation.data() == null) {
            throw ProblemException.invalidField("data", "is required: " + what);
        }
        if (mutation.data().containsKey("id")) {
            // A REST create's body may carry the client's id; a mutation names its record by its own id only.
            throw ProblemException.invalidField(
                    "data.id", "is not part of the data: the mutation's id names the record");
        }
        Map<String, Object> fields = new LinkedHashMap<>(mutation.data());
        fields.remove("partnershipId");
        T value;
        try {
            value = json.convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("data", "does not describe " + what + ": unknown field or wrong type");
        }
        return validated(value);
    }

    /** {@code value} once Bean Validation passes it, as the REST body would be; else a refusal naming {@code data.*}. */
    public <T> T validated(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError("data." + v.getPropertyPath(), v.getMessage()))
                    .toList();
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED, "The mutation's data is invalid.", errors, Map.of());
        }
        return value;
    }

    /** The partnership a record created offline belongs to: {@code data.partnershipId}. */
    public UUID partnershipId(SyncMutation mutation, String what) {
        Object id = mutation.data() == null ? null : mutation.data().get("partnershipId");
        try {
            return UUID.fromString((String) id);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField(
                    "data.partnershipId", "is required to create " + what + ": the partnership it belongs to");
        }
    }

    /** Refuses an op the type does not take. */
    public static ProblemException unsupported(SyncMutation mutation, String ops) {
        return new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "A mutation of a " + mutation.type() + " takes the op " + ops + ", not " + mutation.op() + ".");
    }
}
