package app.partnersync.sync;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a pull follows: some record types ({@code types}, null: all) of one partnership ({@code partnershipId}, null:
 * every partnership of the caller). The partnership narrows partnership records only; the caller's own records (its
 * account, its invitations) belong to no partnership and are narrowed by {@code types} alone. A cursor carries the
 * filter it was made for.
 */
public record SyncFilter(Set<String> types, UUID partnershipId) {

    /** Everything the caller can see. */
    public static final SyncFilter NONE = new SyncFilter(null, null);

    public SyncFilter {
        types = types == null ? null : Collections.unmodifiableSet(new TreeSet<>(types));
    }

    /**
     * The filter of {@code GET /v1/sync}'s {@code types} (comma-separated, repeated, or both) and {@code
     * partnershipId} parameters; an unknown type, an empty list or an id that is no UUID is a 400 naming its parameter.
     */
    public static SyncFilter parse(List<String> typeParameters, String partnershipId, SyncedTypes known) {
        Set<String> types = null;
        if (typeParameters != null && !typeParameters.isEmpty()) {
            types = new TreeSet<>();
            for (String parameter : typeParameters) {
                for (String name : parameter.split(",", -1)) {
                    String type = name.trim();
                    if (known.named(type).isEmpty()) {
                        throw ProblemException.invalidField(
                                "types",
                                type.isEmpty()
                                        ? "must list record types, separated by commas, without empty entries"
                                        : "'" + type + "' is not a record type; one of "
                                                + String.join(", ", known.names()));
                    }
                    types.add(type);
                }
            }
        }
        UUID partnership = null;
        if (partnershipId != null) {
            try {
                partnership = UUID.fromString(partnershipId.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("partnershipId", "must be a UUID");
            }
        }
        return new SyncFilter(types, partnership);
    }

    public boolean includes(String type) {
        return types == null || types.contains(type);
    }

    /** Whether the caller's own records (of its account, not of a partnership) are read: some such type is wanted. */
    boolean readsOwnRecords(List<SyncedType> all) {
        return all.stream().anyMatch(type -> type.ownRecords() && includes(type.name()));
    }

    /** Whether partnership records are read: some such type is wanted. */
    boolean readsPartnershipRecords(List<SyncedType> all) {
        return all.stream().anyMatch(type -> !type.ownRecords() && includes(type.name()));
    }

    /**
     * A request continuing {@code cursor} must ask for the filter the cursor was made for: a cursor's earlier pages
     * hold only what its filter let through, so any other filter (none included) would silently miss records.
     */
    void requireSameAs(SyncFilter cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!Objects.equals(types, cursor.types)) {
            errors.add(new Problem.FieldError(
                    "types",
                    cursor.types == null
                            ? "the cursor was made for every record type: leave types out"
                            : "the cursor was made for types=" + String.join(",", cursor.types)));
        }
        if (!Objects.equals(partnershipId, cursor.partnershipId)) {
            errors.add(new Problem.FieldError(
                    "partnershipId",
                    cursor.partnershipId == null
                            ? "the cursor was made for every partnership: leave partnershipId out"
                            : "the cursor was made for partnershipId=" + cursor.partnershipId));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED,
                    "This cursor was made for another filter: continue it with the types and partnershipId it was"
                            + " made with, or start a new pull without a cursor for the new filter.",
                    errors,
                    Map.of());
        }
    }

    /** The filter in a cursor: {@code <types, comma-separated, or ->:<partnership id or ->}. */
    String encode() {
        return (types == null ? "-" : String.join(",", types)) + ":" + (partnershipId == null ? "-" : partnershipId);
    }

    static SyncFilter decode(String types, String partnershipId) {
        return new SyncFilter(
                types.equals("-") ? null : Set.of(types.split(",")),
                partnershipId.equals("-") ? null : UUID.fromString(partnershipId));
    }
}
