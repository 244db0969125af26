package app.partnersync.sync;

import java.time.Instant;

/** A stream ticket as made: its secret ({@code pst_…}), shown this once, and when it stops being accepted. */
public record StreamTicket(String ticket, Instant expiresAt) {}
