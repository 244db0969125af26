package app.partnersync.sync;

import app.partnersync.common.ActionTime;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.SqlValues;
import app.partnersync.identity.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pull and push. A pull without a cursor walks a snapshot of every synced type (paged by id), then continues with the
 * change feed from where the snapshot started; the feed only hands out changes of transactions older than every one
 * still in flight, so a late commit is never skipped (docs/decisions/006-sync-feed-order.md).
 */
@ApplicationScoped
public class SyncService {

    /**
     * Changes of one feed page, in (txid, seq) order, visible to the caller, from committed transactions only. Each
     * scope the caller reads (its own account, each of its partnerships) is one ordered, limited range of its own
     * index; the page is the first {@code limit} of their merge. A single scan of the whole feed filtered by scope
     * would read every change made by anyone since the cursor (measured: 13k foreign rows for one small pull). The
     * caller's partnerships ({@code %1$s}) are the {@link Audience}'s to say; a filtered pull narrows them to one
     * ({@code %2$s}), narrows each range to its types ({@code %3$s}), and leaves out a range none of its types is in.
     */
    private static final String OWN_RANGE = """
            (select s.txid, s.seq, s.record_type, s.record_id, s.version
             from sync_change s
             where s.account_id = ?3
               and (s.txid, s.seq) > (cast(?1 as xid8), ?2)
               and s.txid < pg_snapshot_xmin(pg_current_snapshot())%3$s
             order by s.txid, s.seq
             limit ?4)""";

    private static final String PARTNERSHIP_RANGES = """
            (select c.txid, c.seq, c.record_type, c.record_id, c.version
             from (%1$s) m
             cross join lateral (
                 select s.txid, s.seq, s.record_type, s.record_id, s.version
                 from sync_change s
                 where s.partnership_id = m.partnership_id
                   and (s.txid, s.seq) > (cast(?1 as xid8), ?2)
                   and s.txid < pg_snapshot_xmin(pg_current_snapshot())%3$s
                 order by s.txid, s.seq
                 limit ?4) c%2$s)""";

    private static final String FEED = """
            select feed.txid::text as txid, feed.seq, feed.record_type, feed.record_id, feed.version
            from (%s) feed
            order by feed.txid, feed.seq
            limit ?4""";

    /** The types of a filtered pull, as a text array bound as {@code ?5}. */
    private static final String OF_TYPES = "\n   and s.record_type = any(cast(?5 as text[]))";

    /** The partnership of a filtered pull, bound as {@code ?%d} (the next parameter: no gaps). */
    private static final String ONE_PARTNERSHIP = "\n where m.partnership_id = ?%d";

    private final List<SyncedType> types;
    private final SyncedTypes byName;
    private final String partnershipsOfCaller;
    private final String partnershipsOf;
    private final EntityManager entityManager;
    private final SyncSecret secret;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ActionTime actionTime;
    private final Caller caller;

    public SyncService(
            SyncedTypes types,
            Audience audience,
            EntityManager entityManager,
            SyncSecret secret,
            SyncConfig config,
            ObjectMapper json,
            Clock clock,
            ActionTime actionTime,
            Caller caller) {
        this.types = types.all();
        this.byName = types;
        this.partnershipsOfCaller = audience.partnershipsOf("?3");
        this.partnershipsOf = audience.partnershipsOf("?1");
        this.entityManager = entityManager;
        this.secret = secret;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.actionTime = actionTime;
        this.caller = caller;
    }

    /**
     * Everything visible to the caller that {@code filter} lets through since {@code cursor} (null: a full snapshot
     * first), at most {@code limit}. A cursor continues only with the filter it was made for; a {@code filter} of
     * null (a push, which has no filter of its own) takes the cursor's. A partnership the caller is not a member of is
     * a 404.
     */
    public SyncPage pull(UUID accountId, String cursor, SyncFilter filter, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Instant now = clock.instant();
            SyncCursor position;
            if (cursor == null) {
                position =
                        new SyncCursor(0, null, oldestInFlight(), -1, now, filter == null ? SyncFilter.NONE : filter);
            } else {
                position = SyncCursor.decode(cursor, secret.get(), now.minus(config.retention()));
                if (filter != null) {
                    filter.requireSameAs(position.filter());
                }
            }
            requireMember(accountId, position.filter().partnershipId());
            return position.inSnapshot()
                    ? snapshot(accountId, position, limit, now)
                    : feed(accountId, position, limit, now);
        });
    }

    /** The partnership of a filter must be one of the caller's (asked in the query, like every foreign id: 404). */
    private void requireMember(UUID accountId, UUID partnershipId) {
        if (partnershipId == null) {
            return;
        }
        Number members = (Number) entityManager
                .createNativeQuery("select count(*) from (" + partnershipsOf + ") m where m.partnership_id = ?2")
                .setParameter(1, accountId)
                .setParameter(2, partnershipId)
                .getSingleResult();
        if (members.longValue() == 0) {
            throw ProblemException.notFound("The partnership");
        }
    }

    /**
     * Applies the mutations, each exactly once, then answers with the changes since {@code request.cursor()}. A batch
     * is first tried whole in one transaction: one commit instead of one per mutation, the cost that dominated a push
     * (bench/). When a mutation in it is refused, or the batch deadlocks with another, that attempt rolls back whole
     * and every mutation is applied on its own, so that a refusal never holds back the others.
     */
    public SyncPushResponse push(
            UUID accountId, SyncPushRequest request, int limit, String instance, String correlationId) {
        List<SyncMutationResult> results = applyTogether(accountId, request.mutations())
                .orElseGet(() -> request.mutations().stream()
                        .map(mutation -> applyOnce(accountId, mutation, instance, correlationId))
                        .toList());
        SyncPage page = pull(accountId, request.cursor(), null, limit);
        return new SyncPushResponse(results, page.changes(), page.nextCursor(), page.hasMore());
    }

    /** The cursor position of the newest change a pull could hand out right now (for the live stream). */
    public String cursorBefore(long txid, long seq) {
        return SyncCursor.feed(txid, seq - 1, clock.instant()).encode(secret.get());
    }

    /**
     * For a live stream resuming after {@code lastEventId} ({@code <txid>-<seq>}): the cursor to pull from when a
     * change visible to the account has become pullable since; empty when nothing changed. An id this service did not
     * issue is treated as "something may have changed" (an empty cursor: pull from your own).
     */
    public Optional<String> missedSince(UUID accountId, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        long txid;
        long seq;
        try {
            String[] parts = lastEventId.trim().split("-");
            txid = Long.parseLong(parts[0]);
            seq = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            return Optional.of("");
        }
        return QuarkusTransaction.joiningExisting()
                .call(() -> feedRows(accountId, SyncFilter.NONE, txid, seq, 1).isEmpty()
                        ? Optional.<String>empty()
                        : Optional.of(
                                SyncCursor.feed(txid, seq, clock.instant()).encode(secret.get())));
    }

    private SyncPage snapshot(UUID accountId, SyncCursor position, int limit, Instant now) {
        List<SyncChange> changes = new ArrayList<>();
        SyncFilter filter = position.filter();
        int type = position.snapshotType();
        UUID after = position.snapshotAfter();
        while (changes.size() < limit && type < types.size()) {
            if (!filter.includes(types.get(type).name())) {
                type++;
                continue;
            }
            int room = limit - changes.size();
            List<SyncedType.Versioned> records =
                    types.get(type).snapshot(accountId, filter.partnershipId(), after, room + 1);
            String name = types.get(type).name();
            records.stream().limit(room).forEach(record -> changes.add(SyncChange.upsert(name, record)));
            if (records.size() > room) {
                after = records.get(room - 1).id();
            } else {
                type++;
                after = null;
            }
        }
        SyncCursor next = type < types.size()
                ? new SyncCursor(type, after, position.txid(), position.seq(), now, filter)
                : SyncCursor.feed(position.txid(), position.seq(), now, filter);
        // After the snapshot the feed from its starting point follows: there is always more to pull.
        return new SyncPage(changes, next.encode(secret.get()), true);
    }

    private SyncPage feed(UUID accountId, SyncCursor position, int limit, Instant now) {
        List<FeedRow> rows = feedRows(accountId, position.filter(), position.txid(), position.seq(), limit + 1);
        boolean hasMore = rows.size() > limit;
        List<FeedRow> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<String, List<UUID>> idsByType = new LinkedHashMap<>();
        for (FeedRow row : page) {
            idsByType.computeIfAbsent(row.recordType(), t -> new ArrayList<>()).add(row.recordId());
        }
        Map<String, Map<UUID, SyncedType.Versioned>> current = new LinkedHashMap<>();
        idsByType.forEach((type, ids) -> current.put(
                type, byName.named(type).map(t -> t.load(ids, accountId)).orElse(Map.of())));
        // One entry per record, at the position of its last change, carrying its state now: never out of date.
        Map<String, SyncChange> latest = new LinkedHashMap<>();
        for (FeedRow row : page) {
            String key = row.recordType() + ":" + row.recordId();
            SyncedType.Versioned state = current.get(row.recordType()).get(row.recordId());
            latest.remove(key);
            latest.put(
                    key,
                    state != null
                            ? SyncChange.upsert(row.recordType(), state)
                            : SyncChange.tombstone(row.recordType(), row.recordId(), row.version()));
        }
        FeedRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        SyncCursor next = last == null
                ? SyncCursor.feed(position.txid(), position.seq(), now, position.filter())
                : SyncCursor.feed(last.txid(), last.seq(), now, position.filter());
        return new SyncPage(new ArrayList<>(latest.values()), next.encode(secret.get()), hasMore);
    }

    /** One change of the feed, at its position ({@code txid}, {@code seq}). */
    private record FeedRow(long txid, long seq, String recordType, UUID recordId, long version) {

        static FeedRow of(Tuple row) {
            return new FeedRow(
                    Long.parseLong(row.get("txid", String.class)),
                    ((Number) row.get("seq")).longValue(),
                    row.get("record_type", String.class),
                    row.get("record_id", UUID.class),
                    ((Number) row.get("version")).longValue());
        }
    }

    /**
     * The first {@code limit} changes visible to the account that {@code filter} lets through, after position ({@code
     * txid}, {@code seq}).
     */
    private List<FeedRow> feedRows(UUID accountId, SyncFilter filter, long txid, long seq, int limit) {
        String ofTypes = filter.types() == null ? "" : OF_TYPES;
        int partnershipParameter = filter.types() == null ? 5 : 6;
        List<String> ranges = new ArrayList<>();
        if (filter.readsOwnRecords(types)) {
            ranges.add(OWN_RANGE.formatted("", "", ofTypes));
        }
        if (filter.readsPartnershipRecords(types)) {
            ranges.add(PARTNERSHIP_RANGES.formatted(
                    partnershipsOfCaller,
                    filter.partnershipId() == null ? "" : ONE_PARTNERSHIP.formatted(partnershipParameter),
                    ofTypes));
        }
        Query query = entityManager
                .createNativeQuery(FEED.formatted(String.join("\nunion all\n", ranges)), Tuple.class)
                .setParameter(1, Long.toString(txid))
                .setParameter(2, seq)
                .setParameter(3, accountId)
                .setParameter(4, limit);
        if (filter.types() != null) {
            query.setParameter(5, "{" + String.join(",", filter.types()) + "}");
        }
        if (filter.partnershipId() != null) {
            query.setParameter(partnershipParameter, filter.partnershipId());
        }
        return SqlValues.tuples(query).stream().map(FeedRow::of).toList();
    }

    /**
     * The whole batch in one transaction, or empty when it rolled back because a mutation was refused or it
     * deadlocked with a concurrent batch (claims and record locks taken in another order); a single mutation goes
     * straight to {@link #applyOnce}, which is the same one transaction.
     */
    private Optional<List<SyncMutationResult>> applyTogether(UUID accountId, List<SyncMutation> mutations) {
        if (mutations.size() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
                List<SyncMutationResult> results = new ArrayList<>();
                for (SyncMutation mutation : mutations) {
                    results.add(apply(accountId, mutation));
                }
                return results;
            }));
        } catch (ProblemException refused) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (deadlocked(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean deadlocked(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One mutation, exactly once: its id is claimed together with its effect in one transaction, so a replay (even a
     * concurrent one, which waits for the first) returns the stored result and changes nothing.
     */
    private SyncMutationResult applyOnce(UUID accountId, SyncMutation mutation, String instance, String correlationId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(accountId, mutation));
        } catch (ProblemException rejected) {
            // The failed attempt rolled back whole; the refusal is stored on its own (unless a racing replay won).
            SyncMutationResult result =
                    SyncMutationResult.rejected(mutation, rejected.toProblem(instance, correlationId));
            return QuarkusTransaction.requiringNew()
                    .call(() -> claim(accountId, mutation).orElseGet(() -> {
                        store(accountId, mutation.mutationId(), result);
                        return result;
                    }));
        }
    }

    /** Claims the mutation and applies it in the current transaction, or returns the result stored by an earlier one. */
    private SyncMutationResult apply(UUID accountId, SyncMutation mutation) {
        Optional<SyncMutationResult> earlier = claim(accountId, mutation);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SyncedType type = byName.named(mutation.type())
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNSUPPORTED_MUTATION,
                        "Records of type '" + mutation.type() + "' cannot be changed through sync."));
        SyncedType.MutationOutcome outcome = actionTime.actingAt(
                mutation.occurredAt(), caller.sessionStartedAt(), "occurredAt", () -> type.apply(accountId, mutation));
        SyncMutationResult result = outcome.applied()
                ? SyncMutationResult.applied(mutation, outcome.current())
                : SyncMutationResult.conflict(mutation, outcome.current());
        store(accountId, mutation.mutationId(), result);
        return result;
    }

    /** Claims the mutation id; when it was claimed before, waits for that transaction and returns its result. */
    private Optional<SyncMutationResult> claim(UUID accountId, SyncMutation mutation) {
        UUID mutationId = mutation.mutationId();
        int claimed = entityManager
                .createNativeQuery("insert into sync_mutation (account_id, mutation_id, result, created_at)"
                        + " values (?1, ?2, '', ?3) on conflict do nothing")
                .setParameter(1, accountId)
                .setParameter(2, mutationId)
                .setParameter(3, clock.instant())
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        String stored = (String) entityManager
                .createNativeQuery("select result from sync_mutation where account_id = ?1 and mutation_id = ?2")
                .setParameter(1, accountId)
                .setParameter(2, mutationId)
                .getSingleResult();
        try {
            return Optional.of(json.readValue(stored, SyncMutationResult.class).answering(mutation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored mutation result", e);
        }
    }

    private void store(UUID accountId, UUID mutationId, SyncMutationResult result) {
        try {
            entityManager
                    .createNativeQuery(
                            "update sync_mutation set result = ?3 where account_id = ?1 and mutation_id = ?2")
                    .setParameter(1, accountId)
                    .setParameter(2, mutationId)
                    .setParameter(3, json.writeValueAsString(result))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mutation result not serialisable", e);
        }
    }

    private long oldestInFlight() {
        return Long.parseLong((String) entityManager
                .createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")
                .getSingleResult());
    }
}
