import type { PrismaClient } from "@prisma/client";
import { PICKUP_NETWORKS } from "../../engine/pickup";
import { PickupNetworkSchema } from "../../contracts/pickup-settings";
import { importPickupDirectory } from "../pickup/directory-import.server";
import { listPickupPoints } from "../pickup/directory-list.server";
import { loadPickupNetworkSettings, savePickupNetworkSettings } from "../pickup/network-settings.server";
import {
  loadPickupReliabilityRule,
  oftenUncollectedPoints,
  savePickupReliabilityRule,
} from "../pickup/pickup-reliability.server";
import {
  removeUpsLocatorForm,
  saveUpsLocatorForm,
  startUpsRefresh,
  upsLocatorSection,
} from "./pickup-ups-form.server";
import { configSaved } from "./config-version.server";
import { bool, num, text, type SaveResult } from "./form-data";

// The Pickup points page over the pickup services (docs/pickup-points.md): form fields ↔ their contract.

/** "16 x 12 x 14" → [16, 12, 14] sorted longest first; "" → null; anything else → NaNs the contract refuses. */
function dimensions(value: string): number[] | null {
  if (value === "") return null;
  const parts = value
    .split(/\s*[x×,]\s*|\s+/)
    .filter(Boolean)
    .map(Number);
  return parts.length === 3 ? parts.sort((a, b) => b - a) : [Number.NaN, Number.NaN, Number.NaN];
}

/** Reads `<NETWORK>.<field>` inputs into `{ networks: [...] }` for savePickupNetworkSettings. */
export function pickupSettingsInput(form: FormData) {
  return {
    networks: PICKUP_NETWORKS.map((network) => {
      const field = (name: string) => `${network}.${name}`;
      const value = num(form, field("maxValue"));
      return {
        network,
        enabled: bool(form, field("enabled")),
        maxWeightLb: num(form, field("maxWeightLb")),
        maxLongestIn: num(form, field("maxLongestIn")),
        maxDimensionsIn: dimensions(text(form, field("maxDimensionsIn"))),
        maxValueCents: value === undefined ? null : Math.round(value * 100),
        holdDays: num(form, field("holdDays")),
        maxDistanceMiles: num(form, field("maxDistanceMiles")),
        excludeFragile: bool(form, field("excludeFragile")),
        excludeValuable: bool(form, field("excludeValuable")),
        excludeColdChain: bool(form, field("excludeColdChain")),
      };
    }),
  };
}

const FIELD_OF: Record<string, string> = { maxValueCents: "maxValue" };

/** Saves the four networks' settings; errors come back keyed by the form field (`UPS_ACCESS_POINT.holdDays`). */
export async function savePickupSettingsForm(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult> {
  const result = await savePickupNetworkSettings(db, shop, pickupSettingsInput(form));
  if (!result.ok) {
    const errors: Record<string, string> = {};
    for (const { path, message } of result.errors) {
      const [, index, key] = path.split(".");
      const network = PICKUP_NETWORKS[Number(index)];
      errors[network && key ? `${network}.${FIELD_OF[key] ?? key}` : path || "form"] ??= message;
    }
    return { ok: false, errors };
  }
  configSaved(shop);
  return { ok: true, message: "Pickup networks saved" };
}

/** Imports a CSV or GeoJSON directory; every bad line is reported and nothing is saved. */
export async function importPickupDirectoryForm(db: PrismaClient, shop: string, form: FormData) {
  const result = await importPickupDirectory(db, shop, {
    text: String(form.get("directory") ?? ""),
    mode: form.get("mode") === "replace" ? "replace" : "merge",
  });
  if (!result.ok) return { ok: false as const, lineErrors: result.errors };
  configSaved(shop);
  return {
    ok: true as const,
    message: `Directory imported: ${result.created} new, ${result.updated} updated, ${result.removed} removed`,
  };
}

/** The "often uncollected" rule's fields (`reliability.*`); errors keyed by those fields. */
export async function saveReliabilityForm(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult> {
  const result = await savePickupReliabilityRule(db, shop, {
    minParcels: num(form, "reliability.minParcels"),
    minPickupRatePercent: num(form, "reliability.minPickupRatePercent"),
    penaltyMiles: num(form, "reliability.penaltyMiles"),
  });
  if (!result.ok) {
    const errors: Record<string, string> = {};
    for (const { path, message } of result.errors) errors[`reliability.${path}`] ??= message;
    return { ok: false, errors };
  }
  configSaved(shop);
  return { ok: true, message: "Often-uncollected rule saved" };
}

/** Pickup points listed per page of the directory table. */
export const DIRECTORY_PAGE_SIZE = 25;

/**
 * The directory table's filters from the page's query string: a network the contract does not know is no filter,
 * a page that is no positive number is the first.
 */
export function directoryFiltersFrom(params: URLSearchParams) {
  const network = PickupNetworkSchema.safeParse(params.get("network"));
  const page = Number(params.get("page"));
  return {
    network: network.success ? network.data : undefined,
    q: params.get("q") ?? "",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * The Pickup points page: every network's settings, one page of the shop's directory (filtered), the UPS
 * connection and the often-uncollected rule with the points it flags.
 */
export async function pickupPointsPage(
  db: PrismaClient,
  shop: string,
  params: URLSearchParams,
  now = new Date(),
) {
  const filters = directoryFiltersFrom(params);
  const rule = await loadPickupReliabilityRule(db, shop);
  const [settings, directory, ups, flagged] = await Promise.all([
    loadPickupNetworkSettings(db, shop),
    listPickupPoints(db, shop, {
      page: filters.page,
      pageSize: DIRECTORY_PAGE_SIZE,
      ...(filters.network ? { network: filters.network } : {}),
      search: filters.q || undefined,
    }),
    upsLocatorSection(db, shop, now),
    oftenUncollectedPoints(db, shop, rule, now),
  ]);
  return {
    settings,
    directory,
    filters: { network: filters.network ?? "", q: filters.q },
    ups,
    reliability: { rule, flagged },
  };
}

const ACTIONS: Record<string, (db: PrismaClient, shop: string, form: FormData) => Promise<unknown>> = {
  importDirectory: importPickupDirectoryForm,
  reliability: saveReliabilityForm,
  upsConnect: saveUpsLocatorForm,
  upsRemove: removeUpsLocatorForm,
  upsRefresh: (db, shop) => startUpsRefresh(db, shop, new Date()),
};

/**
 * The page's action by `intent`: importDirectory, reliability, upsConnect, upsRemove, upsRefresh; anything else
 * saves the networks' settings.
 */
export function pickupPointsAction(db: PrismaClient, shop: string, form: FormData) {
  const intent = String(form.get("intent"));
  const action = Object.hasOwn(ACTIONS, intent) ? ACTIONS[intent] : undefined;
  return (action ? action(db, shop, form) : savePickupSettingsForm(db, shop, form)) as Promise<
    SaveResult | Awaited<ReturnType<typeof importPickupDirectoryForm>>
  >;
}
