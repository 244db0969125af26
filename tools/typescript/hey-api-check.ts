// Cross-check with a second generator: the SDK @hey-api/openapi-ts generates from openapi/partner-sync.yaml at its
// default options (bin/check-typescript-client), used for moments and an offline push as a web app would. Never run;
// it only has to compile with tsc --strict, with no casts, no `any`, no `@ts-ignore` and no non-null `!`.
import { createClient } from "./generated-hey-api/client";
import { createMoment, pushChanges } from "./generated-hey-api/sdk.gen";
import type { CreateMomentRequest, Moment, SyncMutation, SyncMutationResult } from "./generated-hey-api/types.gen";

/** A client for one signed-in device, sending its access token on every call. */
export function clientFor(baseUrl: string, accessToken: string) {
  return createClient({ baseUrl, auth: () => accessToken });
}

/** How a moment reads in the timeline, told apart by `kind`. */
export function describe(moment: Moment): string {
  switch (moment.kind) {
    case "appreciation":
      return `Appreciation: ${moment.message}`;
    case "running_late":
      return `Running late, there at ${moment.arrivalAt}`;
    case "cool_off":
      return `Cool-off until ${moment.endsAt}`;
  }
}

export async function shareMoments(baseUrl: string, accessToken: string, partnershipId: string): Promise<string[]> {
  const client = clientFor(baseUrl, accessToken);
  const requests: CreateMomentRequest[] = [
    { kind: "appreciation", message: "Thank you for dinner" },
    { kind: "running_late", arrivalAt: new Date(Date.now() + 20 * 60_000).toISOString(), message: "Train is late" },
    { kind: "cool_off", minutes: 15 },
    // hey-api leaves a property with a default optional (openapi-typescript makes it required): the server takes 10.
    { kind: "cool_off" },
  ];
  const described: string[] = [];
  for (const body of requests) {
    const { data, error } = await createMoment({
      client,
      path: { partnershipId },
      headers: { "Idempotency-Key": crypto.randomUUID() },
      body,
    });
    if (error) {
      throw new Error(`createMoment: ${error.detail}`);
    }
    described.push(describe(data));
  }
  return described;
}

/** What the local store does with one push result, told apart by record type, then by status. */
export function applyResult(result: SyncMutationResult): string {
  switch (result.type) {
    case "commitment":
      if (result.status === "rejected") {
        return `rejected: ${result.problem?.detail}`;
      }
      return result.record ? `commitment ${result.record.title} v${result.record.version}` : `commitment ${result.id} deleted`;
    case "account":
      return result.record ? `account is ${result.record.displayName}` : `account edit ${result.status}: ${result.problem?.detail}`;
    case "partnership":
      return result.record ? `partnership v${result.record.version}` : `partnership edit ${result.status}: ${result.problem?.detail}`;
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

export async function pushOffline(baseUrl: string, accessToken: string, partnershipId: string, me: string): Promise<string[]> {
  const mutations: SyncMutation[] = [
    {
      mutationId: crypto.randomUUID(),
      type: "commitment",
      op: "upsert",
      id: crypto.randomUUID(),
      data: { partnershipId, title: "Water the plants", promisedBy: [me], dueAt: "2026-12-21T08:00:00Z" },
    },
    { mutationId: crypto.randomUUID(), type: "partnership", op: "upsert", id: partnershipId, data: { displayName: "Us" } },
  ];
  const { data, error } = await pushChanges({
    client: clientFor(baseUrl, accessToken),
    headers: { "Idempotency-Key": crypto.randomUUID() },
    body: { mutations },
  });
  if (error) {
    throw new Error(`push: ${error.detail}`);
  }
  return data.results.map(applyResult);
}

export function invalidRequestsAreUntypeable(me: string): void {
  // @ts-expect-error an appreciation takes no `minutes` (the server answers 400)
  const appreciationWithMinutes: CreateMomentRequest = { kind: "appreciation", message: "Thanks", minutes: 10 };
  // @ts-expect-error a mutation of a type the server does not know
  const unknownType: SyncMutation = { mutationId: me, type: "widget", op: "upsert", id: me, data: {} };
  void [appreciationWithMinutes, unknownType];
}
