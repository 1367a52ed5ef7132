import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { CarrierServiceRequest } from "../../contracts/carrier-service";
import { ShopConfigSchema } from "../../contracts/shop-config";
import { zodIssuesText } from "../../contracts/zod-issues";
import { demoShopConfig } from "../../demo/demo-shop-config";
import { compileShopConfig, EngineAssertionError, quote, type CompiledShopConfig } from "../../engine";
import type { ShopConfig } from "../../engine/types";
import { toQuoteInput, toShopifyRates } from "../../services/carrier-service/rate-mapping";
import { quoteExplain } from "./quote-explain";
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand, type CliIO } from "./types";

const USAGE =
  "tailroute quote <request.json | -> [--config <shop-config.json>] [--explain] [--now <ISO-8601>]";

interface QuoteArgs {
  source: string;
  configPath?: string;
  explain: boolean;
  now?: string;
}

class BadInput extends Error {}

function parseArgs(args: string[]): QuoteArgs {
  let source: string | undefined;
  let configPath: string | undefined;
  let now: string | undefined;
  let explain = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const valueOf = (flag: string) => {
      const value = args[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2))
        throw new BadInput(`${flag} needs a value`);
      i += 1;
      return value;
    };
    if (arg === "--explain") explain = true;
    else if (arg === "--config") configPath = valueOf("--config");
    else if (arg.startsWith("--config=")) configPath = arg.slice("--config=".length);
    else if (arg === "--now") now = valueOf("--now");
    else if (arg.startsWith("--now=")) now = arg.slice("--now=".length);
    else if (arg.startsWith("--")) throw new BadInput(`unknown option ${arg}`);
    else if (source === undefined) source = arg;
    else throw new BadInput(`unexpected argument ${arg}`);
  }
  if (source === undefined) throw new BadInput("missing request file (use - for stdin)");
  return { source, explain, ...(configPath ? { configPath } : {}), ...(now ? { now } : {}) };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

async function readJson(source: string, io: CliIO, what: string): Promise<unknown> {
  let raw: string;
  try {
    raw = source === "-" ? await readStream(io.stdin) : await readFile(source, "utf8");
  } catch (error) {
    throw new BadInput(`cannot read ${what} ${source}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new BadInput(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** One indented line per issue (the first ten), as the CLI prints a file's validation errors. */
const describeZodIssues = (error: z.ZodError) =>
  `  ${zodIssuesText(error, { root: "(root)", separator: "\n  ", limit: 10 })}`;

let demoCompiled: CompiledShopConfig | undefined;

async function loadConfig(
  path: string | undefined,
  io: CliIO,
): Promise<{ config: ShopConfig; compiled: CompiledShopConfig }> {
  if (!path) {
    demoCompiled ??= compileShopConfig(demoShopConfig);
    return { config: demoShopConfig, compiled: demoCompiled };
  }
  const parsed = ShopConfigSchema.safeParse(await readJson(path, io, "shop config"));
  if (!parsed.success)
    throw new BadInput(`shop config ${path} is invalid:\n${describeZodIssues(parsed.error)}`);
  try {
    return { config: parsed.data, compiled: compileShopConfig(parsed.data) };
  } catch (error) {
    if (error instanceof EngineAssertionError)
      throw new BadInput(`shop config ${path} is inconsistent: ${error.message}`);
    throw error;
  }
}

function parseNow(value: string | undefined): Date {
  // The real clock is read here, in the CLI, never in the engine.
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    throw new BadInput(`--now must be ISO-8601, got ${value}`);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BadInput(`--now must be ISO-8601, got ${value}`);
  return date;
}

/**
 * `tailroute quote`: reads a Shopify CarrierService request body and prints the response body Shopify would
 * get from the callback (same mapping), optionally with the engine's explanation and issues.
 */
export const quoteCommand: CliCommand = {
  name: "quote",
  summary: 'Rate a Shopify CarrierService request with the engine and print the {"rates":[…]} response',
  usage: USAGE,
  async run(args, io) {
    try {
      const options = parseArgs(args);
      const now = parseNow(options.now);
      const body = await readJson(options.source, io, "request");
      const request = CarrierServiceRequest.safeParse(body);
      if (!request.success) {
        throw new BadInput(
          `request is not a CarrierService request body:\n${describeZodIssues(request.error)}`,
        );
      }
      const { compiled } = await loadConfig(options.configPath, io);
      const result = quote(compiled, toQuoteInput(request.data, now));
      const rates = toShopifyRates(result, compiled, request.data, now);
      const output = options.explain
        ? { rates, explain: quoteExplain(result), issues: result.issues }
        : { rates };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof BadInput) {
        io.stderr(`tailroute quote: ${error.message}\nUsage: ${USAGE}\n`);
        return EXIT_BAD_INPUT;
      }
      throw error;
    }
  },
};
