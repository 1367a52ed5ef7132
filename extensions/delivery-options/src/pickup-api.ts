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
  /** Parcels left here are often not collected (the shop's rule, docs/pickup-points.md): ranked lower, and flagged. */
  oftenUncollected?: boolean;
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

/**
 * A short fingerprint of a query key (FNV-1a, base 36), saved with the choice as `ctx`: when the extension
 * mounts again (another checkout step, a reload) and the address or cart no longer give the same
 * fingerprint, the saved choice is stale and is cleared without waiting for the app.
 */
export function contextOf(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** A choice read back from the cart, and where it was found. */
export interface StoredChoice {
  pointId: string;
  name: string | null;
  /** The fingerprint of the address and cart it was made for; null for choices saved without one. */
  ctx: string | null;
  source: "metafield" | "attribute" | "order";
}

/** The JSON stored in the cart metafield / attribute (app/contracts/pickup-point.ts PickupChoice). */
export function choiceValue(point: PickupPoint, ctx?: string): string {
  return JSON.stringify({
    v: 1,
    pointId: point.id,
    network: point.network,
    externalId: point.externalId,
    name: point.name,
    ...(ctx ? { ctx } : {}),
  });
}

/** The point id, name and context of a stored choice, or null when absent or malformed. */
export function choiceContext(value: unknown): Omit<StoredChoice, "source"> | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as { pointId?: unknown; name?: unknown; ctx?: unknown } | null;
    if (typeof parsed?.pointId !== "string" || parsed.pointId === "") return null;
    return {
      pointId: parsed.pointId,
      name: typeof parsed.name === "string" ? parsed.name : null,
      ctx: typeof parsed.ctx === "string" ? parsed.ctx : null,
    };
  } catch {
    return null;
  }
}

/** The point id of a stored choice, or null. */
export const choicePointId = (value: unknown): string | null => choiceContext(value)?.pointId ?? null;

/** "gid://shopify/ProductVariant/123" → "123"; cents from a decimal amount. */
export const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
export const toCents = (amount: number | string) => Math.round(Number(amount) * 100);

/** The order's pickup state (GET …?orderId=), app/contracts/pickup-api.ts PickupOrderState. */
export interface OrderPickupState {
  status: string;
  changeable: boolean;
  choice: { pointId: string; name: string } | null;
}

export type OrderStateResult = { ok: true; order: OrderPickupState } | { ok: false; status: number };

/** GET the order's pickup state with the target's session token. */
export async function fetchOrderState(
  baseUrl: string,
  path: string,
  token: string,
  orderId: string,
): Promise<OrderStateResult> {
  try {
    const response = await fetch(`${baseUrl}${path}?${new URLSearchParams({ orderId })}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return { ok: false, status: response.status };
    const body = (await response.json()) as { order?: OrderPickupState };
    return body.order ? { ok: true, order: body.order } : { ok: false, status: 0 };
  } catch {
    return { ok: false, status: 0 };
  }
}

export type ChoiceResult =
  { ok: true; choice: OrderPickupState["choice"] } | { ok: false; status: number; error: string | null };

/** POST the buyer's choice for the order (pointId null = home delivery instead). */
export async function postOrderChoice(
  baseUrl: string,
  path: string,
  token: string,
  orderId: string,
  pointId: string | null,
): Promise<ChoiceResult> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ orderId, pointId }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      error?: string;
      choice?: OrderPickupState["choice"];
    };
    if (!response.ok) return { ok: false, status: response.status, error: body.error ?? null };
    return { ok: true, choice: body.choice ?? null };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}
