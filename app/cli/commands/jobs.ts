import type { JobView } from "../../jobs/types";
import { option, when } from "./args";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from "./types";

function progressText(job: JobView): string {
  if (!job.progress) return "";
  const pct = job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
  return ` ${job.progress.done}/${job.progress.total} (${pct} %)${job.progress.note ? ` ${job.progress.note}` : ""}`;
}

/** `tailroute jobs`: a shop's background work (docs/jobs.md), and `jobs retry <id>` for a failed job. */
export const jobsCommand: CliCommand = {
  name: "jobs",
  summary: "List a shop's background jobs (queued, running, retrying, failed, done); retry a failed one",
  usage:
    "tailroute jobs --shop <shop.myshopify.com> [--failed] [--json] [--limit <n>] | tailroute jobs retry <id>",
  async run(args, io) {
    const json = args.includes("--json");
    const retrying = args[0] === "retry";
    const shop = option(args, "--shop");
    const limitArg = option(args, "--limit");
    const limit = limitArg === undefined ? 100 : Number(limitArg);
    if (retrying && (!args[1] || args[1].startsWith("--"))) {
      io.stderr("usage: tailroute jobs retry <id>\n");
      return EXIT_BAD_INPUT;
    }
    if (!retrying && (shop === undefined || shop === null)) {
      io.stderr("--shop <shop.myshopify.com> is required\n");
      return EXIT_BAD_INPUT;
    }
    if (!Number.isInteger(limit) || limit <= 0) {
      io.stderr("--limit needs a positive whole number\n");
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    const { databaseUrl } = await import("../../db/database-url");
    const { createJobEngine, registerAppJobs } = await import("../../jobs/runner.server");
    // The engine is only read and written here, never started: the server's runner does the work.
    const engine = registerAppJobs(createJobEngine(db, databaseUrl()), db);
    if (retrying) {
      const id = args[1]!;
      const owner = await engine.shopOfJob(id);
      if (owner === null || (shop && shop !== owner)) {
        io.stderr(`no job ${id}${shop ? ` for ${shop}` : ""}\n`);
        return EXIT_FAILURE;
      }
      if (!(await engine.retry(owner, id))) {
        io.stderr(`job ${id} is not failed or dropped; only those can be retried\n`);
        return EXIT_FAILURE;
      }
      io.stdout(json ? `${JSON.stringify({ id, retried: true })}\n` : `job ${id} queued again\n`);
      return EXIT_OK;
    }
    const jobs = await engine.list({
      shop: shop!,
      ...(args.includes("--failed") ? { status: "FAILED" as const } : {}),
      limit,
    });
    if (json) {
      io.stdout(`${JSON.stringify({ shop, counts: await engine.counts(shop!), jobs }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (jobs.length === 0) {
      io.stdout(`no jobs for ${shop}\n`);
      return EXIT_OK;
    }
    for (const job of jobs) {
      io.stdout(
        `${job.id}  ${job.kind.padEnd(24)} ${job.status.padEnd(9)} attempt ${job.attempts}/${job.maxAttempts}  ` +
          `${when(job.finishedAt ?? job.runAt)}${progressText(job)}\n`,
      );
      if (job.error) io.stdout(`    ${job.status === "DROPPED" ? "dropped" : "error"}: ${job.error}\n`);
    }
    return EXIT_OK;
  },
};
