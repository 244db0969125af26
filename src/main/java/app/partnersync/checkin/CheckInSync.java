package app.partnersync.checkin;

import app.partnersync.common.ProblemException;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipSyncedType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.SyncMutation;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Check-ins as synced records, each materialised for the caller through {@link CheckInView}: sealed entries stay
 * sealed, private fields stay out, and a field made private disappears from the partner's copy on the next pull.
 * Integrations (webhooks) see a check-in as a partner does. Pushable: {@code create} starts one with the client's id,
 * {@code entry} writes the caller's own entry (never anyone else's: the data names no author), {@code close} closes it.
 */
@Singleton
public class CheckInSync extends PartnershipSyncedType<CheckIn> {

    private final CheckInService checkIns;
    private final PartnershipAccess access;
    private final MutationData data;

    public CheckInSync(
            CheckInService checkIns, PartnershipAccess access, MutationData data, EntityManager entityManager) {
        super(
                CheckInService.SYNC_TYPE,
                CheckIn.class,
                entityManager,
                (rows, viewer) -> checkIns.views(rows, viewer).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList(),
                rows -> checkIns.views(rows, PartnershipAccess.NOBODY).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList());
        this.checkIns = checkIns;
        this.access = access;
        this.data = data;
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        return switch (mutation.op()) {
            case create -> start(accountId, mutation);
            case entry, close -> write(accountId, mutation);
            default -> throw MutationData.unsupported(mutation, "create, entry or close");
        };
    }

    private MutationOutcome start(UUID accountId, SyncMutation mutation) {
        UUID partnershipId = data.partnershipId(mutation, "a check-in");
        CreateCheckInRequest read = data.read(mutation, CreateCheckInRequest.class, "a check-in");
        CheckInService.Started started = checkIns.start(
                accountId,
                partnershipId,
                new CreateCheckInRequest(mutation.id(), read.kind(), read.scheduledFor(), read.repairPlanId()));
        CheckInView checkIn = started.checkIn();
        Versioned now = new Versioned(checkIn.id(), checkIn.version(), checkIn);
        // The partner started the same scheduled check-in first: theirs is the one, under its own id.
        return started.created() ? MutationOutcome.applied(now) : MutationOutcome.conflict(now);
    }

    private MutationOutcome write(UUID accountId, SyncMutation mutation) {
        CheckIn checkIn =
                lockedForMember(mutation.id(), accountId).orElseThrow(() -> ProblemException.notFound("The check-in"));
        access.requireWritable(accountId, checkIn.partnershipId);
        if (mutation.baseVersion() != null && mutation.baseVersion() != checkIn.version) {
            return MutationOutcome.conflict(viewOf(checkIn, accountId));
        }
        CheckInView written = switch (mutation.op()) {
            case entry ->
                checkIns.putEntry(
                        accountId,
                        checkIn.partnershipId,
                        checkIn.id,
                        data.read(mutation, EntryInput.class, "your entry"),
                        null);
            default -> checkIns.close(accountId, checkIn.partnershipId, checkIn.id, null);
        };
        return MutationOutcome.applied(new Versioned(written.id(), written.version(), written));
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("checkin").consentRequired();
    }
}
