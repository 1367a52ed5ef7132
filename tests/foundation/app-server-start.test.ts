import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  freePort,
  freshSqliteDatabase,
  PortTakenError,
  startAppServer,
  startAppServerOnFreePort,
  type RunningApp,
} from "../../scripts/lib/app-server";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/global-setup";

// The suites start app servers side by side with fake Shopify, carrier and warehouse servers. A fake that takes
// an app's port after the free-port check must never pass for the app: the app's requests would reach the fake
// (a CI run once sent a checkout and a webhook to a fake warehouse, failing two unrelated suites).

const dir = mkdtempSync(join(tmpdir(), "tailroute-app-start-"));
const databaseUrl = freshSqliteDatabase(join(dir, "app.sqlite"));
const env = {
  DATABASE_URL: databaseUrl,
  TAILROUTE_DEMO: "0",
  SHOPIFY_API_KEY: TEST_API_KEY,
  SHOPIFY_API_SECRET: TEST_API_SECRET,
  SHOPIFY_APP_URL: "https://tailroute.example.com",
};
const started: RunningApp[] = [];
const others: Server[] = [];

/** Another process's server on `port` that answers 200 to everything, /healthz included. */
function otherServerOn(port: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200).end("not the app"));
  others.push(server);
  return new Promise((resolve, reject) => {
    server.once("listening", () => resolve(server));
    server.once("error", reject);
    server.listen(port, "127.0.0.1");
  });
}

/** Takes `port` as soon as nothing holds it (the start's free-port probe holds it for a moment). */
async function takePortWhenFree(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await otherServerOn(port);
      return;
    } catch {
      others.pop();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  throw new Error(`port ${port} never came free`);
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((app) => app.stop()));
  await Promise.all(others.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("starting an app server", () => {
  it("fails with PortTakenError when another server takes its port first, though that server answers /healthz", async () => {
    // GIVEN a start on a free port
    const port = await freePort();
    const starting = startAppServer({ port, env, timeoutMs: 60_000 });
    starting.then((app) => started.push(app)).catch(() => undefined);
    // WHEN another server binds the port before the app does
    await takePortWhenFree(port);
    // THEN the start fails, saying why, instead of resolving with the other server's URL
    const failure = await starting.then(
      (app) => `resolved with ${app.url}`,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PortTakenError);
    expect((failure as Error).message).toMatch(/EADDRINUSE/);
  });

  it("on a free port tries another port when one is taken, three times at most", async () => {
    // GIVEN ports that are all held by another server
    const taken = [await freePort(), await freePort(), await freePort()];
    for (const port of taken) await otherServerOn(port);
    const tried: number[] = [];
    // WHEN the app is started on a free port, and each port offered turns out taken
    const failure = await startAppServerOnFreePort(
      (port) => ({ env: { ...env, SHOPIFY_APP_URL: `http://127.0.0.1:${port}` }, timeoutMs: 60_000 }),
      async () => {
        const port = taken[tried.length]!;
        tried.push(port);
        return port;
      },
    ).then(
      (app) => (started.push(app), `started at ${app.url}`),
      (error: unknown) => error,
    );
    // THEN it tried each of the three ports in turn, then gave up saying the port is taken
    expect(tried).toEqual(taken);
    expect(failure).toBeInstanceOf(PortTakenError);
  });
});
