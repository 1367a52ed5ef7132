// An answer given before the body was read (a bad shop parameter, an oversized body) must reach the client and
// leave its connection usable: the server discards the rest of the body (app/server/drain-unread-body.ts)
// instead of resetting the connection under an upload still in progress, which clients report as EPIPE.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { appDatabase } from "../support/app-database";

const db = appDatabase();
const shop = "unread-body.myshopify.com";
let token = "";

beforeAll(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
  token = (await db.shop.findUniqueOrThrow({ where: { shop } })).callbackToken;
});
afterAll(() => db.$disconnect());

// A status line follows the previous answer's last byte: with a Content-Length body that is not a line start.
const STATUS_LINE = /HTTP\/1\.1 \d{3}(?= )/g;

/** Collects what the server sends on a raw socket, and tells when `count` HTTP answers have arrived. */
function answers(socket: Socket) {
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  return {
    text: () => received,
    statusLines: () => received.match(STATUS_LINE) ?? [],
    async waitFor(count: number) {
      await expect.poll(() => (received.match(STATUS_LINE) ?? []).length).toBe(count);
    },
  };
}

/**
 * Sends a POST whose body is `bodyBytes` long in two halves: the first half, then (after the answer arrived)
 * the second half, then a GET /healthz on the same connection.
 */
async function uploadAfterTheAnswer(path: string, bodyBytes: number) {
  const app = new URL(inject("appUrl"));
  const socket = connect(Number(app.port), app.hostname);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  const closed = new Promise<string>((resolve) => {
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.once("close", () => resolve("closed"));
  });
  const seen = answers(socket);
  const half = Buffer.alloc(Math.floor(bodyBytes / 2), "a");
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${app.host}\r\nUser-Agent: Mozilla/5.0 Chrome/120\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${bodyBytes}\r\n\r\n`,
  );
  socket.write(half);
  await seen.waitFor(1);
  const rest = Buffer.alloc(bodyBytes - half.length, "a");
  const wrote = await new Promise<string>((resolve) =>
    socket.write(rest, (error) => resolve(error ? ((error as NodeJS.ErrnoException).code ?? "error") : "ok")),
  );
  socket.write(`GET /healthz HTTP/1.1\r\nHost: ${app.host}\r\nUser-Agent: Mozilla/5.0 Chrome/120\r\n\r\n`);
  const second = await Promise.race([
    seen.waitFor(2).then(() => "answered"),
    closed.then((how) => `connection ${how}`),
  ]);
  socket.destroy();
  return { first: seen.statusLines()[0], wrote, second, text: seen.text() };
}

describe("an answer that leaves the request body unread", () => {
  it("reaches the client, and the rest of the upload and the next request on the connection go through", async () => {
    // GIVEN a tracking webhook whose shop parameter is invalid, answered before its 1.1 MB body is read
    const result = await uploadAfterTheAnswer("/api/tracking/easypost?shop=not%20a%20domain", 1_100_000);
    // THEN the client read the 400, finished its upload, and the connection answered a second request
    expect(result.first).toBe("HTTP/1.1 400");
    expect(result.wrote).toBe("ok");
    expect(result.second).toBe("answered");
    expect(result.text).toMatch(/HTTP\/1\.1 200[\s\S]*ok/);
  });

  it("answers a CarrierService callback over 1 MB with 413 and keeps the connection usable", async () => {
    // GIVEN a callback for a configured shop whose body declares 1.2 MB
    const result = await uploadAfterTheAnswer(`/api/carrier-service/${token}`, 1_200_000);
    // THEN 413, and the connection still serves the next request
    expect(result.first).toBe("HTTP/1.1 413");
    expect(result.wrote).toBe("ok");
    expect(result.second).toBe("answered");
  });
});
