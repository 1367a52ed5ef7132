import { option, when } from "./args";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from "./types";

const USAGE = [
  "tailroute handoffs --shop <shop.myshopify.com> [--json]",
  "tailroute handoffs enable --shop <shop.myshopify.com> --warehouse <key> --url <https://warehouse.example/hook>",
].join("\n       ");

/**
 * `tailroute handoffs`: the orders a shop handed to warehouses without a Shopify app (docs/handoff.md) — state,
 * delivery attempts and the tracking that came back; `handoffs enable` turns the handoff on for a warehouse.
 */
export const handoffsCommand: CliCommand = {
  name: "handoffs",
  summary: "Show a shop's warehouse handoffs (state, attempts, tracking back); `enable` turns one on",
  usage: USAGE,
  async run(args, io) {
    const shop = option(args, "--shop");
    if (!shop) {
      io.stderr(`--shop <shop.myshopify.com> is required\nusage: ${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    if (args[0] === "enable") {
      const warehouseKey = option(args, "--warehouse");
      const url = option(args, "--url");
      if (!warehouseKey || !url) {
        io.stderr(`--warehouse <key> and --url <endpoint> are required\nusage: ${USAGE}\n`);
        return EXIT_BAD_INPUT;
      }
      const { offlineAdminClient } = await import("../../services/admin/admin-graphql.server");
      const { appEnv } = await import("../../config/env.server");
      const { enableHandoff } = await import("../../services/handoff/enable-handoff.server");
      const client = await offlineAdminClient(db, shop);
      if (!client) {
        io.stderr(`${shop} has no offline Admin access (is the app installed?)\n`);
        return EXIT_FAILURE;
      }
      const result = await enableHandoff(db, client, shop, { warehouseKey, url, appUrl: appEnv().appUrl });
      if (!result.ok) {
        io.stderr(`${result.error}\n`);
        return EXIT_BAD_INPUT;
      }
      io.stdout(
        `handoff enabled for ${warehouseKey}: fulfillment service ${result.fulfillmentServiceId}, ` +
          `location ${result.locationId}\n` +
          `signing secret (shown once; give it to the warehouse): ${result.secret}\n`,
      );
      return EXIT_OK;
    }
    const { listHandoffs } = await import("../../services/handoff/handoff-list.server");
    const handoffs = await listHandoffs(db, shop);
    if (args.includes("--json")) {
      io.stdout(`${JSON.stringify({ shop, handoffs }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (handoffs.length === 0) {
      io.stdout(`no handoffs for ${shop}\n`);
      return EXIT_OK;
    }
    for (const h of handoffs) {
      const tracking = h.tracking
        ? `${h.tracking.company ?? ""} ${h.tracking.number}`.trim()
        : "no tracking yet";
      io.stdout(
        `${(h.orderName ?? h.orderId).padEnd(10)} ${h.warehouse.padEnd(14)} ${h.state.padEnd(10)} ` +
          `${String(h.attempts).padStart(2)} attempt(s)  ${tracking}  since ${when(new Date(h.createdAt))}` +
          `${h.lastError ? `\n           last error: ${h.lastError}` : ""}\n`,
      );
    }
    return EXIT_OK;
  },
};
