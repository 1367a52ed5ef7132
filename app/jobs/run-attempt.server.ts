import type { PrismaClient } from "@prisma/client";
import type { JobContext, JobKind, JobOutcome, JobProgress } from "./types";

export interface AttemptInput {
  id: string;
  kind: JobKind<never>;
  shop: string;
  payload: unknown;
  attempt: number;
  progress(progress: JobProgress): Promise<void>;
  /** Aborted by the runner's shutdown. */
  shutdown: AbortSignal;
}

export class JobTimeoutError extends Error {
  constructor(ms: number) {
    super(`attempt timed out after ${ms} ms`);
    this.name = "JobTimeoutError";
  }
}

/**
 * One attempt, the same on both engines: a job for a shop that has uninstalled is dropped with that reason (its
 * Admin access is gone); otherwise the handler runs under the kind's time limit (its signal is aborted then, and
 * the attempt fails with a timeout error).
 */
export async function runAttempt(db: PrismaClient, input: AttemptInput): Promise<JobOutcome> {
  if (input.shop) {
    const installed = await db.shop.findFirst({
      where: { shop: input.shop, uninstalledAt: null },
      select: { id: true },
    });
    if (!installed) return { drop: "shop uninstalled" };
  }
  const controller = new AbortController();
  const onShutdown = () => controller.abort(new Error("runner shutting down"));
  input.shutdown.addEventListener("abort", onShutdown);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeoutError(input.kind.timeoutMs);
      controller.abort(error);
      reject(error);
    }, input.kind.timeoutMs);
  });
  const context: JobContext = {
    id: input.id,
    kind: input.kind.kind,
    shop: input.shop,
    attempt: input.attempt,
    signal: controller.signal,
    progress: input.progress,
  };
  try {
    return await Promise.race([input.kind.handler(input.payload as never, context), timeout]);
  } finally {
    clearTimeout(timer);
    input.shutdown.removeEventListener("abort", onShutdown);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
