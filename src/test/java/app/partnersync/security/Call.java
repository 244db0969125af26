package app.partnersync.security;

import app.partnersync.support.SignedIn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One valid request of an operation, as its {@link Recipe} fills it in: who calls, path parameter values, body (the
 * contract's first example unless the recipe says otherwise) and query.
 */
final class Call {

    private final Stage stage;
    private SignedIn caller;
    private final Map<String, String> path = new LinkedHashMap<>();
    private final Map<String, Object> query = new LinkedHashMap<>();
    private Object body;
    private boolean stream;

    Call(Stage stage, SignedIn caller, Object example) {
        this.stage = stage;
        this.caller = caller;
        this.body = example;
        if (stage.partnershipId() != null) {
            path.put("partnershipId", stage.partnershipId().toString());
        }
    }

    Stage stage() {
        return stage;
    }

    SignedIn caller() {
        return caller;
    }

    /** Another account (or session) calls: for operations that change or end the caller's own account or session. */
    Call caller(SignedIn who) {
        caller = who;
        return this;
    }

    Call path(String parameter, Object value) {
        path.put(parameter, value.toString());
        return this;
    }

    Call query(String parameter, Object value) {
        query.put(parameter, value);
        return this;
    }

    Call body(Object replacement) {
        body = replacement;
        return this;
    }

    /** The example body with one property replaced (a fresh id, a member instead of the example's account). */
    @SuppressWarnings("unchecked")
    Call bodyWith(String property, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) body);
        changed.put(property, value);
        body = changed;
        return this;
    }

    /** The example body with a fresh client-chosen id, so that every call creates a new record. */
    Call freshId() {
        return bodyWith("id", UUID.randomUUID().toString());
    }

    /** The operation answers a Server-Sent Events stream: an admitted call is read as one. */
    Call stream() {
        stream = true;
        return this;
    }

    boolean streams() {
        return stream;
    }

    Map<String, String> path() {
        return path;
    }

    Map<String, Object> query() {
        return query;
    }

    Object body() {
        return body;
    }

    UUID partnershipId() {
        return UUID.fromString(path.get("partnershipId"));
    }
}
