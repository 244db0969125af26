// A third-party web developer's journey through partner-sync, typed end to end with openapi-fetch against the types
// openapi-typescript generates from openapi/partner-sync.yaml at its default options (bin/check-typescript-client).
// It is never run: it only has to compile with tsc --strict, and it is written as real client code would be, with no
// `as` casts, no `any`, no `@ts-ignore` and no non-null `!` on API data. When the contract makes a valid request
// untypeable, or stops saying which fields a response has, this file stops compiling and CI fails.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/partner-sync";

type Schemas = components["schemas"];
type Api = Client<paths>;

type Account = Schemas["Account"];
type TokenPair = Schemas["TokenPair"];
type Partnership = Schemas["Partnership"];
type Problem = Schemas["Problem"];
type CreateMomentRequest = Schemas["CreateMomentRequest"];
type Moment = Schemas["Moment"];
type CommitmentInput = Schemas["CommitmentInput"];
type Commitment = Schemas["Commitment"];
type OutcomeInput = Schemas["OutcomeInput"];
type Occurrence = Schemas["Occurrence"];
type SyncMutation = Schemas["SyncMutation"];
type SyncMutationResult = Schemas["SyncMutationResult"];
type SyncChange = Schemas["SyncChange"];
type WebhookEvent = Schemas["WebhookEvent"];
type LiveEvent = Schemas["LiveEvent"];
/** The body of updateCommitment's 412, taken from the operation rather than by a schema name. */
type StaleCommitment = operations["updateCommitment"]["responses"][412]["content"]["application/problem+json"];
type UpdateCommitmentError = Problem | StaleCommitment;

/** What a failed call answered: the HTTP status and the problem document, if the answer had one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`partner-sync answered ${status}`);
  }
}

/** The body of a successful openapi-fetch call; anything else throws an ApiError. */
async function ok<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>): Promise<NonNullable<R["data"]>> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined || data === null) {
    throw new ApiError(response.status, error);
  }
  return data;
}

/** A signed-in device: the current token pair, rotated with its refresh token shortly before the access token expires. */
export class Session {
  private expiresAt: number;

  constructor(
    readonly baseUrl: string,
    private tokens: TokenPair,
  ) {
    this.expiresAt = Date.now() + tokens.expiresIn * 1000;
  }

  /** Rotates the token pair; the old refresh token is spent. */
  async refresh(): Promise<void> {
    const anonymous = createClient<paths>({ baseUrl: this.baseUrl });
    const tokens = await ok(anonymous.POST("/v1/auth/refresh", { body: { refreshToken: this.tokens.refreshToken } }));
    this.tokens = tokens;
    this.expiresAt = Date.now() + tokens.expiresIn * 1000;
  }

  /** A fresh access token: rotated first when it expires within 30 seconds. */
  async accessToken(): Promise<string> {
    if (this.expiresAt - Date.now() < 30_000) {
      await this.refresh();
    }
    return this.tokens.accessToken;
  }

  /** A client sending this session's access token on every request. */
  client(): Api {
    const client = createClient<paths>({ baseUrl: this.baseUrl });
    const bearer: Middleware = {
      onRequest: async ({ request }) => {
        request.headers.set("Authorization", `Bearer ${await this.accessToken()}`);
        return request;
      },
    };
    client.use(bearer);
    return client;
  }
}

// --- Accounts: register, log in, refresh ------------------------------------------------------------------------

export async function register(baseUrl: string, email: string, password: string, displayName: string): Promise<{ account: Account; session: Session }> {
  const anonymous = createClient<paths>({ baseUrl });
  const registered = await ok(
    anonymous.POST("/v1/auth/register", {
      body: { email, password, displayName, timeZone: "Europe/Berlin", deviceName: "Web" },
    }),
  );
  return { account: registered.account, session: new Session(baseUrl, registered.tokens) };
}

export async function logIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const anonymous = createClient<paths>({ baseUrl });
  const tokens = await ok(anonymous.POST("/v1/auth/login", { body: { email, password, deviceName: "Web" } }));
  return new Session(baseUrl, tokens);
}

// --- Pairing: invite and accept ---------------------------------------------------------------------------------

export async function pair(inviter: Session, invitee: Session): Promise<Partnership> {
  const invitation = await ok(
    inviter.client().POST("/v1/invitations", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: { kind: "partner", message: "Shall we?" },
    }),
  );
  const preview = await ok(invitee.client().GET("/v1/invitations/{invitationKey}", { params: { path: { invitationKey: invitation.code } } }));
  console.log(`${preview.inviter.displayName} invites you (${preview.kind}) until ${preview.expiresAt}`);
  return ok(
    invitee.client().POST("/v1/invitations/{invitationKey}/accept", {
      params: { path: { invitationKey: invitation.code }, header: { "Idempotency-Key": crypto.randomUUID() } },
    }),
  );
}

// --- Moments: one of each kind ----------------------------------------------------------------------------------

async function createMoment(api: Api, partnershipId: string, body: CreateMomentRequest): Promise<Moment> {
  return ok(
    api.POST("/v1/partnerships/{partnershipId}/moments", {
      params: { path: { partnershipId }, header: { "Idempotency-Key": crypto.randomUUID() } },
      body,
    }),
  );
}

/** How a moment reads in the partnership's timeline: what each kind carries, told apart by `kind`. */
export function describeMoment(moment: Moment): string {
  switch (moment.kind) {
    case "appreciation":
      return `Appreciation: ${moment.message}`;
    case "running_late":
      return `Running late, there at ${moment.arrivalAt}${moment.occurrence ? ` (for ${moment.occurrence.dueDate})` : ""}`;
    case "cool_off":
      return `Cool-off until ${moment.endsAt}`;
  }
}

export async function shareMoments(session: Session, partnershipId: string, occurrenceDueDate: string, commitmentId: string): Promise<string[]> {
  const api = session.client();
  const arrivalAt = new Date(Date.now() + 20 * 60_000).toISOString();
  const moments = [
    await createMoment(api, partnershipId, { kind: "appreciation", message: "Thank you for dinner" }),
    await createMoment(api, partnershipId, {
      kind: "running_late",
      arrivalAt,
      message: "Train is late",
      occurrence: { commitmentId, dueDate: occurrenceDueDate },
    }),
    await createMoment(api, partnershipId, { kind: "cool_off", minutes: 15 }),
    // Without `minutes` the server takes 10; the contract states that default in prose, so the field stays optional.
    await createMoment(api, partnershipId, { kind: "cool_off" }),
  ];
  return moments.map(describeMoment);
}

// --- Commitments and outcomes -----------------------------------------------------------------------------------

export async function makeCommitments(session: Session, partnershipId: string, promiser: string): Promise<{ oneOff: Commitment; recurring: Commitment }> {
  const api = session.client();
  const create = (body: CommitmentInput) =>
    ok(
      api.POST("/v1/partnerships/{partnershipId}/commitments", {
        params: { path: { partnershipId }, header: { "Idempotency-Key": crypto.randomUUID() } },
        body,
      }),
    );
  const oneOff = await create({
    title: "Book the train tickets",
    promisedBy: [promiser],
    category: "chore",
    dueAt: "2026-12-20T18:00:00Z",
    reminderMinutesBefore: 30,
  });
  const recurring = await create({
    id: crypto.randomUUID(),
    title: "Take out the recycling",
    promisedBy: [promiser],
    recurrence: { frequency: "weekly", interval: 1, daysOfWeek: ["TUESDAY"], time: "21:00", startsOn: "2026-12-01" },
  });
  // `interval` may be left out (the server takes 1).
  await create({ title: "Call grandma", promisedBy: [promiser], recurrence: { frequency: "daily", time: "19:00", startsOn: "2026-12-01" } });
  return { oneOff, recurring };
}

async function recordOutcome(api: Api, partnershipId: string, occurrence: Occurrence, body: OutcomeInput): Promise<Occurrence> {
  return ok(
    api.POST("/v1/partnerships/{partnershipId}/commitments/{commitmentId}/occurrences/{dueDate}/outcome", {
      params: {
        path: { partnershipId, commitmentId: occurrence.commitmentId, dueDate: occurrence.dueDate },
        header: { "Idempotency-Key": crypto.randomUUID() },
      },
      body,
    }),
  );
}

/** Records one outcome of each kind on the first four occurrences of a commitment. */
export async function recordOutcomes(session: Session, partnershipId: string, commitment: Commitment): Promise<Occurrence[]> {
  const api = session.client();
  const list = await ok(
    api.GET("/v1/partnerships/{partnershipId}/commitments/{commitmentId}/occurrences", {
      params: { path: { partnershipId, commitmentId: commitment.id }, query: { from: "2026-12-01T00:00:00Z", to: "2027-01-01T00:00:00Z" } },
    }),
  );
  const [first, second, third, fourth] = list.items;
  if (!first || !second || !third || !fourth) {
    throw new Error("expected four occurrences in December");
  }
  return [
    await recordOutcome(api, partnershipId, first, { outcome: "kept", note: "Done before dinner" }),
    await recordOutcome(api, partnershipId, second, { outcome: "renegotiated", reason: "Away that week", movedTo: "2026-12-10T21:00:00Z" }),
    await recordOutcome(api, partnershipId, third, { outcome: "missed" }),
    await recordOutcome(api, partnershipId, fourth, { outcome: "cancelled", note: "No pickup on the holiday" }),
  ];
}

export async function followThrough(session: Session, partnershipId: string): Promise<string[]> {
  const report = await ok(
    session.client().GET("/v1/partnerships/{partnershipId}/insights/follow-through", {
      params: { path: { partnershipId }, query: { window: "30d" } },
    }),
  );
  return report.members.map((member) => `${member.displayName}: ${member.kept} kept, ${member.missed} missed, ${member.renegotiated} renegotiated`);
}

// --- Optimistic concurrency: a 412 carries the current record ---------------------------------------------------

/** Renames a commitment based on the version the user saw; on a 412 it returns the current record to merge with. */
export async function renameCommitment(session: Session, seen: Commitment, title: string): Promise<{ saved: Commitment } | { current: Commitment }> {
  const { data, error, response } = await session.client().PATCH("/v1/partnerships/{partnershipId}/commitments/{commitmentId}", {
    params: { path: { partnershipId: seen.partnershipId, commitmentId: seen.id }, header: { "If-Match": `"v${seen.version}"` } },
    body: { title },
  });
  if (data) {
    return { saved: data };
  }
  if (isStale(response, error)) {
    return { current: error.current };
  }
  throw new ApiError(response.status, error);
}

/**
 * openapi-fetch types `error` as the union of all of the operation's error bodies, whatever the status (Problem
 * carries `status` as a plain number), so the status says which one came: 412 is the stale-record problem.
 */
function isStale(response: Response, error: UpdateCommitmentError): error is StaleCommitment {
  return response.status === 412;
}

// --- Offline sync: push a batch, pull the feed ------------------------------------------------------------------

/**
 * What the local store does with one push result, told apart by the record type; within one, `status` says whether
 * the record is the saved one (applied), the server's (conflict) or absent with a problem (rejected).
 */
export function applyResult(result: SyncMutationResult): string {
  switch (result.type) {
    case "account":
      return result.record ? `${result.status}: account is ${result.record.displayName}` : `account edit ${result.status}: ${result.problem?.detail}`;
    case "partnership":
      return result.record ? `${result.status}: partnership v${result.record.version}` : `partnership edit ${result.status}: ${result.problem?.detail}`;
    case "commitment":
      switch (result.status) {
        case "applied":
          return result.record ? `saved ${result.record.title} v${result.record.version}` : `deleted ${result.id}`;
        case "conflict":
          return result.record ? `conflict: the server has ${result.record.title} v${result.record.version}` : `conflict: ${result.id} is gone`;
        case "rejected":
          return `commitment rejected: ${result.problem?.detail}`;
      }
    case "occurrence":
      return result.record ? `${result.op} ${result.status}: occurrence of ${result.record.dueDate} is ${result.record.status}` : `${result.op} ${result.status}: ${result.problem?.detail}`;
    case "moment":
    case "check_in":
    case "repair_plan":
    case "cadence":
      return result.record ? `${result.op} ${result.status}: ${result.type} v${result.record.version}` : `${result.type} ${result.op} ${result.status}: ${result.problem?.detail}`;
    default:
      return `cannot push a ${result.type}: ${result.problem.detail}`;
  }
}

export async function pushOfflineEdits(session: Session, me: Account, partnershipId: string, edited: Commitment, cursor: string | undefined): Promise<string[]> {
  const newCommitmentId = crypto.randomUUID();
  const mutations: SyncMutation[] = [
    { mutationId: crypto.randomUUID(), type: "account", op: "upsert", id: me.id, baseVersion: me.version, data: { displayName: "Mara K." } },
    { mutationId: crypto.randomUUID(), type: "partnership", op: "upsert", id: partnershipId, data: { displayName: "Us" } },
    {
      mutationId: crypto.randomUUID(),
      type: "commitment",
      op: "upsert",
      id: newCommitmentId,
      data: { partnershipId, title: "Water the plants", promisedBy: [me.id], dueAt: "2026-12-21T08:00:00Z" },
    },
    { mutationId: crypto.randomUUID(), type: "commitment", op: "upsert", id: edited.id, baseVersion: edited.version, data: { title: "Recycling (glass too)" } },
    { mutationId: crypto.randomUUID(), type: "commitment", op: "delete", id: edited.id, baseVersion: edited.version + 1 },
  ];
  const pushed = await ok(
    session.client().POST("/v1/sync", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: { cursor, mutations },
    }),
  );
  return [...pushed.results.map(applyResult), ...pushed.changes.map(applyChange)];
}

/** What the local store does with one change of the feed, told apart by `type` (and `op`: a tombstone has no record). */
export function applyChange(change: SyncChange): string {
  if (change.op === "delete" || !change.record) {
    return `remove ${change.type} ${change.id}`;
  }
  switch (change.type) {
    case "account":
      return `me: ${change.record.displayName}`;
    case "invitation":
      return `invitation ${change.record.code} is ${change.record.status}`;
    case "partnership":
      return `partnership with ${change.record.members.length} members`;
    case "commitment":
      return `commitment ${change.record.title}`;
    case "occurrence":
      return `occurrence ${change.record.dueDate} ${change.record.status}`;
    case "check_in":
      return `check-in ${change.record.kind}`;
    case "moment":
      return describeMoment(change.record);
    case "cadence":
      return `cadence of ${change.id}`;
    case "repair_plan":
      return `repair plan ${change.record.status}`;
    case "milestone":
      return `milestone ${change.record.kind} (${change.record.threshold})`;
  }
}

/** Pulls the feed from a cursor until nothing more is ready, returning the cursor to continue from. */
export async function pull(session: Session, cursor: string | undefined): Promise<string> {
  const api = session.client();
  let position = cursor;
  for (;;) {
    const page = await ok(api.GET("/v1/sync", { params: { query: { cursor: position, limit: 100 } } }));
    page.changes.forEach((change) => console.log(applyChange(change)));
    position = page.nextCursor;
    if (!page.hasMore) {
      return position;
    }
  }
}

// --- Webhooks and live events -----------------------------------------------------------------------------------

/** A webhook receiver's handling of a delivery (after checking its signature), told apart by `type`. */
export function onWebhook(event: WebhookEvent): string {
  switch (event.type) {
    case "partnership.updated":
      return `partnership ${event.data.record?.status ?? "gone"} v${event.data.version}`;
    case "commitment.updated":
      return event.data.record ? `commitment ${event.data.record.title} v${event.data.record.version}` : `commitment ${event.data.recordId} gone`;
    case "commitment.occurrence.updated":
      return event.data.record ? `occurrence ${event.data.record.dueDate} is ${event.data.record.status}` : `occurrence ${event.data.recordId} gone`;
    case "moment.updated":
      return event.data.record ? describeMoment(event.data.record) : `moment ${event.data.recordId} gone`;
    case "commitment.reminder":
      return `reminder: ${event.data.title} due ${event.data.dueAt}`;
    case "checkin.reminder":
      return `check-in (${event.data.kind}) at ${event.data.startsAt}`;
    case "partnership.deleted":
    case "commitment.deleted":
    case "commitment.occurrence.deleted":
      return `${event.data.recordType} ${event.data.recordId} gone`;
    case "checkin.updated":
    case "checkin.cadence.updated":
    case "checkin.repair_plan.updated":
      return `${event.data.recordType} ${event.data.recordId} v${event.data.version}`;
    case "milestone.reached":
      return `milestone ${event.data.kind} reached at ${event.data.reachedAt}`;
  }
}

/** A webhook delivery as a server framework hands it over: the raw body, once its signature was checked. */
export function receiveWebhook(body: string): string | undefined {
  const event: unknown = JSON.parse(body);
  return isWebhookEvent(event) ? onWebhook(event) : undefined;
}

/** What the live stream reports, told apart by `event`. */
export function onLiveEvent(event: LiveEvent, ownCursor: string): string {
  switch (event.event) {
    case "change":
      return `changed; pull from ${event.data.cursor ?? ownCursor}`;
    case "commitment.reminder":
      return `reminder: ${event.data.title} due ${event.data.dueAt}`;
    case "checkin.reminder":
      return `check-in (${event.data.kind}) at ${event.data.startsAt}`;
    case "webhook.disabled":
      return `webhook ${event.data.webhookId} disabled: ${event.data.reason}`;
    case "reauthenticate":
      return `reconnect: ${event.data.reason}`;
    case "milestone.reached":
      return `milestone ${event.data.kind} reached`;
  }
}

type LiveEventName = LiveEvent["event"];
const liveEventNames: readonly LiveEventName[] = [
  "change",
  "commitment.reminder",
  "checkin.reminder",
  "milestone.reached",
  "webhook.disabled",
  "reauthenticate",
];
const webhookEventTypes: readonly WebhookEvent["type"][] = [
  "partnership.updated",
  "partnership.deleted",
  "commitment.updated",
  "commitment.deleted",
  "commitment.occurrence.updated",
  "commitment.occurrence.deleted",
  "commitment.reminder",
  "checkin.updated",
  "checkin.cadence.updated",
  "checkin.repair_plan.updated",
  "checkin.reminder",
  "moment.updated",
  "milestone.reached",
];

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// The one place where JSON from the wire meets the types: a shallow check of the discriminator and the envelope. A
// real app would validate further (or generate validators from the same contract); the narrowing below is the
// contract's.
function isWebhookEvent(value: unknown): value is WebhookEvent {
  return isObject(value) && webhookEventTypes.some((type) => type === value.type) && typeof value.id === "string" && isObject(value.data);
}

function isLiveEvent(value: unknown): value is LiveEvent {
  return isObject(value) && liveEventNames.some((name) => name === value.event) && isObject(value.data);
}

/**
 * Listens to the live events in a browser. A plain EventSource cannot send an Authorization header, so it opens
 * `/v1/events` with a short-lived, single-use stream ticket obtained with the bearer token; after `reauthenticate` or
 * an error, call it again with the last event id seen (the spent ticket cannot be reused).
 */
export async function listen(
  baseUrl: string,
  api: Api,
  lastEventId: string | undefined,
  ownCursor: () => string,
  onChange: (line: string) => void,
): Promise<EventSource> {
  const { ticket } = await ok(api.POST("/v1/events/tickets", {}));
  const url = new URL("/v1/events", baseUrl);
  url.searchParams.set("ticket", ticket);
  if (lastEventId !== undefined) {
    url.searchParams.set("lastEventId", lastEventId);
  }
  const source = new EventSource(url);
  for (const name of liveEventNames) {
    source.addEventListener(name, (message: MessageEvent<string>) => {
      const frame: unknown = { event: message.type, id: message.lastEventId || undefined, data: JSON.parse(message.data) };
      if (isLiveEvent(frame)) {
        onChange(onLiveEvent(frame, ownCursor()));
      }
    });
  }
  return source;
}

// --- The whole journey, as an app's onboarding and first week would run it -------------------------------------

/** Two people sign up, pair, promise, keep or renegotiate, share moments, sync offline edits and listen. */
export async function journey(baseUrl: string, mara: { email: string; password: string }, jo: { email: string; password: string }): Promise<string[]> {
  const log: string[] = [];
  const signedUp = await register(baseUrl, mara.email, mara.password, "Mara");
  const joAccount = await register(baseUrl, jo.email, jo.password, "Jo");
  const maraSession = await logIn(baseUrl, mara.email, mara.password);
  await maraSession.refresh();
  const partnership = await pair(maraSession, joAccount.session);

  const { oneOff, recurring } = await makeCommitments(maraSession, partnership.id, signedUp.account.id);
  const firstDue = await ok(
    maraSession.client().GET("/v1/partnerships/{partnershipId}/commitments/{commitmentId}/occurrences", {
      params: { path: { partnershipId: partnership.id, commitmentId: oneOff.id } },
    }),
  );
  const dueDate = firstDue.items[0]?.dueDate;
  if (dueDate !== undefined) {
    log.push(...(await shareMoments(maraSession, partnership.id, dueDate, oneOff.id)));
  }
  log.push(...(await recordOutcomes(maraSession, partnership.id, recurring)).map((occurrence) => `${occurrence.dueDate}: ${occurrence.status}`));
  log.push(...(await followThrough(joAccount.session, partnership.id)));

  const renamed = await renameCommitment(maraSession, recurring, "Recycling and compost");
  log.push("saved" in renamed ? `renamed to ${renamed.saved.title}` : `someone else changed it: now ${renamed.current.title} v${renamed.current.version}`);

  const cursor = await pull(maraSession, undefined);
  log.push(...(await pushOfflineEdits(maraSession, signedUp.account, partnership.id, recurring, cursor)));
  return log;
}

// --- What the contract refuses to type: each line must stay a compile error ------------------------------------
// tsc fails on an unused @ts-expect-error, so when the generated types accept one of these requests again, CI fails.

export function invalidRequestsAreUntypeable(me: string): CommitmentInput {
  // @ts-expect-error an appreciation takes no `minutes` (the server answers 400)
  const appreciationWithMinutes: CreateMomentRequest = { kind: "appreciation", message: "Thanks", minutes: 10 };
  // @ts-expect-error a running-late notice needs `arrivalAt`
  const lateWithoutArrival: CreateMomentRequest = { kind: "running_late", message: "Sorry" };
  // @ts-expect-error `arrivalAt` is only for a running-late notice
  const coolOffWithArrival: CreateMomentRequest = { kind: "cool_off", arrivalAt: "2026-12-20T18:00:00Z" };
  // TODO(schemas): a commitment is due once (`dueAt`) or repeats (`recurrence`), not both. The oneOf of
  // OneOffCommitmentInput and RecurringCommitmentInput has no discriminator, and TypeScript's excess-property check on
  // such a union accepts a property that any member declares, so both together still type as a one-off. Only a member
  // declaring the other's property as impossible (`recurrence?: never`) would refuse it, and OpenAPI 3.0 has no
  // schema that openapi-typescript generates as `never` (`not: {}` becomes `unknown`).
  // // @ts-expect-error a commitment is due once (`dueAt`) or repeats (`recurrence`), not both
  // const both: CommitmentInput = { title: "x", promisedBy: [me], dueAt: "2026-12-20T18:00:00Z", recurrence: { frequency: "daily", interval: 1, time: "08:00", startsOn: "2026-12-01" } };
  // @ts-expect-error and not neither
  const neither: CommitmentInput = { title: "x", promisedBy: [me] };
  // @ts-expect-error `renegotiated` needs a `reason`
  const renegotiatedWithoutReason: OutcomeInput = { outcome: "renegotiated", movedTo: "2026-12-10T21:00:00Z" };
  // @ts-expect-error `movedTo` goes only with `renegotiated`
  const keptAndMoved: OutcomeInput = { outcome: "kept", movedTo: "2026-12-10T21:00:00Z" };
  // @ts-expect-error a mutation of a type the server does not know
  const unknownType: SyncMutation = { mutationId: me, type: "widget", op: "upsert", id: me, data: {} };
  // @ts-expect-error moments are made through their own operation, never pushed
  const momentPush: SyncMutation = { mutationId: me, type: "moment", op: "upsert", id: me, data: { kind: "appreciation" } };
  // @ts-expect-error a commitment deletion carries no data
  const deleteWithData: SyncMutation = { mutationId: me, type: "commitment", op: "delete", id: me, baseVersion: 1, data: { title: "x" } };
  void [appreciationWithMinutes, lateWithoutArrival, coolOffWithArrival, renegotiatedWithoutReason, keptAndMoved, unknownType, momentPush, deleteWithData];
  return neither;
}
