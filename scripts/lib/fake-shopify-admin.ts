import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface GraphqlCall {
  path: string;
  accessToken: string | undefined;
  query: string;
  variables: Record<string, unknown>;
}

type Resolver = (call: GraphqlCall) => unknown;

/** A whole HTTP answer, for what a resolver's `{ data }` cannot express: 429/5xx, top-level errors, extensions. */
export interface RawAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}
type RawResolver = (call: GraphqlCall) => RawAnswer | undefined;

/**
 * A local stand-in for the Shopify Admin GraphQL API (`POST /admin/api/{version}/graphql.json`). Each
 * resolver is matched by the root field named in the query and returns the documented response shape
 * (`{ data: … }`); every call is recorded for assertions.
 */
export class FakeShopifyAdmin {
  readonly calls: GraphqlCall[] = [];
  private readonly resolvers = new Map<string, Resolver>();
  private readonly rawResolvers = new Map<string, RawResolver>();
  private server: Server | undefined;
  url = "";

  on(rootField: string, resolver: Resolver): this {
    this.resolvers.set(rootField, resolver);
    return this;
  }

  /**
   * Answers calls to `rootField` with a raw HTTP response (e.g. a 429 with throttle extensions) while
   * `resolver` returns one; returning undefined falls through to the `on` resolver.
   */
  onRaw(rootField: string, resolver: RawResolver): this {
    this.rawResolvers.set(rootField, resolver);
    return this;
  }

  /** Forgets every resolver and recorded call. */
  reset(): this {
    this.calls.length = 0;
    this.resolvers.clear();
    this.rawResolvers.clear();
    return this;
  }

  callsTo(rootField: string): GraphqlCall[] {
    return this.calls.filter((c) => rootFieldOf(c.query) === rootField);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        let parsed: { query: string; variables?: Record<string, unknown> };
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          // A cut or empty body (a client that gave up mid-request) is the client's error, as at Shopify: a 400,
          // never an exception that takes the test run down.
          res.writeHead(400, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ errors: [{ message: "Bad Request: the request body is not JSON" }] }));
          return;
        }
        const { query, variables } = parsed;
        const call: GraphqlCall = {
          path: req.url ?? "",
          accessToken: req.headers["x-shopify-access-token"] as string | undefined,
          query,
          variables: variables ?? {},
        };
        this.calls.push(call);
        res.setHeader("Content-Type", "application/json");
        const raw = this.rawResolvers.get(rootFieldOf(query))?.(call);
        if (raw) {
          res.writeHead(raw.status ?? 200, raw.headers ?? {});
          res.end(JSON.stringify(raw.body));
          return;
        }
        const resolver = this.resolvers.get(rootFieldOf(query));
        if (!resolver) {
          res.end(
            JSON.stringify({
              errors: [{ message: `Fake Admin API has no resolver for ${rootFieldOf(query)}` }],
            }),
          );
          return;
        }
        res.end(JSON.stringify({ data: resolver(call) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The first field selected by the operation, e.g. `carrierServiceCreate`. */
function rootFieldOf(query: string): string {
  const body = query.slice(query.indexOf("{") + 1);
  return body.match(/^\s*(\w+)/)?.[1] ?? "";
}
