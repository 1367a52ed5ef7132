import type { GraphQLClient } from "graphql-request";
import { adminRequest } from "../order-routing/admin-retry.server";
import type { AdminGraphql } from "./admin-context.server";

// Package dimensions and handling flags live in Shopify too, as variant metafields in the app-reserved namespace
// `$app:shipping` (Shopify turns `$app` into `app--{api client id}`, so no other app can write them). Definitions
// give them types and let the merchant read and edit them on the variant page (admin access MERCHANT_READ_WRITE).
// Sources in docs/admin.md (Products).

export const SHIPPING_NAMESPACE = "$app:shipping";

/** The profile's fields a metafield carries: three lengths in inches and the five handling flags. */
export type ShippingField =
  "lengthIn" | "widthIn" | "heightIn" | "fragile" | "valuable" | "coldChain" | "shipAlone" | "bulky";

export interface ShippingMetafield {
  key: string;
  name: string;
  type: "number_decimal" | "boolean";
  field: ShippingField;
  description: string;
}

export const SHIPPING_METAFIELDS: readonly ShippingMetafield[] = [
  {
    key: "length_in",
    name: "Package length (in)",
    type: "number_decimal",
    field: "lengthIn",
    description: "Longest side of the packed item, inches",
  },
  {
    key: "width_in",
    name: "Package width (in)",
    type: "number_decimal",
    field: "widthIn",
    description: "Packed width, inches",
  },
  {
    key: "height_in",
    name: "Package height (in)",
    type: "number_decimal",
    field: "heightIn",
    description: "Packed height, inches",
  },
  {
    key: "fragile",
    name: "Fragile",
    type: "boolean",
    field: "fragile",
    description: "Not for lockers; packed alone in fragile-safe cartons",
  },
  {
    key: "valuable",
    name: "Valuable",
    type: "boolean",
    field: "valuable",
    description: "Not for lockers or pickup points",
  },
  {
    key: "cold_chain",
    name: "Cold chain",
    type: "boolean",
    field: "coldChain",
    description: "Needs a fast, cold-chain capable service",
  },
  {
    key: "ships_alone",
    name: "Ships alone",
    type: "boolean",
    field: "shipAlone",
    description: "Travels in its own package",
  },
  {
    key: "freight_only",
    name: "Freight only",
    type: "boolean",
    field: "bulky",
    description: "Goes by LTL freight only",
  },
];

const DEFINITION_CREATE = `#graphql
  mutation TailrouteShippingDefinition($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition { id key }
      userErrors { field message code }
    }
  }`;

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
  elementIndex?: number | null;
}

export interface DefinitionsResult {
  created: string[];
  /** Keys whose definition already existed (TAKEN): nothing to do. */
  existing: string[];
  /** Anything else Shopify refused or could not answer, one line per key. */
  errors: string[];
}

/**
 * Creates the `$app:shipping` variant metafield definitions, one `metafieldDefinitionCreate` per key. A definition
 * that exists already (userError code TAKEN, as on every install after the first) counts as done; other refusals
 * and failed calls are returned, never thrown, so an install never fails on them.
 */
export async function ensureShippingMetafieldDefinitions(graphql: AdminGraphql): Promise<DefinitionsResult> {
  const result: DefinitionsResult = { created: [], existing: [], errors: [] };
  for (const m of SHIPPING_METAFIELDS) {
    try {
      const data = await graphql<{
        metafieldDefinitionCreate: { createdDefinition: { id: string } | null; userErrors: UserError[] };
      }>(DEFINITION_CREATE, {
        definition: {
          name: m.name,
          namespace: SHIPPING_NAMESPACE,
          key: m.key,
          type: m.type,
          description: m.description,
          ownerType: "PRODUCTVARIANT",
          access: { admin: "MERCHANT_READ_WRITE" },
        },
      });
      const { createdDefinition, userErrors } = data.metafieldDefinitionCreate;
      if (createdDefinition) result.created.push(m.key);
      else if (userErrors.length > 0 && userErrors.every((e) => e.code === "TAKEN"))
        result.existing.push(m.key);
      else result.errors.push(`${m.key}: ${userErrors.map((e) => e.message).join("; ") || "not created"}`);
    } catch (error) {
      // Shopify unreachable or refusing the call: the other keys would fail alike, so stop here.
      result.errors.push(
        `${m.key}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)} (the others were not tried)`,
      );
      break;
    }
  }
  return result;
}

/** What a variant's metafields hold: the profile fields, from the values Shopify returns (strings). */
export type ShippingValues = Partial<Record<ShippingField, number | boolean>>;

/** Reads metafield values (`{ key: "5.5" }`, `{ fragile: "true" }`) into profile fields; bad values are skipped. */
export function shippingValuesOf(values: Record<string, string | null | undefined>): ShippingValues {
  const out: ShippingValues = {};
  for (const m of SHIPPING_METAFIELDS) {
    const raw = values[m.key];
    if (raw === null || raw === undefined) continue;
    if (m.type === "boolean") {
      if (raw === "true" || raw === "false") out[m.field] = raw === "true";
    } else {
      const n = Number(raw);
      if (raw.trim() !== "" && Number.isFinite(n) && n > 0) out[m.field] = n;
    }
  }
  return out;
}

/** The profile a variant's metafields describe, when they give all three lengths (flags default to false). */
export function profileFromMetafields(values: ShippingValues) {
  const { lengthIn, widthIn, heightIn } = values;
  if (typeof lengthIn !== "number" || typeof widthIn !== "number" || typeof heightIn !== "number")
    return null;
  const flag = (f: ShippingField) => values[f] === true;
  return {
    lengthIn,
    widthIn,
    heightIn,
    fragile: flag("fragile"),
    valuable: flag("valuable"),
    coldChain: flag("coldChain"),
    shipAlone: flag("shipAlone"),
    bulky: flag("bulky"),
  };
}

export type ShippingProfile = { variantId: string } & Record<ShippingField, number | boolean>;

/** metafieldsSet takes at most 25 metafields per call (shopify.dev, metafieldsSet). */
export const METAFIELDS_SET_LIMIT = 25;

const METAFIELDS_SET = `#graphql
  mutation TailrouteShippingMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key }
      userErrors { field message code elementIndex }
    }
  }`;

const variantGid = (variantId: string) => `gid://shopify/ProductVariant/${variantId}`;

/** The `MetafieldsSetInput`s of profiles: eight per variant, numbers as decimal strings, flags "true"/"false". */
export function shippingMetafieldInputs(profiles: ShippingProfile[]) {
  return profiles.flatMap((p) =>
    SHIPPING_METAFIELDS.map((m) => ({
      ownerId: variantGid(p.variantId),
      namespace: SHIPPING_NAMESPACE,
      key: m.key,
      type: m.type,
      value: m.type === "boolean" ? String(p[m.field] === true) : String(Number(p[m.field])),
    })),
  );
}

export interface MetafieldWriteResult {
  calls: number;
  /** Shopify's refusals (or failed calls), naming the variant; metafieldsSet is atomic per call. */
  errors: string[];
}

/** Writes profiles to their variants' metafields with metafieldsSet, 25 metafields per call, in order. */
export async function writeShippingMetafields(
  graphql: AdminGraphql,
  profiles: ShippingProfile[],
): Promise<MetafieldWriteResult> {
  const inputs = shippingMetafieldInputs(profiles);
  const result: MetafieldWriteResult = { calls: 0, errors: [] };
  for (let start = 0; start < inputs.length; start += METAFIELDS_SET_LIMIT) {
    const batch = inputs.slice(start, start + METAFIELDS_SET_LIMIT);
    result.calls += 1;
    try {
      const data = await graphql<{ metafieldsSet: { userErrors: UserError[] } }>(METAFIELDS_SET, {
        metafields: batch,
      });
      for (const e of data.metafieldsSet.userErrors) {
        const input = typeof e.elementIndex === "number" ? batch[e.elementIndex] : undefined;
        const where = input ? `variant ${input.ownerId.split("/").pop()} ${input.key}` : "metafields";
        result.errors.push(`${where}: ${e.message}`);
      }
    } catch (error) {
      result.errors.push(error instanceof Error ? error.message.split("\n")[0] : String(error));
    }
  }
  return result;
}

const METAFIELDS_DELETE = `#graphql
  mutation TailrouteShippingMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key }
      userErrors { field message }
    }
  }`;

/** Removes a variant's `$app:shipping` metafields (a missing one is no error: Shopify answers null for it). */
export async function deleteShippingMetafields(graphql: AdminGraphql, variantId: string): Promise<string[]> {
  try {
    const data = await graphql<{ metafieldsDelete: { userErrors: UserError[] } }>(METAFIELDS_DELETE, {
      metafields: SHIPPING_METAFIELDS.map((m) => ({
        ownerId: variantGid(variantId),
        namespace: SHIPPING_NAMESPACE,
        key: m.key,
      })),
    });
    return data.metafieldsDelete.userErrors.map((e) => e.message);
  } catch (error) {
    return [error instanceof Error ? error.message.split("\n")[0] : String(error)];
  }
}

/** The metafield selection of a variant query: one aliased `metafield(namespace:, key:)` per key. */
export const SHIPPING_METAFIELD_SELECTION = SHIPPING_METAFIELDS.map(
  (m) => `${m.key}: metafield(namespace: "${SHIPPING_NAMESPACE}", key: "${m.key}") { value }`,
).join("\n        ");

/**
 * The install step (afterAuth): creates the definitions with the shop's offline client (throttled calls retried);
 * a definition that exists already is fine, and anything else is logged — the products page's "Read from
 * Shopify" tries again — so an install never fails on it.
 */
export async function installShippingMetafieldDefinitions(
  client: GraphQLClient,
  shop: string,
): Promise<DefinitionsResult> {
  const result = await ensureShippingMetafieldDefinitions((query, variables) =>
    adminRequest(client, query, variables),
  );
  if (result.errors.length > 0)
    console.warn(`[product-metafields] ${shop}: definitions not created: ${result.errors.join("; ")}`);
  return result;
}
