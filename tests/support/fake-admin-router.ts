// One Admin API address for the shared app server (global-setup.ts) in front of the suites' own fakes
// (scripts/lib/fake-shopify-admin.ts): a suite registers its shop's offline access token with its fake's address
// (routeAdminCalls in test-app.ts), and every Admin call the server makes with that token goes to that fake. A call
// with a token nobody registered has its connection closed, as an unreachable host would: before the router, the
// shared server's Admin calls went to https://<shop>, which no test machine reaches.
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** Where a suite registers `{ accessToken, url }` with a POST. */
export const ADMIN_ROUTES_PATH = "/__tailroute/admin-routes";

export interface FakeAdminRouter {
  url: string;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A registration's body, or null when it is not JSON `{ accessToken, url }` with a URL. */
function parseRoute(text: string): { accessToken: string; url: string } | null {
  try {
    const { accessToken, url } = JSON.parse(text) as { accessToken?: unknown; url?: unknown };
    return typeof accessToken === "string" && typeof url === "string" && URL.canParse(url)
      ? { accessToken, url }
      : null;
  } catch {
    return null;
  }
}

export async function startFakeAdminRouter(): Promise<FakeAdminRouter> {
  const routes = new Map<string, string>();
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === ADMIN_ROUTES_PATH) {
      void readBody(req).then((text) => {
        const route = parseRoute(text);
        if (!route) return res.writeHead(400).end("expected JSON { accessToken, url }");
        routes.set(route.accessToken, route.url);
        res.writeHead(204).end();
      });
      return;
    }
    const token = req.headers["x-shopify-access-token"];
    const target = typeof token === "string" ? routes.get(token) : undefined;
    if (!target) {
      req.socket.destroy();
      return;
    }
    const upstream = request(
      new URL(req.url ?? "/", target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
