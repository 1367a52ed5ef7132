import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobEngine } from "../../app/jobs/types";
import { DEMO_SHOP, load, OTHER_SHOP, startAdminHarness, submit, type AdminHarness } from "./admin-harness";

let h: AdminHarness;
let page: typeof import("../../app/routes/app.jobs");
let engine: JobEngine;
let healthy = false;

/** Waits until `read` returns what `done` accepts (beforeAll has no expect.poll). */
async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const quiet = { log: () => undefined, error: () => undefined };
type Row = { id: string; kind: string; status: string; error: string | null };

beforeAll(async () => {
  h = await startAdminHarness();
  page = await import("../../app/routes/app.jobs");
  const { createJobEngine } = await import("../../app/jobs/runner.server");
  const { enqueueJob } = await import("../../app/jobs/enqueue.server");
  engine = createJobEngine(h.db, process.env.DATABASE_URL!, { pollMs: 20, log: quiet });
  const rules = { attempts: 2, backoff: { baseMs: 0, maxMs: 0 }, timeoutMs: 5_000, concurrencyPerShop: 2 };
  engine.register({ kind: "test.handoff", ...rules, handler: async () => undefined } as never);
  engine.register({
    kind: "test.label",
    ...rules,
    handler: async () => {
      if (!healthy) throw new Error("carrier answered 500");
    },
  } as never);
  await engine.start();
  // GIVEN one completed and one failed job for the demo shop, and a failed one for another shop
  await enqueueJob(h.db, "test.handoff", {}, { key: "h1", shop: DEMO_SHOP });
  await enqueueJob(h.db, "test.label", {}, { key: "l1", shop: DEMO_SHOP });
  await enqueueJob(h.db, "test.label", {}, { key: "l2", shop: OTHER_SHOP });
  await until(
    async () => (await engine.list({ shop: DEMO_SHOP })).map((j) => j.status).sort(),
    (s) => s.join() === "COMPLETED,FAILED",
  );
  await until(
    async () => (await engine.list({ shop: OTHER_SHOP })).map((j) => j.status),
    (s) => s.join() === "FAILED",
  );
});
afterAll(async () => {
  await engine?.stop();
  await h?.stop();
});

describe("Background work page", () => {
  it("shows per kind how many are queued, running, retrying and failed, and each failed job with its error", async () => {
    const { status, data } = await load(page.loader, "/app/jobs");
    expect(status).toBe(200);
    const byKind = Object.fromEntries(data.kinds.map((k: { kind: string }) => [k.kind, k]));
    expect(byKind["test.handoff"]).toMatchObject({
      COMPLETED: 1,
      FAILED: 0,
      QUEUED: 0,
      RUNNING: 0,
      RETRYING: 0,
    });
    expect(byKind["test.label"]).toMatchObject({ FAILED: 1, COMPLETED: 0 });
    expect(data.failed).toHaveLength(1);
    expect(data.failed[0]).toMatchObject({
      kind: "test.label",
      status: "FAILED",
      attempts: 2,
      maxAttempts: 2,
    });
    expect(data.failed[0].error).toContain("carrier answered 500");
  });

  it("Retry runs a failed job again; another shop's job can be neither retried nor discarded; bad input is a 400", async () => {
    const [failed] = (await load(page.loader, "/app/jobs")).data.failed as Row[];
    const [theirs] = await engine.list({ shop: OTHER_SHOP });
    expect((await submit(page.action, "/app/jobs", { intent: "retry", id: theirs!.id })).status).toBe(409);
    expect((await submit(page.action, "/app/jobs", { intent: "discard", id: theirs!.id })).status).toBe(409);
    expect((await engine.list({ shop: OTHER_SHOP }))[0]!.status).toBe("FAILED");
    const bad = await submit(page.action, "/app/jobs", { intent: "explode", id: failed!.id });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.form).toContain("intent");
    // WHEN the carrier is back and the merchant presses Retry
    healthy = true;
    const retried = await submit(page.action, "/app/jobs", { intent: "retry", id: failed!.id });
    expect(retried).toMatchObject({ status: 200, data: { ok: true, message: "Job queued again" } });
    // THEN it completes, and the page no longer lists it as failed
    await expect
      .poll(
        async () =>
          ((await load(page.loader, "/app/jobs")).data.recent as Row[]).find((j) => j.id === failed!.id)
            ?.status,
        { timeout: 15_000 },
      )
      .toBe("COMPLETED");
    expect((await load(page.loader, "/app/jobs")).data.failed).toHaveLength(0);
  });

  it("Discard removes a job that is not running", async () => {
    const [done] = (await engine.list({ shop: DEMO_SHOP, kind: "test.handoff" })) as Row[];
    const discarded = await submit(page.action, "/app/jobs", { intent: "discard", id: done!.id });
    expect(discarded).toMatchObject({ status: 200, data: { ok: true, message: "Job discarded" } });
    expect(await engine.list({ shop: DEMO_SHOP, kind: "test.handoff" })).toEqual([]);
  });
});
