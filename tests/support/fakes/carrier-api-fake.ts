import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// What the EasyPost and Shippo fakes share: a real node:http server on 127.0.0.1 that the official SDKs talk to,
// a per-test behaviour (latency, an HTTP error, no answer at all, a partial rate list) and a log of requests.

/** How the fake answers the next requests. */
export interface FakeBehaviour {
  /** Milliseconds before each answer (0 = at once). */
  latencyMs: number;
  /**
   * OK = documented success; an HTTP status = that provider's documented error body with it; NO_ANSWER = the
   * request is read and never answered (the socket stays open until the client gives up or the fake closes).
   */
  answer: "OK" | "NO_ANSWER" | 401 | 422 | 429 | 500;
  /** Only the first carrier account rates; the others come back as carrier messages (a partial rate list). */
  partialRates: boolean;
}

export const DEFAULT_BEHAVIOUR: FakeBehaviour = { latencyMs: 0, answer: "OK", partialRates: false };

/** One service a fake carrier account quotes: price = base + per started pound of the shipment's weight. */
export interface FakeRateRow {
  carrierAccountId: string;
  carrier: string;
  service: string;
  serviceName: string;
  baseCents: number;
  centsPerLb: number;
  deliveryDays: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export type Route = (request: RecordedRequest) => { status: number; body: unknown } | null;

/** A started fake: its URL, behaviour (mutable per test), requests seen, and close(). */
export class CarrierApiFake {
  behaviour: FakeBehaviour = { ...DEFAULT_BEHAVIOUR };
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;
  url = "";

  constructor(
    private readonly route: (
      fake: CarrierApiFake,
      request: RecordedRequest,
    ) => { status: number; body: unknown },
  ) {}

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Back to documented success at once; the request log is kept unless `clearLog`. */
  reset(clearLog = true) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR };
    if (clearLog) this.requests.length = 0;
  }

  async close() {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      authorization: req.headers.authorization,
      body,
    };
    this.requests.push(request);
    const { latencyMs, answer } = this.behaviour;
    if (answer === "NO_ANSWER") return; // never answered: the client's deadline must end the wait
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (res.destroyed) return;
    const { status, body: out } = this.route(this, request);
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(out));
  }
}

/** Σ parcel ounces → started pounds, the fake's rating basis. */
export const startedPounds = (ounces: number[]) =>
  Math.max(1, Math.ceil(ounces.reduce((a, b) => a + b, 0) / 16));

export const centsToDecimal = (cents: number) => (cents / 100).toFixed(2);
