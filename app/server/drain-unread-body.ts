import type { IncomingMessage, ServerResponse } from "node:http";

/** The most an answer leaves unread that the server still reads and discards to keep the connection usable. */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * A route may answer before reading the request body (a 400 for a bad `shop` parameter, a 401 before parsing).
 * Closing the connection then would reset it while the client is still sending, and the client would see a
 * write error (EPIPE) instead of the answer. So the server keeps the connection, reads what is left of the body
 * and discards it, as Node does for a request nobody read; only a body that keeps coming past
 * DRAIN_LIMIT_BYTES or DRAIN_TIMEOUT_MS has its connection destroyed.
 */
export function drainBodyLeftUnread(req: IncomingMessage, res: ServerResponse) {
  res.once("finish", () => {
    if (req.complete || req.destroyed) return;
    // Remix's request stream listens for data and buffers it; nobody will read it now.
    req.removeAllListeners("data");
    let drained = 0;
    const giveUp = setTimeout(() => req.socket.destroy(), DRAIN_TIMEOUT_MS);
    giveUp.unref();
    req.on("data", (chunk: Buffer) => {
      drained += chunk.byteLength;
      if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
    });
    req.once("end", () => clearTimeout(giveUp));
    req.once("close", () => clearTimeout(giveUp));
    req.resume();
  });
}
