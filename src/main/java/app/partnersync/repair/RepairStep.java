package app.partnersync.repair;

import java.time.Instant;
import java.util.UUID;

/** One step of a repair plan, as stored and as shown (the contract's {@code RepairStep}). */
public record RepairStep(UUID id, String text, UUID ownerId, boolean done, Instant doneAt, UUID doneBy) {}
