import { readFile } from "node:fs/promises";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from "./types";

const USAGE =
  "tailroute import-pickup-points <file> --shop <shop.myshopify.com> [--format csv|geojson] [--replace]";

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Imports a pickup-point directory file (CSV or GeoJSON) for one shop; nothing is saved on any error. */
export const importPickupPointsCommand: CliCommand = {
  name: "import-pickup-points",
  summary: "Import a shop's pickup-point directory from CSV or GeoJSON (all or nothing)",
  usage: USAGE,
  async run(args, io) {
    const shop = option(args, "--shop");
    const format = option(args, "--format");
    const valueFlags = new Set(["--shop", "--format"]);
    const file = args.find((a, i) => !a.startsWith("--") && !valueFlags.has(args[i - 1] ?? ""));
    if (!file || !shop || shop.startsWith("--")) {
      io.stderr(`A file and --shop are required.\nUsage: ${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    if (format !== undefined && format !== "csv" && format !== "geojson") {
      io.stderr(`--format must be csv or geojson, got ${format}\n`);
      return EXIT_BAD_INPUT;
    }
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      io.stderr(`Cannot read ${file}: ${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    const { importPickupDirectory } = await import("../../services/pickup/directory-import.server");
    let last = "";
    const result = await importPickupDirectory(db, shop, {
      text,
      ...(format ? { format } : {}),
      mode: args.includes("--replace") ? "replace" : "merge",
      // Rows checked, then rows written to the database (chunk by chunk, in one transaction).
      onProgress: (done, total, phase) => {
        const percent = Math.floor((done / total) * 100);
        const line = `  ${done}/${total} points ${phase} (${percent} %)\n`;
        if (line === last) return;
        last = line;
        io.stderr(line);
      },
    });
    if (!result.ok) {
      io.stderr(`Nothing imported: ${result.errors.length} error(s) in ${file}\n`);
      for (const e of result.errors.slice(0, 50)) io.stderr(`  line ${e.line}: ${e.message}\n`);
      if (result.errors.length > 50) io.stderr(`  … and ${result.errors.length - 50} more\n`);
      return EXIT_FAILURE;
    }
    io.stdout(
      `Imported ${result.imported} pickup points for ${shop}: ${result.created} new, ${result.updated} updated, ${result.removed} removed\n`,
    );
    return EXIT_OK;
  },
};
