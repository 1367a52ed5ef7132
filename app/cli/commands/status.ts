import { databaseUrl } from "../../db/database-url";
import { shopConfigSummary } from "../../services/shop/summary.server";
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from "./types";

/** Shows which database the CLI reads (DATABASE_URL) and what each shop in it has configured. */
export const statusCommand: CliCommand = {
  name: "status",
  summary: "Show the database in use (DATABASE_URL) and each shop's configuration counts",
  usage: "tailroute status [--shop <shop.myshopify.com>] [--json]",
  async run(args, io) {
    const json = args.includes("--json");
    const shopIndex = args.indexOf("--shop");
    const onlyShop = shopIndex >= 0 ? args[shopIndex + 1] : undefined;
    if (shopIndex >= 0 && !onlyShop) {
      io.stderr("--shop needs a shop domain\n");
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works before `prisma generate` and without a database.
    const { default: db } = await import("../../db.server");
    const shops = onlyShop
      ? [onlyShop]
      : (await db.shop.findMany({ select: { shop: true } })).map((s) => s.shop);
    const summaries = await Promise.all(shops.map((shop) => shopConfigSummary(db, shop)));
    const url = databaseUrl();
    if (json) {
      io.stdout(JSON.stringify({ databaseUrl: url, shops: summaries }, null, 2) + "\n");
    } else {
      io.stdout(`Database: ${url}\n`);
      if (summaries.length === 0)
        io.stdout("No shops yet (run `npm run demo` or install the app on a store).\n");
      for (const s of summaries) {
        io.stdout(
          `${s.shop}: ${s.warehouses} warehouses, ${s.carrierServices} carrier services, ${s.rateCards} rate cards, ` +
            `${s.cartons} cartons, ${s.productProfiles} product profiles\n`,
        );
      }
    }
    await db.$disconnect();
    return EXIT_OK;
  },
};
