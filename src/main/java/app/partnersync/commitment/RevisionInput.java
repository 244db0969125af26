package app.partnersync.commitment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of the partner's answer to a pending revision of a miss. */
public record RevisionInput(
        @NotNull Decision decision,
        @CodePointLength(max = 500) String note) {

    /** Accepting lets the proposed outcome count; declining leaves the miss as it was. */
    public enum Decision {
        accept,
        decline
    }
}
