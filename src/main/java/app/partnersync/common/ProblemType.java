package app.partnersync.common;

import java.net.URI;

/** Every kind of problem the API answers with; the slug makes the stable `type` URI documented in the contract. */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", 400, "Validation failed"),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    INVALID_CURSOR("invalid-cursor", 400, "Invalid cursor"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    INVALID_CREDENTIALS("invalid-credentials", 401, "Invalid credentials"),
    INVALID_REFRESH_TOKEN("invalid-refresh-token", 401, "Invalid refresh token"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    WRONG_PASSWORD("wrong-password", 403, "Wrong password"),
    NOT_PROMISER("not-promiser", 403, "Not the promiser"),
    OWN_OUTCOME("own-outcome", 403, "Own outcome"),
    INSUFFICIENT_SCOPE("insufficient-scope", 403, "Insufficient scope"),
    MEMBER_TOKEN_REQUIRED("member-token-required", 403, "Member token required"),
    CONSENT_REQUIRED("consent-required", 403, "Consent required"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    EMAIL_TAKEN("email-taken", 409, "Email taken"),
    OWN_INVITATION("own-invitation", 409, "Own invitation"),
    ALREADY_PARTNERS("already-partners", 409, "Already partners"),
    PARTNERSHIP_LIMIT("partnership-limit", 409, "Partnership limit reached"),
    PARTNERSHIP_ENDED("partnership-ended", 409, "Partnership ended"),
    CHECK_IN_CLOSED("check-in-closed", 409, "Check-in closed"),
    REPAIR_PLAN_FINISHED("repair-plan-finished", 409, "Repair plan finished"),
    OUTCOME_CONFLICT("outcome-conflict", 409, "Outcome conflict"),
    ID_TAKEN("id-taken", 409, "Id taken"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409, "Idempotency key in use"),
    SYNC_CURSOR_GONE("sync-cursor-gone", 410, "Sync cursor gone"),
    INVITATION_EXPIRED("invitation-expired", 410, "Invitation expired"),
    INVITATION_USED("invitation-used", 410, "Invitation already used"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    UNSUPPORTED_MUTATION("unsupported-mutation", 422, "Unsupported mutation"),
    OCCURRED_AT_OUT_OF_RANGE("occurred-at-out-of-range", 422, "Occurred-at out of range"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    /** Base of every problem type URI. */
    public static final String BASE = "https://partner-sync.app/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic problem for an HTTP status raised by the framework rather than by our code. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
