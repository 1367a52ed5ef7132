import { option, when as at } from "./args";
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from "./types";

const when = (d: Date | null) => at(d, "never");

/** `tailroute stock`: a shop's synced stock per warehouse and its last full sync (docs/warehouses.md). */
export const stockCommand: CliCommand = {
  name: "stock",
  summary: "Show a shop's synced stock per warehouse and its last full sync; --sync asks for a new one",
  usage: "tailroute stock --shop <shop.myshopify.com> [--json] [--sync]",
  async run(args, io) {
    const shop = option(args, "--shop");
    if (shop === undefined || shop === null) {
      io.stderr("--shop <shop.myshopify.com> is required\n");
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    const { stockSummary } = await import("../../services/warehouses/stock-summary.server");
    let queued: string | null = null;
    if (args.includes("--sync")) {
      const { enqueueStockFullSync } = await import("../../jobs/kinds/stock-full-sync.server");
      queued = await enqueueStockFullSync(db, shop, {
        reason: "cli",
        key: `cli:${new Date().toISOString()}`,
      });
    }
    const summary = await stockSummary(db, shop);
    if (args.includes("--json")) {
      io.stdout(`${JSON.stringify({ ...summary, ...(queued ? { queuedSyncJob: queued } : {}) }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (summary.warehouses.length === 0) {
      io.stdout(`no warehouses for ${shop}\n`);
      return EXIT_OK;
    }
    for (const w of summary.warehouses) {
      const where = w.locationId
        ? w.locationId.replace("gid://shopify/Location/", "location ")
        : "no location linked";
      io.stdout(
        `${w.warehouse.padEnd(16)} ${where.padEnd(20)} ${String(w.variants).padStart(6)} variants ` +
          `${String(w.units).padStart(8)} units` +
          (w.untrackedVariants ? `  ${w.untrackedVariants} untracked` : "") +
          (w.unmappedItems ? `  ${w.unmappedItems} awaiting sync` : "") +
          `  updated ${when(w.lastUpdate)}\n`,
      );
    }
    const s = summary.lastSync;
    io.stdout(
      s
        ? `last sync: ${s.state} ${s.levels} levels, started ${when(s.startedAt)}, finished ${when(s.finishedAt)}` +
            `${s.error ? ` — ${s.error}` : ""}\n`
        : "last sync: never (run `tailroute stock --shop <shop> --sync`)\n",
    );
    if (queued) io.stdout(`full sync queued (job ${queued}); the app's job runner performs it\n`);
    return EXIT_OK;
  },
};
