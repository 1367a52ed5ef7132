import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from "./types";
import { formatMoney } from "../../format";

/** The operator view of tracking: shipments, their status and promise, plus the maintenance pass on demand. */
export const shipmentsCommand: CliCommand = {
  name: "shipments",
  summary:
    "List a shop's shipments (status, last event, promised window, late / at-risk); --check runs hold expiry and pushes",
  usage:
    "tailroute shipments --shop <shop.myshopify.com> [--json] [--timeline] [--check] [--now <ISO time>] [--sources <app URL>]",
  async run(args, io) {
    const value = (flag: string) => {
      const i = args.indexOf(flag);
      return i >= 0 ? args[i + 1] : undefined;
    };
    const shop = value("--shop");
    if (!shop || shop.startsWith("--")) {
      io.stderr("--shop <shop.myshopify.com> is required\n");
      return EXIT_BAD_INPUT;
    }
    const nowText = value("--now");
    const now = nowText ? new Date(nowText) : new Date();
    if (Number.isNaN(now.getTime())) {
      io.stderr("--now needs an ISO 8601 time, e.g. 2026-11-30T12:00:00Z\n");
      return EXIT_BAD_INPUT;
    }
    const json = args.includes("--json");
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    try {
      const out: Record<string, unknown> = { shop };
      const appUrl = value("--sources");
      if (args.includes("--sources")) {
        if (!appUrl || appUrl.startsWith("--")) {
          io.stderr("--sources needs the app's public URL, e.g. https://tailroute.example.com\n");
          return EXIT_BAD_INPUT;
        }
        const { ensureTrackingSources, trackingEndpoints } =
          await import("../../services/tracking/sources.server");
        out.sources = trackingEndpoints(appUrl, shop, await ensureTrackingSources(db, shop));
      }
      if (args.includes("--check")) {
        const { reconcileTracking } = await import("../../services/tracking/reconciler.server");
        out.check = await reconcileTracking(db, { shop, now: () => now });
      }
      const { listShipments } = await import("../../services/tracking/shipment-list.server");
      const rows = await listShipments(db, shop, now);
      out.shipments = rows;
      if (json) {
        io.stdout(JSON.stringify(out, null, 2) + "\n");
        return EXIT_OK;
      }
      if (out.sources) io.stdout(`Tracking endpoints:\n${JSON.stringify(out.sources, null, 2)}\n`);
      if (out.check) {
        const check = out.check as {
          holds: { expired: unknown[]; reminders: unknown[] };
          pushes: { result: string }[];
        };
        io.stdout(
          `Check: ${check.holds.expired.length} hold(s) expired, ${check.holds.reminders.length} reminder(s) due, ` +
            `${check.pushes.filter((p) => p.result === "APPLIED").length} Shopify write(s) pushed\n`,
        );
      }
      if (rows.length === 0) io.stdout(`No shipments for ${shop}.\n`);
      for (const r of rows) {
        const window = r.promisedWindow ? `${r.promisedWindow.min}…${r.promisedWindow.max}` : "—";
        const last = r.lastEvent
          ? `${r.lastEvent.at.slice(0, 16).replace("T", " ")} ${r.lastEvent.description ?? ""}`
          : "—";
        io.stdout(
          `${r.trackingNumber}  ${r.carrier}  ${r.status}  ${r.orderName ?? r.orderId ?? "(no order yet)"}  ` +
            `promised ${window}  last: ${last}${r.flag ? `  [${r.flag.toUpperCase()}]` : ""}\n`,
        );
        if (r.hold)
          io.stdout(
            `  hold: ${r.hold.network} until ${r.hold.expiresAt?.slice(0, 16).replace("T", " ") ?? "—"}` +
              `${r.hold.returningToOrigin ? ` — returning to origin, reverse cost ${formatMoney(r.hold.reverseCostCents ?? 0)}` : ""}\n`,
          );
        if (r.attention) io.stdout(`  attention: ${r.attention}\n`);
        if (r.pendingShopifyWrites) io.stdout(`  ${r.pendingShopifyWrites} Shopify write(s) pending\n`);
        if (args.includes("--timeline"))
          for (const e of r.timeline)
            io.stdout(
              `    ${e.occurredAt.slice(0, 16).replace("T", " ")}  ${e.status.padEnd(21)} ${e.applied ? (e.appliedAs !== e.status ? `(as ${e.appliedAs}) ` : "") : "(kept) "}${e.description ?? e.rawCode}\n`,
            );
      }
      return EXIT_OK;
    } finally {
      await db.$disconnect();
    }
  },
};
