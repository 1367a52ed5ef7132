import { createHash } from "node:crypto";
import type { OrdersUpdatedPayload } from "../../../contracts/order-change-webhooks";
import type { OrderRoutingInput } from "../order-input.server";
import { orderRoutingInput } from "../order-input.server";

// What about an order routing depends on: where it goes and what is in it. Tags, the note, metafields, prices and
// payment state are left out, so the orders/updated that Tailroute's own annotations cause (or a merchant's tag)
// never re-decides an order.

const clean = (value: string | undefined | null) => (value ?? "").trim().toLowerCase().replace(/\s+/g, " ");

function lineKey(line: OrderRoutingInput["cart"][number]) {
  return line.variantId ? `v:${line.variantId}` : line.sku ? `s:${clean(line.sku)}` : `n:${clean(line.name)}`;
}

/** Units per line (variant, else SKU, else name), sorted: equal carts compare equal whatever their order. */
export function cartUnits(cart: OrderRoutingInput["cart"]): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of cart) units.set(lineKey(line), (units.get(lineKey(line)) ?? 0) + line.quantity);
  return new Map([...units.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
}

function addressKey(destination: OrderRoutingInput["destination"]): string {
  if (!destination) return "none";
  return [
    destination.country,
    destination.zip.replace(/\s+/g, "").toUpperCase(),
    destination.state ?? "",
    destination.city ?? "",
    ...destination.addressLines,
    destination.company ?? "",
  ]
    .map(clean)
    .join("|");
}

/** A short, stable fingerprint of the order's shipping address and lines. */
export function orderFingerprint(input: Pick<OrderRoutingInput, "destination" | "cart">): string {
  const lines = [...cartUnits(input.cart).entries()].map(([k, n]) => `${k}×${n}`).join(",");
  return createHash("sha256")
    .update(`${addressKey(input.destination)}#${lines}`)
    .digest("hex")
    .slice(0, 32);
}

/**
 * The routing input of an orders/updated payload: as on orders/create, except that each line counts what is left
 * after order edits (`current_quantity`), so a removed line drops out.
 */
export function updatedOrderInput(payload: OrdersUpdatedPayload): OrderRoutingInput {
  return orderRoutingInput({
    ...payload,
    line_items: payload.line_items.map((line) => ({
      ...line,
      quantity: line.current_quantity ?? line.quantity,
    })),
  });
}

export interface OrderChangeSummary {
  addressChanged: boolean;
  linesChanged: boolean;
  /** For people: "Shipping address changed: Denver CO 80202 → Austin TX 78701; Lines changed: 44012345670001 2 → 3". */
  text: string;
}

const place = (d: OrderRoutingInput["destination"]) =>
  d ? [d.city, d.state, d.zip].filter(Boolean).join(" ") || d.country : "no shipping address";

/** What differs between the input a decision was taken on and the order now (pure). */
export function describeOrderChange(
  before: Pick<OrderRoutingInput, "destination" | "cart">,
  after: Pick<OrderRoutingInput, "destination" | "cart">,
): OrderChangeSummary {
  const addressChanged = addressKey(before.destination) !== addressKey(after.destination);
  const was = cartUnits(before.cart);
  const now = cartUnits(after.cart);
  const lineChanges = [...new Set([...was.keys(), ...now.keys()])]
    .sort()
    .filter((k) => (was.get(k) ?? 0) !== (now.get(k) ?? 0))
    .map((k) => `${k.slice(2)} ${was.get(k) ?? 0} → ${now.get(k) ?? 0}`);
  const parts = [
    ...(addressChanged
      ? [`Shipping address changed: ${place(before.destination)} → ${place(after.destination)}`]
      : []),
    ...(lineChanges.length ? [`Lines changed: ${lineChanges.join(", ")}`] : []),
  ];
  return {
    addressChanged,
    linesChanged: lineChanges.length > 0,
    text: parts.join("; ") || "Nothing routing-relevant changed",
  };
}
