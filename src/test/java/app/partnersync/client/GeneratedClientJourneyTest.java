package app.partnersync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.client.api.AuthApi;
import app.partnersync.client.api.CommitmentsApi;
import app.partnersync.client.api.InsightsApi;
import app.partnersync.client.api.InvitationsApi;
import app.partnersync.client.api.MomentsApi;
import app.partnersync.client.api.SyncApi;
import app.partnersync.client.api.WebhooksApi;
import app.partnersync.client.model.AccountChange;
import app.partnersync.client.model.AccountMutation;
import app.partnersync.client.model.AccountMutationResult;
import app.partnersync.client.model.AppreciationMoment;
import app.partnersync.client.model.Commitment;
import app.partnersync.client.model.CommitmentChange;
import app.partnersync.client.model.CommitmentInput;
import app.partnersync.client.model.CommitmentMutationResult;
import app.partnersync.client.model.CommitmentPatch;
import app.partnersync.client.model.CommitmentUpdatedEvent;
import app.partnersync.client.model.CommitmentUpsert;
import app.partnersync.client.model.CommitmentUpsertData;
import app.partnersync.client.model.CoolOffMoment;
import app.partnersync.client.model.CreateInvitationRequest;
import app.partnersync.client.model.CreateMomentRequest;
import app.partnersync.client.model.CreateWebhookRequest;
import app.partnersync.client.model.FollowThrough;
import app.partnersync.client.model.Invitation;
import app.partnersync.client.model.KeptOutcome;
import app.partnersync.client.model.MemberFollowThrough;
import app.partnersync.client.model.Moment;
import app.partnersync.client.model.MomentCreate;
import app.partnersync.client.model.MomentMutationResult;
import app.partnersync.client.model.MutationOp;
import app.partnersync.client.model.MutationStatus;
import app.partnersync.client.model.NewAppreciation;
import app.partnersync.client.model.NewAppreciationData;
import app.partnersync.client.model.NewCommitmentData;
import app.partnersync.client.model.NewCoolOff;
import app.partnersync.client.model.NewMomentData;
import app.partnersync.client.model.NewOneOffCommitmentData;
import app.partnersync.client.model.NewRunningLate;
import app.partnersync.client.model.Occurrence;
import app.partnersync.client.model.OccurrenceChange;
import app.partnersync.client.model.OccurrenceMutationResult;
import app.partnersync.client.model.OccurrenceOutcome;
import app.partnersync.client.model.OccurrenceStatus;
import app.partnersync.client.model.OneOffCommitmentInput;
import app.partnersync.client.model.OutcomeInput;
import app.partnersync.client.model.Partnership;
import app.partnersync.client.model.PartnershipChange;
import app.partnersync.client.model.PartnershipKind;
import app.partnersync.client.model.PartnershipMember;
import app.partnersync.client.model.RegisterRequest;
import app.partnersync.client.model.RegistrationResponse;
import app.partnersync.client.model.RunningLateMoment;
import app.partnersync.client.model.StaleCommitmentProblem;
import app.partnersync.client.model.SyncMutation;
import app.partnersync.client.model.SyncOp;
import app.partnersync.client.model.SyncPage;
import app.partnersync.client.model.SyncPushRequest;
import app.partnersync.client.model.SyncPushResponse;
import app.partnersync.client.model.TokenPair;
import app.partnersync.client.model.UpdateAccountRequest;
import app.partnersync.client.model.WebhookEvent;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.TestClock;
import app.partnersync.support.WebhookReceiver;
import app.partnersync.webhook.WebhookDeliverer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract as a third party meets it: a whole journey through the Java client that the build generates from
 * {@code openapi/partner-sync.yaml}, with no request written by hand. A part of the contract that a generated client
 * cannot express fails here.
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class GeneratedClientJourneyTest {

    @Inject
    TestClock clock;

    @Inject
    WebhookDeliverer deliverer;

    @TestHTTPResource("/")
    URL base;

    @Test
    void registerPairPromiseKeepReadFollowThroughAndSync() throws ApiException {
        // Register two accounts; 201 with the account, a Bearer token pair and the account's Location.
        ApiResponse<RegistrationResponse> annCreated =
                new AuthApi(client(null)).registerWithHttpInfo(registration("Ann", "Europe/Berlin"));
        assertEquals(201, annCreated.getStatusCode());
        assertTrue(annCreated.getHeaders().containsKey("location"), "Location of the new account");
        RegistrationResponse ann = annCreated.getData();
        assertEquals("Ann", ann.getAccount().getDisplayName());
        assertEquals(TokenPair.TokenTypeEnum.BEARER, ann.getTokens().getTokenType());
        RegistrationResponse ben = new AuthApi(client(null)).register(registration("Ben", "America/New_York"));
        assertEquals("America/New_York", ben.getAccount().getTimeZone());
        UUID annId = ann.getAccount().getId();
        UUID benId = ben.getAccount().getId();
        ApiClient asAnn = client(ann.getTokens().getAccessToken());
        ApiClient asBen = client(ben.getTokens().getAccessToken());

        // Pair: Ann invites, Ben accepts the code.
        Invitation invitation = new InvitationsApi(asAnn)
                .createInvitation(
                        new CreateInvitationRequest()
                                .kind(PartnershipKind.PARTNER)
                                .message("Shall we?"),
                        null);
        assertEquals(Invitation.StatusEnum.OPEN, invitation.getStatus());
        assertTrue(invitation.getCode().matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}"), invitation.getCode());
        ApiResponse<Partnership> accepted =
                new InvitationsApi(asBen).acceptInvitationWithHttpInfo(invitation.getCode(), null);
        assertEquals(201, accepted.getStatusCode());
        Partnership partnership = accepted.getData();
        assertEquals(Partnership.StatusEnum.ACTIVE, partnership.getStatus());
        assertEquals(PartnershipKind.PARTNER, partnership.getKind());
        Map<UUID, PartnershipMember> members = partnership.getMembers().stream()
                .collect(Collectors.toMap(PartnershipMember::getAccountId, Function.identity()));
        assertEquals(Set.of(annId, benId), members.keySet());
        assertEquals("Ann", members.get(annId).getDisplayName());
        assertEquals("Ben", members.get(benId).getDisplayName());
        assertTrue(members.get(benId).getYou(), "the accepting caller is marked as you");
        assertFalse(members.get(annId).getYou());
        UUID partnershipId = partnership.getId();

        // Ann promises something due in a minute.
        OffsetDateTime due = clock.instant()
                .plus(Duration.ofMinutes(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC);
        ApiResponse<Commitment> made = new CommitmentsApi(asAnn)
                .createCommitmentWithHttpInfo(
                        partnershipId,
                        new CommitmentInput(new OneOffCommitmentInput()
                                .title("Take out the recycling")
                                .promisedBy(Set.of(annId))
                                .dueAt(due)),
                        null,
                        null);
        assertEquals(201, made.getStatusCode());
        Commitment commitment = made.getData();
        assertEquals(List.of(annId), commitment.getPromisedBy());
        assertEquals(due.toInstant(), commitment.getDueAt().toInstant());
        assertEquals(Commitment.StatusEnum.ACTIVE, commitment.getStatus());

        // Once it is due, Ann marks it kept.
        clock.advance(Duration.ofMinutes(5));
        ApiResponse<Occurrence> recorded = new CommitmentsApi(asAnn)
                .recordOutcomeWithHttpInfo(
                        partnershipId,
                        commitment.getId(),
                        due.toLocalDate(),
                        new OutcomeInput(new KeptOutcome()
                                .outcome(KeptOutcome.OutcomeEnum.KEPT)
                                .note("Both bins out")),
                        null,
                        null);
        assertEquals(200, recorded.getStatusCode());
        assertEquals(
                List.of("\"v" + recorded.getData().getVersion() + "\""),
                recorded.getHeaders().get("etag"));
        Occurrence occurrence = recorded.getData();
        assertEquals(OccurrenceStatus.KEPT, occurrence.getStatus());
        assertEquals(annId, occurrence.getPromiser());
        assertEquals(commitment.getId(), occurrence.getCommitmentId());
        assertNotNull(occurrence.getRecordedAt());

        // Ben reads the follow-through: Ann kept her one promise, Ben promised nothing.
        FollowThrough followThrough = new InsightsApi(asBen).getFollowThrough(partnershipId, "7d");
        Map<UUID, MemberFollowThrough> byMember = followThrough.getMembers().stream()
                .collect(Collectors.toMap(MemberFollowThrough::getAccountId, Function.identity()));
        MemberFollowThrough annFollowThrough = byMember.get(annId);
        assertEquals(1, annFollowThrough.getKept());
        assertEquals(0, annFollowThrough.getMissed());
        assertEquals(1.0, annFollowThrough.getRate(), 1e-9);
        assertEquals(1, annFollowThrough.getCurrentStreak());
        assertEquals(0, byMember.get(benId).getKept());
        assertNull(byMember.get(benId).getRate(), "no rate without kept or missed occurrences");

        // Ben's first sync: a snapshot that carries the partnership, the commitment and its kept occurrence, each
        // change typed by its record.
        List<Object> synced = pullEverything(new SyncApi(asBen));
        PartnershipChange partnershipChange =
                lastChange(synced, PartnershipChange.class, c -> partnershipId.equals(c.getId()));
        assertEquals(SyncOp.UPSERT, partnershipChange.getOp());
        assertEquals(
                Partnership.StatusEnum.ACTIVE, partnershipChange.getRecord().getStatus());
        assertEquals(
                Set.of(annId, benId),
                partnershipChange.getRecord().getMembers().stream()
                        .map(PartnershipMember::getAccountId)
                        .collect(Collectors.toSet()));
        CommitmentChange commitmentChange = lastChange(
                synced, CommitmentChange.class, c -> commitment.getId().equals(c.getId()));
        assertEquals(SyncOp.UPSERT, commitmentChange.getOp());
        assertEquals("Take out the recycling", commitmentChange.getRecord().getTitle());
        assertEquals(List.of(annId), commitmentChange.getRecord().getPromisedBy());
        OccurrenceChange occurrenceChange = lastChange(
                synced, OccurrenceChange.class, c -> occurrence.getId().equals(c.getId()));
        assertEquals(occurrence.getVersion(), occurrenceChange.getVersion());
        assertEquals(OccurrenceStatus.KEPT, occurrenceChange.getRecord().getStatus());
        assertEquals("Both bins out", occurrenceChange.getRecord().getNote());
        assertEquals(
                ben.getAccount().getEmail(),
                lastChange(synced, AccountChange.class, c -> benId.equals(c.getId()))
                        .getRecord()
                        .getEmail());
        assertTrue(
                synced.stream().noneMatch(c -> c instanceof AccountChange account && !benId.equals(account.getId())),
                "the partner's account record is not the caller's to sync");
    }

    @Test
    void momentsPushResultsAndStaleRecordsAreTypedByWhatTheyAre() throws Exception {
        RegistrationResponse ann = new AuthApi(client(null)).register(registration("Ann", "Europe/Berlin"));
        RegistrationResponse ben = new AuthApi(client(null)).register(registration("Ben", "Europe/Berlin"));
        UUID annId = ann.getAccount().getId();
        ApiClient asAnn = client(ann.getTokens().getAccessToken());
        ApiClient asBen = client(ben.getTokens().getAccessToken());
        Invitation invitation = new InvitationsApi(asAnn)
                .createInvitation(new CreateInvitationRequest().kind(PartnershipKind.FRIEND), null);
        UUID partnershipId = new InvitationsApi(asBen)
                .acceptInvitation(invitation.getCode(), null)
                .getId();

        // One moment of each kind, each built from its own shape: the types do not offer a field of another kind.
        MomentsApi annMoments = new MomentsApi(asAnn);
        OffsetDateTime arrival = clock.instant().plus(Duration.ofMinutes(20)).atOffset(ZoneOffset.UTC);
        annMoments.createMoment(
                partnershipId,
                new CreateMomentRequest(new NewRunningLate()
                        .kind(NewRunningLate.KindEnum.RUNNING_LATE)
                        .arrivalAt(arrival)
                        .message("Train stuck, 20 minutes")),
                null,
                null);
        annMoments.createMoment(
                partnershipId,
                new CreateMomentRequest(
                        new NewCoolOff().kind(NewCoolOff.KindEnum.COOL_OFF).minutes(15)),
                null,
                null);
        new MomentsApi(asBen)
                .createMoment(
                        partnershipId,
                        new CreateMomentRequest(new NewAppreciation()
                                .kind(NewAppreciation.KindEnum.APPRECIATION)
                                .message("Thanks for cooking")),
                        null,
                        null);
        List<String> seen = new ArrayList<>();
        for (Moment moment :
                new MomentsApi(asBen).listMoments(partnershipId, 10, null, null).getItems()) {
            Object shape = moment.getActualInstance();
            if (shape instanceof AppreciationMoment appreciation) {
                seen.add("appreciation: " + appreciation.getMessage());
            } else if (shape instanceof RunningLateMoment late) {
                assertEquals(arrival.toInstant(), late.getArrivalAt().toInstant());
                seen.add("running late: " + late.getMessage());
            } else if (shape instanceof CoolOffMoment coolOff) {
                assertTrue(
                        coolOff.getEndsAt().toInstant().isAfter(clock.instant().plus(Duration.ofMinutes(14))));
                seen.add("cool-off");
            }
        }
        assertEquals(
                Set.of("appreciation: Thanks for cooking", "running late: Train stuck, 20 minutes", "cool-off"),
                Set.copyOf(seen));

        // A third party listens for commitment changes; each delivery is a WebhookEvent of the contract.
        WebhookReceiver receiver = new WebhookReceiver();
        new WebhooksApi(asBen)
                .createWebhook(
                        partnershipId,
                        new CreateWebhookRequest()
                                .url(URI.create(receiver.url()))
                                .events(List.of("commitment.updated")));

        // An offline batch: a commitment made with the client's id and a new time zone; each result says its type, so
        // its record has that type's schema.
        UUID offlineId = UUID.randomUUID();
        OffsetDateTime due = clock.instant()
                .plus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC);
        SyncPushResponse pushed = new SyncApi(asAnn)
                .pushChanges(
                        new SyncPushRequest()
                                .addMutationsItem(new SyncMutation(new CommitmentUpsert()
                                        .mutationId(UUID.randomUUID())
                                        .type(CommitmentUpsert.TypeEnum.COMMITMENT)
                                        .id(offlineId)
                                        .op(CommitmentUpsert.OpEnum.UPSERT)
                                        .data(new CommitmentUpsertData(
                                                new NewCommitmentData(new NewOneOffCommitmentData()
                                                        .partnershipId(partnershipId)
                                                        .title("Call the landlord")
                                                        .promisedBy(Set.of(annId))
                                                        .dueAt(due))))))
                                .addMutationsItem(new SyncMutation(new AccountMutation()
                                        .mutationId(UUID.randomUUID())
                                        .type(AccountMutation.TypeEnum.ACCOUNT)
                                        .id(annId)
                                        .op(AccountMutation.OpEnum.UPSERT)
                                        .data(new UpdateAccountRequest().timeZone("Asia/Tokyo")))),
                        null);
        assertEquals(2, pushed.getResults().size());
        Object first = pushed.getResults().get(0).getActualInstance();
        assertTrue(first instanceof CommitmentMutationResult, String.valueOf(first));
        if (first instanceof CommitmentMutationResult made) {
            assertEquals(MutationStatus.APPLIED, made.getStatus());
            assertEquals(offlineId, made.getId());
            assertEquals(0L, made.getVersion(), "a new record starts at version 0");
            assertEquals("Call the landlord", made.getRecord().getTitle());
            assertEquals(due.toInstant(), made.getRecord().getDueAt().toInstant());
        }
        Object second = pushed.getResults().get(1).getActualInstance();
        assertTrue(second instanceof AccountMutationResult, String.valueOf(second));
        if (second instanceof AccountMutationResult account) {
            assertEquals(MutationStatus.APPLIED, account.getStatus());
            assertEquals("Asia/Tokyo", account.getRecord().getTimeZone());
        }

        // The webhook delivery of the new commitment, read with the client's own types: narrowed by its event type.
        try (receiver) {
            deliverer.deliverDue();
            WebhookReceiver.Received delivery = receiver.await(Duration.ofSeconds(10));
            assertNotNull(delivery, "the commitment.updated delivery");
            Object event = asBen.getObjectMapper()
                    .readValue(delivery.body(), WebhookEvent.class)
                    .getActualInstance();
            assertTrue(event instanceof CommitmentUpdatedEvent, String.valueOf(event));
            if (event instanceof CommitmentUpdatedEvent updated) {
                assertEquals(offlineId, updated.getData().getRecordId());
                assertEquals("Call the landlord", updated.getData().getRecord().getTitle());
            }
        }

        // A write based on a version that is no longer current: the 412 problem carries the current commitment, typed.
        CommitmentsApi annCommitments = new CommitmentsApi(asAnn);
        annCommitments.updateCommitment(
                partnershipId, offlineId, new CommitmentPatch().title("Call Mr. Lee"), "\"v0\"", null);
        ApiException stale = assertThrows(
                ApiException.class,
                () -> annCommitments.updateCommitment(
                        partnershipId,
                        offlineId,
                        new CommitmentPatch().title("Call the landlord today"),
                        "\"v0\"",
                        null));
        assertEquals(412, stale.getCode());
        StaleCommitmentProblem problem =
                asAnn.getObjectMapper().readValue(stale.getResponseBody(), StaleCommitmentProblem.class);
        assertEquals("\"v1\"", problem.getEtag());
        assertEquals("Call Mr. Lee", problem.getCurrent().getTitle());
        assertEquals(1L, problem.getCurrent().getVersion());

        // Offline again: Ann keeps the promise and thanks Ben, pushed later as an outcome and a moment; each result is
        // read as its type's schema (an Occurrence, a Moment).
        UUID occurrenceId = annCommitments
                .listOccurrences(partnershipId, offlineId, null, null)
                .getItems()
                .get(0)
                .getId();
        UUID thanksId = UUID.randomUUID();
        SyncPushResponse offline = new SyncApi(asAnn)
                .pushChanges(
                        new SyncPushRequest()
                                .addMutationsItem(new SyncMutation(new OccurrenceOutcome()
                                        .mutationId(UUID.randomUUID())
                                        .type(OccurrenceOutcome.TypeEnum.OCCURRENCE)
                                        .id(occurrenceId)
                                        .op(OccurrenceOutcome.OpEnum.OUTCOME)
                                        .data(new OutcomeInput(new KeptOutcome()
                                                .outcome(KeptOutcome.OutcomeEnum.KEPT)
                                                .note("Called him at noon")))))
                                .addMutationsItem(new SyncMutation(new MomentCreate()
                                        .mutationId(UUID.randomUUID())
                                        .type(MomentCreate.TypeEnum.MOMENT)
                                        .id(thanksId)
                                        .op(MomentCreate.OpEnum.CREATE)
                                        .data(new NewMomentData(new NewAppreciationData()
                                                .partnershipId(partnershipId)
                                                .kind(NewAppreciationData.KindEnum.APPRECIATION)
                                                .message("Thanks for the reminder"))))),
                        null);
        Object outcome = offline.getResults().get(0).getActualInstance();
        assertTrue(outcome instanceof OccurrenceMutationResult, String.valueOf(outcome));
        if (outcome instanceof OccurrenceMutationResult kept) {
            assertEquals(MutationStatus.APPLIED, kept.getStatus());
            assertEquals(MutationOp.OUTCOME, kept.getOp());
            assertEquals(OccurrenceStatus.KEPT, kept.getRecord().getStatus());
            assertEquals("Called him at noon", kept.getRecord().getNote());
        }
        Object moment = offline.getResults().get(1).getActualInstance();
        assertTrue(moment instanceof MomentMutationResult, String.valueOf(moment));
        if (moment instanceof MomentMutationResult made) {
            assertEquals(MutationStatus.APPLIED, made.getStatus());
            assertEquals(thanksId, made.getId());
            Object shape = made.getRecord().getActualInstance();
            assertTrue(shape instanceof AppreciationMoment, String.valueOf(shape));
            assertEquals("Thanks for the reminder", ((AppreciationMoment) shape).getMessage());
        }
    }

    /**
     * A client of the service under test, signed in with {@code accessToken} unless it is null. The native library
     * has no bearer-auth support of its own, so the token goes on every request through the client's interceptor.
     */
    private ApiClient client(String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }

    private static RegisterRequest registration(String name, String zone) {
        String unique = UUID.randomUUID().toString().substring(0, 12);
        return new RegisterRequest()
                .email(name.toLowerCase() + "-" + unique + "@example.test")
                .password("correct horse battery " + unique)
                .displayName(name)
                .timeZone(zone)
                .deviceName(name + "'s generated client");
    }

    /** Pulls from no cursor until nothing more is ready: every change in feed order, as its typed change. */
    private static List<Object> pullEverything(SyncApi sync) throws ApiException {
        List<Object> changes = new ArrayList<>();
        String cursor = null;
        SyncPage page;
        int pages = 0;
        do {
            page = sync.pullChanges(cursor, 100, null, null);
            page.getChanges().forEach(change -> changes.add(change.getActualInstance()));
            cursor = page.getNextCursor();
            assertTrue(++pages < 20, "the feed ends");
        } while (page.getHasMore());
        return changes;
    }

    /** The latest change of kind {@code type} that {@code about} picks. */
    private static <C> C lastChange(List<Object> changes, Class<C> type, Predicate<C> about) {
        C last = null;
        for (Object change : changes) {
            if (type.isInstance(change) && about.test(type.cast(change))) {
                last = type.cast(change);
            }
        }
        assertNotNull(last, "a " + type.getSimpleName() + " in " + changes);
        return last;
    }
}
