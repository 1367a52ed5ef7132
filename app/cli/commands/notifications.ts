import { option } from "./args";
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from "./types";

const USAGE =
  "tailroute notifications --shop <shop.myshopify.com> [--json] [--channel FLOW|EMAIL] [--limit <n>]";

/**
 * `tailroute notifications`: what a shop's buyers were sent or what Flow triggers fired (docs/notifications.md) —
 * kind, order, channel, time and result, newest first. No buyer address: the app never stores one.
 */
export const notificationsCommand: CliCommand = {
  name: "notifications",
  summary: "List the buyer notifications a shop sent or fired (kind, order, channel, time, result)",
  usage: USAGE,
  async run(args, io) {
    const shop = option(args, "--shop");
    const channel = option(args, "--channel");
    const limitArg = option(args, "--limit");
    const limit = limitArg === undefined ? 100 : Number(limitArg);
    if (!shop) {
      io.stderr(`--shop <shop.myshopify.com> is required\nusage: ${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    if (channel !== undefined && channel !== "FLOW" && channel !== "EMAIL") {
      io.stderr(`--channel is FLOW or EMAIL\nusage: ${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    if (!Number.isInteger(limit) || limit <= 0) {
      io.stderr("--limit needs a positive whole number\n");
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    const { listNotifications } = await import("../../services/notifications/notification-log.server");
    const rows = await listNotifications(db, shop, { limit, ...(channel ? { channel } : {}) });
    if (args.includes("--json")) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT_OK;
    }
    if (rows.length === 0) {
      io.stdout(`no notifications for ${shop}\n`);
      return EXIT_OK;
    }
    const lines = rows.map((r) =>
      [
        (r.sentAt ?? r.createdAt).replace("T", " ").slice(0, 19),
        r.kind.padEnd(26),
        (r.orderName ?? r.orderId ?? "—").padEnd(8),
        (r.channel === "FLOW" ? "flow" : "email").padEnd(5),
        r.status.padEnd(7),
        r.detail ?? "",
      ].join("  "),
    );
    io.stdout(
      `${["time (UTC)         ", "kind".padEnd(26), "order   ", "chan.", "result ", "detail"].join("  ")}\n${lines.join("\n")}\n`,
    );
    return EXIT_OK;
  },
};
