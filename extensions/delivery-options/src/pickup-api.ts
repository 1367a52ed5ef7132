/** What the app answers for one pickup point (app/contracts/pickup-api.ts). */
export interface PickupPoint {
  id: string;
  network: string;
  networkLabel: string;
  carrier: string;
  name: string;
  externalId: string;
  address: { address1: string; city: string; province: string; zip: string };
  distanceMiles: number;
  hours: unknown;
  holdDays: number;
  holdDaysKind: "CALENDAR" | "BUSINESS";
  isSample: boolean;
}

export interface PickupAddress {
  zip?: string;
  countryCode?: string;
  provinceCode?: string;
  city?: string;
  address1?: string;
}

export interface PickupLine {
  variantId: string;
  quantity: number;
  priceCents: number;
}

export type PointsResult = { ok: true; points: PickupPoint[] } | { ok: false; status: number };

/** A stable key of what the eligible points depend on: a change clears the buyer's choice. */
export function queryKey(address: PickupAddress | undefined, lines: PickupLine[]): string {
  return JSON.stringify([address?.zip, address?.countryCode, address?.provinceCode, lines]);
}

/** GET the eligible points from the app with the extension's session token. */
export async function fetchPickupPoints(
  baseUrl: string,
  path: string,
  token: string,
  address: PickupAddress,
  lines: PickupLine[],
  limit: number,
): Promise<PointsResult> {
  const query = new URLSearchParams({
    zip: address.zip ?? "",
    countryCode: address.countryCode ?? "",
    limit: String(limit),
    lines: JSON.stringify(lines),
  });
  if (address.provinceCode) query.set("provinceCode", address.provinceCode);
  if (address.city) query.set("city", address.city);
  if (address.address1) query.set("address1", address.address1);
  try {
    const response = await fetch(`${baseUrl}${path}?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return { ok: false, status: response.status };
    const body = (await response.json()) as { points?: PickupPoint[] };
    return { ok: true, points: Array.isArray(body.points) ? body.points : [] };
  } catch {
    return { ok: false, status: 0 };
  }
}

/** The JSON stored in the cart metafield / attribute (app/contracts/pickup-point.ts PickupChoice). */
export function choiceValue(point: PickupPoint): string {
  return JSON.stringify({
    v: 1,
    pointId: point.id,
    network: point.network,
    externalId: point.externalId,
    name: point.name,
  });
}

/** The point id of a stored choice, or null. */
export function choicePointId(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as { pointId?: unknown };
    return typeof parsed.pointId === "string" ? parsed.pointId : null;
  } catch {
    return null;
  }
}

/** "gid://shopify/ProductVariant/123" → "123"; cents from a decimal amount. */
export const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
export const toCents = (amount: number | string) => Math.round(Number(amount) * 100);
