package app.partnersync.partnership;

/** What the two people are to each other (the contract's {@code PartnershipKind}): chosen by the invitation. */
public enum PartnershipKind {
    partner,
    friend,
    colleague
}
