import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from "./types";

const USAGE =
  "tailroute import-zone-chart <file.csv> --shop <shop.myshopify.com> --service <code> --warehouse <key> " +
  "--source <UPS|FedEx|USPS|…> [--column <zone column, e.g. Ground>] [--origin <ZIP3>]";

const VALUE_FLAGS = ["--shop", "--service", "--warehouse", "--source", "--column", "--origin"] as const;

/** Imports a carrier zone chart (one origin) for a warehouse and service; nothing is saved on any error. */
export const importZoneChartCommand: CliCommand = {
  name: "import-zone-chart",
  summary: "Import a carrier's zone chart for one warehouse and service (all or nothing, line errors)",
  usage: USAGE,
  async run(args, io) {
    const value = (name: string) => {
      const i = args.indexOf(name);
      const v = i >= 0 ? args[i + 1] : undefined;
      return v === undefined || v.startsWith("--") ? undefined : v;
    };
    const flags = new Set<string>(VALUE_FLAGS);
    const file = args.find((a, i) => !a.startsWith("--") && !flags.has(args[i - 1] ?? ""));
    const [shop, service, warehouse, source] = ["--shop", "--service", "--warehouse", "--source"].map(value);
    if (!file || !shop || !service || !warehouse || !source) {
      io.stderr(`A file, --shop, --service, --warehouse and --source are required.\nUsage: ${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    let csv: string;
    try {
      csv = await readFile(file, "utf8");
    } catch (error) {
      io.stderr(`Cannot read ${file}: ${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const column = value("--column");
    const origin = value("--origin");
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    const { importZoneChart } = await import("../../services/admin/zone-charts.server");
    const result = await importZoneChart(db, shop, {
      serviceCode: service,
      warehouseKey: warehouse,
      source,
      csv,
      fileName: basename(file),
      ...(column ? { column } : {}),
      ...(origin ? { originZip3: origin } : {}),
    });
    if (!result.ok) {
      io.stderr(`Nothing imported: ${result.lineErrors.length} error(s) in ${file}\n`);
      for (const e of result.lineErrors.slice(0, 50))
        io.stderr(e.line > 0 ? `  line ${e.line}: ${e.message}\n` : `  ${e.message}\n`);
      if (result.lineErrors.length > 50) io.stderr(`  … and ${result.lineErrors.length - 50} more\n`);
      return EXIT_FAILURE;
    }
    io.stdout(`${result.message} (${service} from ${warehouse}, ${shop})\n`);
    return EXIT_OK;
  },
};
