import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { PickupPointImport } from "../../contracts/pickup-point";
import { parseDirectory, type DirectoryFormat, type DirectoryLineError } from "./directory-parse";

export type ImportDirectoryResult =
  | { ok: true; imported: number; created: number; updated: number; removed: number }
  | { ok: false; errors: DirectoryLineError[] };

export interface ImportDirectoryOptions {
  text: string;
  format?: DirectoryFormat;
  /** "merge" (default) keeps points absent from the file; "replace" deletes them. */
  mode?: "merge" | "replace";
  /**
   * Progress in rows: "checked" while rows are prepared (every 250), then "written" after each chunk of
   * rows written inside the transaction, and a last ("written", total, total) after the commit.
   */
  onProgress?: (done: number, total: number, phase: ImportPhase) => void;
  /** Marks the rows (sample directory, provider import). Default: CSV / GEOJSON, not sample. */
  source?: string;
  isSample?: boolean;
}

export type ImportPhase = "checked" | "written";

const CHUNK = 500;
const PROGRESS_EVERY = 250;
/** A directory of 100k points takes seconds to write on the shared machine; the default 5 s is too short. */
const WRITE_TIMEOUT_MS = 120_000;

/** Stored row of an imported point; the id is kept across re-imports so a buyer's choice stays valid. */
export function pointRow(
  shop: string,
  id: string,
  p: PickupPointImport,
  source: string,
  isSample: boolean,
): Prisma.PickupPointCreateManyInput {
  return {
    id,
    shop,
    network: p.network,
    externalId: p.externalId,
    name: p.name,
    address1: p.address1,
    city: p.city,
    province: p.province,
    zip: p.zip,
    latitude: p.latitude,
    longitude: p.longitude,
    hours: p.hours as Prisma.InputJsonValue,
    isSample,
    source,
    active: true,
  };
}

/**
 * Imports a CSV or GeoJSON directory for one shop. Every row is validated first; any error → nothing is
 * saved and every error comes back with its line. Otherwise one batch transaction replaces the file's
 * points (ids kept for points already known by network + externalId), optionally removes the others, and
 * bumps Shop.configVersion so cached directories reload. `onProgress(done, total, phase)` counts rows
 * checked, then rows written chunk by chunk; its last call (total, total, "written") comes after the commit.
 * The latest progress of a shop's running import is also readable with `currentImportProgress(shop)`.
 */
export async function importPickupDirectory(
  db: PrismaClient,
  shop: string,
  options: ImportDirectoryOptions,
): Promise<ImportDirectoryResult> {
  const parsed = parseDirectory(options.text, options.format);
  if (parsed.errors.length) return { ok: false, errors: parsed.errors };
  const format = options.format ?? (options.text.trimStart().startsWith("{") ? "geojson" : "csv");
  return savePickupPoints(
    db,
    shop,
    parsed.rows.map((r) => r.point),
    { ...options, source: options.source ?? format.toUpperCase() },
  );
}

/** Saves validated points (an import file, a locator search, the sample directory): all or nothing. */
export async function savePickupPoints(
  db: PrismaClient,
  shop: string,
  points: PickupPointImport[],
  options: Omit<ImportDirectoryOptions, "text" | "format"> & { source: string },
): Promise<ImportDirectoryResult> {
  if (points.length === 0) return { ok: false, errors: [{ line: 1, message: "the file has no points" }] };
  const exists = await db.shop.findUnique({ where: { shop }, select: { id: true } });
  if (!exists) return { ok: false, errors: [{ line: 0, message: `unknown shop ${shop}` }] };

  const total = points.length;
  const report = (done: number, phase: ImportPhase) => {
    importProgress.set(shop, { done, total, phase });
    options.onProgress?.(done, total, phase);
  };
  const source = options.source;
  const existing = await db.pickupPoint.findMany({
    where: { shop },
    select: { id: true, network: true, externalId: true },
  });
  const idByKey = new Map(existing.map((p) => [`${p.network}|${p.externalId}`, p.id]));
  const rows: Prisma.PickupPointCreateManyInput[] = [];
  const ids: string[] = [];
  let updated = 0;
  for (const [i, point] of points.entries()) {
    const known = idByKey.get(`${point.network}|${point.externalId}`);
    if (known) updated++;
    const id = known ?? randomUUID();
    ids.push(id);
    rows.push(pointRow(shop, id, point, source, options.isSample ?? false));
    if ((i + 1) % PROGRESS_EVERY === 0) report(i + 1, "checked");
  }
  if (total % PROGRESS_EVERY !== 0) report(total, "checked");
  const inFile = new Set(ids);
  const removed =
    options.mode === "replace" ? existing.filter((p) => !inFile.has(p.id)).map((p) => p.id) : [];
  const existingIds = new Set(existing.map((p) => p.id));
  const toDelete = [...ids.filter((id) => existingIds.has(id)), ...removed];
  try {
    // One transaction, written chunk by chunk so progress can be reported: a failure rolls every chunk back.
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < toDelete.length; i += CHUNK)
          await tx.pickupPoint.deleteMany({ where: { shop, id: { in: toDelete.slice(i, i + CHUNK) } } });
        for (let i = 0; i < rows.length; i += CHUNK) {
          await tx.pickupPoint.createMany({ data: rows.slice(i, i + CHUNK) });
          const written = Math.min(i + CHUNK, total);
          if (written < total) report(written, "written");
        }
        await tx.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } });
      },
      { timeout: WRITE_TIMEOUT_MS, maxWait: WRITE_TIMEOUT_MS },
    );
  } finally {
    importProgress.delete(shop);
  }
  options.onProgress?.(total, total, "written");
  return { ok: true, imported: total, created: total - updated, updated, removed: removed.length };
}

/** The latest progress of each shop's running import (this process only); gone once it ends. */
const importProgress = new Map<string, { done: number; total: number; phase: ImportPhase }>();

/**
 * Where a shop's running import is (rows checked / written of the total), or null when none runs in this
 * process. For an admin page that polls while its import request is in flight.
 */
export function currentImportProgress(
  shop: string,
): { done: number; total: number; phase: ImportPhase } | null {
  return importProgress.get(shop) ?? null;
}
