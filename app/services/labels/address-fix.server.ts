import type { Prisma, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { z } from "zod";
import { enqueueJob } from "../../jobs/enqueue.server";
import { rerouteDecision } from "../admin/orders.server";
import { fieldErrors, text, type SaveResult } from "../admin/form-data";
import { adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";
import type { AdminUserError } from "../admin/admin-graphql.server";
import { storedRoutingInput } from "../order-routing/order-input.server";

export const ORDERS_ADDRESS_FIX = "orders.address-fix";

/** The merchant's corrected shipping address (Shopify MailingAddressInput's fields). */
export const AddressFixForm = z.object({
  address1: z.string().trim().min(1, "street is required").max(255),
  address2: z.string().trim().max(255).optional(),
  city: z.string().trim().min(1, "city is required").max(100),
  provinceCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "two-letter state code"),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "ZIP or ZIP+4"),
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "two-letter country code"),
});
export type AddressFix = z.infer<typeof AddressFixForm>;

const ORDER_ADDRESS_UPDATE = `#graphql
  mutation TailrouteOrderAddressUpdate($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id }
      userErrors { field message }
    }
  }
`;

/**
 * "Fix address and re-route" on the admin order page: validated here (4xx reasons), written to Shopify and routed
 * again by the orders.address-fix job. Null = not this shop's decision.
 */
export async function requestAddressFix(
  db: PrismaClient,
  shop: string,
  decisionId: string,
  form: FormData,
  now = new Date(),
): Promise<SaveResult | null> {
  const decision = await db.routingDecision.findFirst({
    where: { id: decisionId, shop },
    select: { id: true },
  });
  if (!decision) return null;
  const parsed = AddressFixForm.safeParse({
    address1: text(form, "address1"),
    address2: text(form, "address2") || undefined,
    city: text(form, "city"),
    provinceCode: text(form, "provinceCode").toUpperCase(),
    zip: text(form, "zip"),
    countryCode: (text(form, "countryCode") || "US").toUpperCase(),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await enqueueJob(
    db,
    ORDERS_ADDRESS_FIX,
    { decisionId, address: parsed.data },
    { key: `${decisionId}:fix:${now.toISOString()}`, shop },
  );
  return { ok: true, message: "Address fix queued: Shopify is updated, then the order is routed again" };
}

/** The job's work: orderUpdate(shippingAddress), the decision's stored destination, then the re-route. */
export async function runAddressFix(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  decisionId: string,
  address: AddressFix,
  retry?: RetryPolicy,
) {
  const decision = await db.routingDecision.findFirst({ where: { id: decisionId, shop } });
  if (!decision) return { drop: "decision not found" };
  const { orderUpdate } = await adminRequest<{ orderUpdate: { userErrors: AdminUserError[] } }>(
    client,
    ORDER_ADDRESS_UPDATE,
    {
      input: {
        id: decision.orderId,
        shippingAddress: {
          address1: address.address1,
          ...(address.address2 ? { address2: address.address2 } : {}),
          city: address.city,
          provinceCode: address.provinceCode,
          zip: address.zip,
          countryCode: address.countryCode,
        },
      },
    },
    retry,
  );
  if (orderUpdate.userErrors.length)
    return {
      drop: `Shopify refused the address: ${orderUpdate.userErrors.map((e) => e.message).join("; ")}`,
    };
  const input = storedRoutingInput(decision.input, decision);
  if (input?.destination) {
    const destination = {
      ...input.destination,
      addressLines: [address.address1, ...(address.address2 ? [address.address2] : [])],
      city: address.city,
      state: address.provinceCode,
      zip: address.zip,
      country: address.countryCode,
    };
    await db.routingDecision.updateMany({
      where: { id: decisionId, shop },
      data: { input: { ...input, destination } as unknown as Prisma.InputJsonValue },
    });
  }
  const result = await rerouteDecision(db, shop, decisionId, { clientFor: async () => client });
  if (result && !result.ok) return { drop: result.errors.form };
}
