import { randomUUID } from "node:crypto";
import type { Job, Prisma, PrismaClient } from "@prisma/client";
import { backoffDelayMs } from "./backoff";
import { latestOccurrence, nextOccurrence } from "./cron.server";
import { enqueueJob, onJobEnqueued } from "./enqueue.server";
import { emptyCounts, viewOfRow } from "./job-view.server";
import { errorText, runAttempt } from "./run-attempt.server";
import type {
  JobCounts,
  JobEngine,
  JobKind,
  JobListFilter,
  JobSchedule,
  JobStatus,
  JobView,
  RunnerOptions,
} from "./types";

/** Extra time past an attempt's limit before its claim lapses and another worker may take the job. */
const CLAIM_MARGIN_MS = 5_000;
/** A result that could not be written (the database unreachable or locked) is tried again this often, this many times. */
const SETTLE_RETRY_MS = 500;
const SETTLE_TRIES = 40;
/** Completed and dropped rows are kept this long (the key keeps deduplicating meanwhile), then deleted. */
const RETENTION_MS = 7 * 24 * 60 * 60_000;
/**
 * After a poll that found nothing to run, the timer's next poll waits this long (jobs another process enqueued); a
 * job enqueued or finishing in this process, or a retry of this process coming due, starts the next poll at once.
 */
const IDLE_POLL_MS = 1_000;

/**
 * The embedded engine: the Job table is the queue, for one process (SQLite has one writer). Claims are
 * conditional updates with a lease (`lockedUntil`), so a job whose process died is taken again once the lease
 * runs out, and its key makes its effect happen once.
 */
export class SqliteJobEngine implements JobEngine {
  readonly name = "sqlite" as const;
  private readonly kinds = new Map<string, JobKind<never>>();
  private readonly schedules: JobSchedule[] = [];
  private readonly running = new Map<string, { job: Job; done: Promise<void> }>();
  private readonly workerId = randomUUID();
  private readonly shutdown = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unlisten: (() => void) | null = null;
  private lastSchedule = 0;
  private lastPrune = 0;
  /** When a poll last found nothing to claim (0: the last one did, or none ran yet). */
  private idleSince = 0;
  /** When the retries this process scheduled come due. */
  private retriesDue: number[] = [];
  /** Per schedule, its next occurrence: nothing to enqueue before then. */
  private readonly nextScheduled = new Map<string, number>();
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly graceMs: number;
  private readonly log: Pick<Console, "log" | "error">;

  constructor(
    private readonly db: PrismaClient,
    options: RunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.pollMs = options.pollMs ?? 250;
    this.graceMs = options.shutdownGraceMs ?? 10_000;
    this.log = options.log ?? console;
  }

  register(kind: JobKind<never>): void {
    this.kinds.set(kind.kind, kind);
  }

  schedule(schedule: JobSchedule): void {
    this.schedules.push(schedule);
  }

  async start(): Promise<void> {
    // A job still RUNNING may belong to another live process on this database (the CLI, a second server): its
    // claim is left to lapse at its time limit plus CLAIM_MARGIN_MS, never taken over at start-up (that ran the
    // jobs of a running worker twice).
    this.stopped = false;
    this.unlisten = onJobEnqueued(() => this.poke());
    this.timer = setInterval(() => this.pollIfDue(), this.pollMs);
    this.timer.unref();
    this.poke();
  }

  poke(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => {
        // The database may be unreachable for a while: nothing is lost, the next poll tries again.
        this.log.error("[jobs] poll failed:", errorText(error));
      })
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** The timer's poll: every `pollMs` while there is work, every IDLE_POLL_MS once a poll found none. */
  private pollIfDue(): void {
    const now = Date.now();
    const retryDue = this.retriesDue.some((at) => at <= now);
    if (retryDue) this.retriesDue = this.retriesDue.filter((at) => at > now);
    if (this.idleSince === 0 || retryDue || now - this.idleSince >= Math.max(IDLE_POLL_MS, this.pollMs))
      this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    const all = Promise.all([...this.running.values()].map((r) => r.done));
    const graceOver = new Promise<"grace">((r) => setTimeout(() => r("grace"), this.graceMs).unref());
    if ((await Promise.race([all.then(() => "done" as const), graceOver])) === "grace") {
      // Release what is still running for the next worker (a new attempt; its key keeps the effect single).
      const ids = [...this.running.keys()];
      this.shutdown.abort();
      await this.db.job.updateMany({
        where: { id: { in: ids }, lockedBy: this.workerId, status: "RUNNING" },
        data: { status: "QUEUED", lockedUntil: null, lockedBy: null, attempts: { decrement: 1 } },
      });
    }
  }

  private async tick(): Promise<void> {
    const now = new Date();
    if (now.getTime() - this.lastSchedule >= 1_000) {
      this.lastSchedule = now.getTime();
      await this.enqueueScheduled(now);
    }
    if (now.getTime() - this.lastPrune >= 60 * 60_000) {
      this.lastPrune = now.getTime();
      await this.db.job.deleteMany({
        where: {
          status: { in: ["COMPLETED", "DROPPED"] },
          finishedAt: { lt: new Date(now.getTime() - RETENTION_MS) },
        },
      });
    }
    for (;;) {
      const free = this.concurrency - this.running.size;
      if (free <= 0 || this.stopped) return;
      const claimed = await this.claim(free, new Date());
      if (claimed.length === 0) {
        this.idleSince = this.running.size === 0 ? Date.now() : 0;
        return;
      }
      this.idleSince = 0;
      for (const job of claimed) this.launch(job);
    }
  }

  /**
   * The latest occurrence of each schedule (within the last minute: a runner that was down does not catch up),
   * keyed by its time, so a restart or a second poll adds nothing.
   */
  private async enqueueScheduled(now: Date): Promise<void> {
    for (const s of this.schedules) {
      if (now.getTime() < (this.nextScheduled.get(s.name) ?? 0)) continue; // the latest one is enqueued already
      const due = latestOccurrence(s.cron, now);
      if (now.getTime() - due.getTime() <= 60_000)
        await enqueueJob(this.db, s.kind, s.payload, {
          key: `${s.name}@${due.toISOString()}`,
          shop: "",
          runAt: due,
        });
      this.nextScheduled.set(s.name, nextOccurrence(s.cron, due).getTime());
    }
  }

  /**
   * The per-shop limit counts the shop's running jobs of every kind (Shopify's API limits are per shop); app-wide
   * jobs (shop "") count per kind.
   */
  private static slotOf(job: Pick<Job, "kind" | "shop">): string {
    return job.shop ? `shop\u0000${job.shop}` : `app\u0000${job.kind}`;
  }

  private runningIn(slot: string): number {
    let n = 0;
    for (const { job } of this.running.values()) if (SqliteJobEngine.slotOf(job) === slot) n++;
    return n;
  }

  private async claim(free: number, now: Date): Promise<Job[]> {
    const kinds = [...this.kinds.keys()];
    const candidates = await this.db.job.findMany({
      where: {
        kind: { in: kinds },
        OR: [
          { status: { in: ["QUEUED", "RETRYING"] }, runAt: { lte: now } },
          // A claim that ran out: its worker died (kill -9) or lost the database; the job runs again.
          { status: "RUNNING", lockedUntil: { lt: now } },
        ],
      },
      orderBy: [{ runAt: "asc" }, { id: "asc" }],
      take: Math.max(free * 4, 32),
    });
    const taken: Job[] = [];
    const planned = new Map<string, number>();
    const chosen: { job: Job; kind: JobKind<never> }[] = [];
    for (const job of candidates) {
      if (chosen.length >= free) break;
      if (this.running.has(job.id)) continue;
      const kind = this.kinds.get(job.kind)!;
      const slot = SqliteJobEngine.slotOf(job);
      const busy = this.runningIn(slot) + (planned.get(slot) ?? 0);
      if (busy >= kind.concurrencyPerShop) continue;
      planned.set(slot, (planned.get(slot) ?? 0) + 1);
      chosen.push({ job, kind });
    }
    if (chosen.length === 0) return taken;
    // One transaction for the batch (one commit instead of one per job); each claim is still conditional, so a
    // job another runner took meanwhile is skipped.
    await this.db.$transaction(async (tx) => {
      for (const { job, kind } of chosen) {
        const claimed = await tx.job.updateMany({
          where: { id: job.id, status: job.status, lockedUntil: job.lockedUntil, attempts: job.attempts },
          data: {
            status: "RUNNING",
            attempts: { increment: 1 },
            maxAttempts: job.maxAttempts || kind.attempts,
            lockedBy: this.workerId,
            lockedUntil: new Date(now.getTime() + kind.timeoutMs + CLAIM_MARGIN_MS),
            startedAt: now,
          },
        });
        if (claimed.count === 0) continue;
        taken.push({
          ...job,
          status: "RUNNING",
          attempts: job.attempts + 1,
          maxAttempts: job.maxAttempts || kind.attempts,
        });
      }
    });
    return taken;
  }

  private launch(job: Job): void {
    const done = this.execute(job)
      .catch((error: unknown) =>
        this.log.error(`[jobs] ${job.kind} ${job.id}: could not record the result:`, errorText(error)),
      )
      .finally(() => {
        this.running.delete(job.id);
        this.poke();
      });
    this.running.set(job.id, { job, done });
  }

  private pending: { where: Prisma.JobWhereInput; data: Prisma.JobUpdateManyMutationInput }[] = [];
  private flushing: Promise<void> | null = null;

  /** Results of jobs that finished together are written in one transaction (one commit, not one per job). */
  private record(where: Prisma.JobWhereInput, data: Prisma.JobUpdateManyMutationInput): Promise<void> {
    this.pending.push({ where, data });
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      const batch = this.pending;
      this.pending = [];
      this.flushing = null;
      await this.db.$transaction(async (tx) => {
        for (const u of batch) await tx.job.updateMany(u);
      });
    });
    return this.flushing;
  }

  private async execute(job: Job): Promise<void> {
    const kind = this.kinds.get(job.kind)!;
    const mine = { id: job.id, lockedBy: this.workerId, status: "RUNNING" };
    const maxAttempts = job.maxAttempts || kind.attempts;
    let result: Prisma.JobUpdateManyMutationInput;
    try {
      const outcome = await runAttempt(this.db, {
        id: job.id,
        kind,
        shop: job.shop,
        payload: job.payload,
        attempt: job.attempts,
        shutdown: this.shutdown.signal,
        progress: async (progress) => {
          await this.db.job.updateMany({
            where: mine,
            data: { progress: progress as unknown as Prisma.InputJsonValue },
          });
        },
      });
      result = {
        status: outcome ? "DROPPED" : "COMPLETED",
        lastError: outcome ? outcome.drop : null,
        finishedAt: new Date(),
        lockedUntil: null,
      };
    } catch (error) {
      if (this.shutdown.signal.aborted) return; // released by stop()
      const last = job.attempts >= maxAttempts;
      result = {
        status: last ? "FAILED" : "RETRYING",
        lastError: errorText(error),
        lockedUntil: null,
        ...(last
          ? { finishedAt: new Date() }
          : { runAt: new Date(Date.now() + backoffDelayMs(kind.backoff, job.attempts)) }),
      };
      if (result.runAt instanceof Date) this.retriesDue.push(result.runAt.getTime());
    }
    // A result that cannot be written yet (the database locked or unreachable) is tried again until it is, so the
    // job does not run twice; if it never is, the lease runs out and the job runs again (its key keeps the effect
    // single). A job released by stop() meanwhile is no longer `mine`: the write changes nothing.
    for (let tries = 1; ; tries++) {
      try {
        await this.record(mine, result);
        return;
      } catch (error) {
        if (tries >= SETTLE_TRIES || this.shutdown.signal.aborted) throw error;
        await new Promise((r) => setTimeout(r, SETTLE_RETRY_MS));
      }
    }
  }

  private attemptsOf = (kind: string) => this.kinds.get(kind)?.attempts ?? 0;

  async list(filter: JobListFilter): Promise<JobView[]> {
    const rows = await this.db.job.findMany({
      where: {
        shop: filter.shop,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: filter.limit ?? 100,
    });
    return rows.map((r) => viewOfRow(r, this.attemptsOf));
  }

  async counts(shop: string): Promise<JobCounts> {
    const groups = await this.db.job.groupBy({
      by: ["kind", "status"],
      where: { shop },
      _count: { _all: true },
    });
    const counts: JobCounts = {};
    for (const g of groups) {
      const status = (g.status === "OUTBOX" ? "QUEUED" : g.status) as JobStatus;
      (counts[g.kind] ??= emptyCounts())[status] += g._count._all;
    }
    return counts;
  }

  async retry(shop: string, id: string): Promise<boolean> {
    const updated = await this.db.job.updateMany({
      where: { id, shop, status: { in: ["FAILED", "DROPPED"] } },
      data: { status: "QUEUED", attempts: 0, runAt: new Date(), finishedAt: null, lockedUntil: null },
    });
    if (updated.count) this.poke();
    return updated.count === 1;
  }

  async discard(shop: string, id: string): Promise<boolean> {
    const deleted = await this.db.job.deleteMany({ where: { id, shop, status: { not: "RUNNING" } } });
    return deleted.count === 1;
  }

  async shopOfJob(id: string): Promise<string | null> {
    return (await this.db.job.findUnique({ where: { id }, select: { shop: true } }))?.shop ?? null;
  }

  async eraseShop(shop: string): Promise<number> {
    return (await this.db.job.deleteMany({ where: { shop } })).count;
  }
}
