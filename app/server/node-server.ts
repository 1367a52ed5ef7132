// The app's HTTP server (npm start, npm run demo, tests): express serving the Remix build, with Shopify's
// CarrierService callback answered before Remix's request pipeline because checkout latency matters most
// there (docs/performance.md). Every other path is the Remix app as usual.
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildLocation } from "./build-location.mjs";
import { carrierCallbackToken } from "./carrier-callback-path";

/** `/proxy/promise` with or without a query string (the app proxy's forward; app/routes/proxy.promise.tsx). */
const isPromisePath = (url: string) => url === "/proxy/promise" || url.startsWith("/proxy/promise?");
import { drainBodyLeftUnread } from "./drain-unread-body";

interface TailrouteBuild extends ServerBuild {
  entry: ServerBuild["entry"] & {
    module: ServerBuild["entry"]["module"] & {
      answerCarrierFromNode: (
        req: IncomingMessage,
        res: ServerResponse,
        token: string | null,
        onError: (error: unknown) => void,
      ) => void;
      answerPromiseFromNode: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
      startJobRunnerOnStartup: () => Promise<() => Promise<void>>;
    };
  };
}

const { serverBuildPath, assetsBuildDirectory } = buildLocation();
const BUILD_PATH = resolve(process.env.REMIX_BUILD_PATH ?? serverBuildPath);

async function main() {
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as TailrouteBuild;
  const answerCarrier = build.entry.module.answerCarrierFromNode;
  const answerPromise = build.entry.module.answerPromiseFromNode;
  const app = express();
  app.disable("x-powered-by");

  app.use("/build", express.static(assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: build.mode }));

  // The callback is matched on the raw request, ahead of express's router: the checkout's hot path. It reads
  // the whole body itself and discards an oversized one (app/services/carrier-service/node-handler.server.ts).
  const server = createServer((req, res) => {
    const token = req.method === "POST" ? carrierCallbackToken(req.url ?? "") : undefined;
    if (token === undefined) drainBodyLeftUnread(req, res);
    if (req.method === "GET" && isPromisePath(req.url ?? "")) {
      // The product page's promise, asked on every page view: also ahead of Remix (same route, same answer).
      return void answerPromise(req, res).catch((error: unknown) => {
        console.error("[storefront-promise] request failed:", error instanceof Error ? error.message : error);
        if (!res.headersSent) res.writeHead(503, { "Retry-After": "5", "Cache-Control": "no-store" }).end();
      });
    }
    if (token === undefined) return app(req, res);
    answerCarrier(req, res, token, (error: unknown) => {
      // Without the shop's configuration there are no fallback rates to give: let Shopify show its backup rates.
      console.error(
        "[carrier-callback] unanswerable request:",
        error instanceof Error ? error.message : error,
      );
      if (!res.headersSent) res.writeHead(503, { "Retry-After": "0" }).end();
    });
  });

  // Idle keep-alive connections stay open longer than a load balancer's or a client pool's idle timeout (AWS ALB:
  // 60 s), so the server never closes a socket just as a client reuses it (the client would see ECONNRESET;
  // Node's default is 5 s). headersTimeout must exceed keepAliveTimeout (Node's http docs).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  server.listen(port, host, () => {
    // scripts/lib/app-server.ts waits for this line: it tells the app's own bind from another server's port.
    console.log(`[tailroute] listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
    if (process.env.NODE_ENV === "development") void broadcastDevReady(build);
    // The one job runner (docs/jobs.md): routing actions, tracking pushes, the recurring reconcile passes.
    const jobs = build.entry.module.startJobRunnerOnStartup();
    jobs.catch((error: unknown) =>
      console.error("[jobs] the runner did not start:", error instanceof Error ? error.message : error),
    );
    // SIGTERM (deploys, Ctrl-C): stop taking requests and jobs; running jobs finish or are released, then exit.
    const shutdown = () => {
      server.close();
      void jobs
        .then((stop) => stop())
        .catch(() => undefined)
        .finally(() => process.exit(0));
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
