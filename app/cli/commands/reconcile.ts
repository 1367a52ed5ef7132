import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from "./types";

/** Completes routing work a crash or an unavailable Shopify left pending (the start-up reconciler, on demand). */
export const reconcileCommand: CliCommand = {
  name: "reconcile",
  summary: "Apply pending order routing actions (and decide orders still waiting for Shopify's data)",
  usage: "tailroute reconcile [--shop <shop.myshopify.com>] [--json]",
  async run(args, io) {
    const json = args.includes("--json");
    const shopIndex = args.indexOf("--shop");
    const shop = shopIndex >= 0 ? args[shopIndex + 1] : undefined;
    if (shopIndex >= 0 && (!shop || shop.startsWith("--"))) {
      io.stderr("--shop needs a shop domain\n");
      return EXIT_BAD_INPUT;
    }
    const { default: db } = await import("../../db.server");
    const { reconcileDecisions } = await import("../../services/order-routing/reconciler.server");
    try {
      const report = await reconcileDecisions(db, shop ? { shop } : {});
      if (json) io.stdout(JSON.stringify(report, null, 2) + "\n");
      else {
        io.stdout(`Examined ${report.examined} open decision(s).\n`);
        for (const r of report.results) io.stdout(`${r.shop} ${r.orderId}: ${r.result}\n`);
      }
      return report.results.some((r) => r.result === "FAILED") ? EXIT_FAILURE : EXIT_OK;
    } finally {
      await db.$disconnect();
    }
  },
};
