import type { PrismaClient } from "@prisma/client";
import type { PickList } from "../../contracts/warehouse-handoff";
import { option, when } from "./args";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from "./types";

const USAGE = [
  "tailroute handoffs --shop <shop.myshopify.com> [--json]",
  "tailroute handoffs --shop <shop.myshopify.com> --pick-list <YYYY-MM-DD> [--warehouse <key>] [--json]",
  "tailroute handoffs enable --shop <shop.myshopify.com> --warehouse <key> --url <https://warehouse.example/hook>",
  "tailroute handoffs enable --shop <shop.myshopify.com> --warehouse <key> --pick-list",
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
      const method = args.includes("--pick-list") ? "PICK_LIST" : "WEBHOOK";
      if (!warehouseKey || (!url && method === "WEBHOOK")) {
        io.stderr(`--warehouse <key> and --url <endpoint> (or --pick-list) are required\nusage: ${USAGE}\n`);
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
      const result = await enableHandoff(db, client, shop, {
        warehouseKey,
        ...(url ? { url } : {}),
        method,
        appUrl: appEnv().appUrl,
      });
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
    if (args.includes("--pick-list")) return printPickLists(db, shop, args, io);
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
          `${h.lastError ? `\n           last error: ${h.lastError}` : ""}` +
          `${h.closed ? `\n           ${closedLine(h.closed)}` : ""}\n`,
      );
    }
    return EXIT_OK;
  },
};

/** "given back by the warehouse: <reason>; closed in Shopify <when>" (or "not closed in Shopify yet"). */
function closedLine(closed: { reason: string | null; closedInShopifyAt: string | null }): string {
  const shopify = closed.closedInShopifyAt
    ? `closed in Shopify ${when(new Date(closed.closedInShopifyAt))}`
    : "not closed in Shopify yet";
  return `given back by the warehouse: ${closed.reason ?? "no reason given"}; ${shopify}`;
}

/** `--pick-list <day>`: each handed-off warehouse's pick list (or `--warehouse`'s), as text or the JSON documents. */
async function printPickLists(
  db: PrismaClient,
  shop: string,
  args: string[],
  io: Parameters<CliCommand["run"]>[1],
): Promise<number> {
  const day = option(args, "--pick-list");
  const { warehousePickList, handedOffWarehouseKeys, isShipDate } =
    await import("../../services/handoff/pick-list.server");
  if (!day || !isShipDate(day)) {
    io.stderr(`--pick-list takes a date, YYYY-MM-DD\nusage: ${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const only = option(args, "--warehouse");
  if (only === null) {
    io.stderr(`--warehouse takes a warehouse key\nusage: ${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const keys = only ? [only] : await handedOffWarehouseKeys(db, shop);
  const lists: PickList[] = [];
  for (const key of keys) {
    const answer = await warehousePickList(db, shop, { key }, day);
    if (!answer.ok) {
      io.stderr(`${key}: ${answer.error}\n`);
      return EXIT_BAD_INPUT;
    }
    lists.push(answer.list);
  }
  if (args.includes("--json")) {
    io.stdout(`${JSON.stringify({ shop, shipDate: day, pickLists: lists }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (lists.length === 0) io.stdout(`no handed-off warehouses for ${shop}\n`);
  const { packagesText, pickupPointText } = await import("../../services/handoff/pick-list-csv");
  for (const list of lists) {
    io.stdout(
      `${list.warehouse.key} (${list.warehouse.name}) · ships ${list.shipDate} · ${list.orders.length} order(s)\n`,
    );
    for (const o of list.orders) {
      const r = o.routing;
      const service = r
        ? [r.serviceCode, r.mode, r.carrier, r.service, r.freightLevel].filter(Boolean).join(" · ")
        : "no decision";
      const window = r?.promisedWindow ? ` · promised ${r.promisedWindow.min} – ${r.promisedWindow.max}` : "";
      const carried = o.carriedOverFrom ? ` · carried over from ${o.carriedOverFrom}` : "";
      io.stdout(
        `  ${(o.order.name ?? o.order.id).padEnd(10)} ${o.state.padEnd(10)} ${service}${window}${carried}\n`,
      );
      for (const line of o.fulfillmentOrder.lineItems)
        io.stdout(
          `      ${String(line.quantity).padStart(3)} × ${(line.sku ?? "(no SKU)").padEnd(14)} ${line.title}\n`,
        );
      const packages = packagesText(r?.packages ?? []);
      if (packages) io.stdout(`      packages: ${packages}\n`);
      const pickup = pickupPointText(r?.pickupPoint);
      if (pickup) io.stdout(`      pickup point: ${pickup}\n`);
      const to = o.shipTo;
      io.stdout(
        `      to: ${[
          to.name,
          to.company,
          to.address1,
          to.address2,
          to.city,
          to.province,
          to.zip,
          to.countryCode,
        ]
          .filter(Boolean)
          .join(", ")}\n`,
      );
    }
  }
  return EXIT_OK;
}
