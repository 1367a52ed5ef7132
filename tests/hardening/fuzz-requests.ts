// fast-check arbitraries for hostile requests: a target's genuine payload mutated (keys dropped, values of the
// wrong type, huge strings, deep nesting), random JSON, random bytes, empty and oversized bodies — each sent
// with a valid, wrong, missing or garbled signature, for a known, unknown or malformed shop, sometimes replayed.
import fc from "fast-check";
import { FUZZ_TARGETS, type FuzzTarget } from "./fuzz-targets";

export interface FuzzRequest {
  target: FuzzTarget;
  body: Buffer;
  signing: "valid" | "wrong-secret" | "missing" | "garbled";
  shop: string;
  replayId: boolean;
  contentType: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
  fc.string({ maxLength: 40 }),
  fc.constant("x".repeat(200_000)),
  fc.constantFrom("NaN", "-1", "1e309", "<script>", "../../etc/passwd", "\u0000", "🙂"),
  fc.json().map((text) => JSON.parse(text) as Json),
);

type Mutation = { path: number[]; op: "delete" | "replace" | "wrap"; value: Json };

function applyMutation(payload: Json, mutation: Mutation): Json {
  const copy = structuredClone(payload);
  let node: Json = copy;
  for (const [depth, pick] of mutation.path.entries()) {
    if (node === null || typeof node !== "object") break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length];
    const container = node as Record<string, Json>;
    const last = depth === mutation.path.length - 1 || typeof container[key] !== "object";
    if (last) {
      if (mutation.op === "delete") delete container[key];
      else if (mutation.op === "replace") container[key] = mutation.value;
      else container[key] = [[[[container[key]]]]];
      return copy;
    }
    node = container[key];
  }
  return copy;
}

const mutatedSample = (target: FuzzTarget) =>
  fc
    .array(
      fc.record({
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        op: fc.constantFrom("delete" as const, "replace" as const, "wrap" as const),
        value: hostileValue,
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((mutations) =>
      Buffer.from(JSON.stringify(mutations.reduce(applyMutation, target.sample() as Json))),
    );

/** The oversized body: built once (the run sends this same 1.1 MB buffer whenever it is drawn). */
const OVERSIZED = Buffer.from(`{"pad":"${"a".repeat(1_100_000)}"}`);

function bodyArbitrary(target: FuzzTarget): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 12, arbitrary: mutatedSample(target) },
    { weight: 4, arbitrary: fc.constant(Buffer.from(JSON.stringify(target.sample()))) },
    { weight: 4, arbitrary: fc.json().map((text) => Buffer.from(text)) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
    { weight: 1, arbitrary: fc.constant(OVERSIZED) },
  );
}

/**
 * One body arbitrary per target, built on first use: `chain` asks for it on every draw, and building it anew each
 * time allocated the 1.1 MB body and the genuine sample per request (most of the generation's time). The draws
 * are the same either way: an arbitrary's definition, not its identity, decides what a seed gives.
 */
const bodies = new Map<FuzzTarget, fc.Arbitrary<Buffer>>();
const bodyFor = (target: FuzzTarget): fc.Arbitrary<Buffer> => {
  let arbitrary = bodies.get(target);
  if (!arbitrary) bodies.set(target, (arbitrary = bodyArbitrary(target)));
  return arbitrary;
};

export function fuzzRequests(shops: string[]): fc.Arbitrary<FuzzRequest> {
  // FUZZ_TARGET narrows a run to the targets whose name contains it (debugging one endpoint).
  const only = process.env.FUZZ_TARGET;
  const targets = only ? FUZZ_TARGETS.filter((t) => t.name.includes(only)) : FUZZ_TARGETS;
  return fc.constantFrom(...targets).chain((target) =>
    fc.record({
      target: fc.constant(target),
      body: bodyFor(target),
      signing: fc.constantFrom(
        "valid" as const,
        "valid" as const,
        "wrong-secret" as const,
        "missing" as const,
        "garbled" as const,
      ),
      // The first shop is never erased, so what the run leaves behind can be checked afterwards.
      shop: fc.constantFrom(
        ...(target.erasesShop ? shops.slice(1) : shops),
        "unknown-shop.myshopify.com",
        "not a domain",
        "evil.example.com",
      ),
      replayId: fc.boolean(),
      contentType: fc.constantFrom("application/json", "application/json", "text/plain", null),
    }),
  );
}
