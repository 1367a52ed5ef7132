import type { FakeShopifyAdmin, GraphqlCall } from "./fake-shopify-admin";

// Variant metafields on the fake Admin API, in the documented shapes: `metafieldDefinitionCreate` (TAKEN when the
// owner type, namespace and key already have a definition), `metafieldsSet` (at most 25 inputs, atomic: one bad
// value sets nothing), `metafieldsDelete`, and the aliased `metafield(namespace:, key:) { value }` fields of
// variant reads. State lives per install of the resolvers.

export const METAFIELDS_SET_MAX = 25;

interface Definition {
  ownerType: string;
  namespace: string;
  key: string;
  type: string;
  access?: unknown;
}

export interface FakeVariantMetafields {
  /** Definitions created, in order. */
  definitions: Definition[];
  /** Values by variant gid, then `namespace.key`. */
  values: Map<string, Map<string, string>>;
  /** The metafield aliases a variant query selects, filled from `values` (null when unset). */
  decorate<T extends { id: string }>(call: GraphqlCall, node: T): T;
}

const userError = (field: string[], message: string, code: string, elementIndex?: number) => ({
  field,
  message,
  code,
  ...(elementIndex === undefined ? {} : { elementIndex }),
});

function validValue(type: string, value: string): boolean {
  if (type === "boolean") return value === "true" || value === "false";
  if (type === "number_decimal") return /^-?\d+(\.\d+)?$/.test(value);
  return true;
}

/** Registers the three metafield mutations on `fake` and returns their state. */
export function installVariantMetafields(fake: FakeShopifyAdmin): FakeVariantMetafields {
  const state: FakeVariantMetafields = {
    definitions: [],
    values: new Map(),
    decorate<T extends { id: string }>(call: GraphqlCall, node: T): T {
      const out: Record<string, unknown> = { ...node };
      for (const match of call.query.matchAll(
        /(\w+):\s*metafield\(namespace:\s*"([^"]+)",\s*key:\s*"([^"]+)"\)/g,
      )) {
        const value = state.values.get(node.id)?.get(`${match[2]}.${match[3]}`);
        out[match[1]] = value === undefined ? null : { value };
      }
      return out as T;
    },
  };
  fake.on("metafieldDefinitionCreate", ({ variables }) => {
    const d = variables.definition as Definition & { name: string };
    const taken = state.definitions.some(
      (x) => x.ownerType === d.ownerType && x.namespace === d.namespace && x.key === d.key,
    );
    if (taken)
      return {
        metafieldDefinitionCreate: {
          createdDefinition: null,
          userErrors: [
            userError(["definition", "key"], "Key is in use for this namespace and owner type.", "TAKEN"),
          ],
        },
      };
    state.definitions.push({
      ownerType: d.ownerType,
      namespace: d.namespace,
      key: d.key,
      type: d.type,
      access: d.access,
    });
    return {
      metafieldDefinitionCreate: {
        createdDefinition: {
          id: `gid://shopify/MetafieldDefinition/${state.definitions.length}`,
          key: d.key,
          name: d.name,
        },
        userErrors: [],
      },
    };
  });
  fake.on("metafieldsSet", ({ variables }) => {
    const inputs = variables.metafields as {
      ownerId: string;
      namespace: string;
      key: string;
      type: string;
      value: string;
    }[];
    if (inputs.length > METAFIELDS_SET_MAX)
      return {
        metafieldsSet: {
          metafields: null,
          userErrors: [
            userError(
              ["metafields"],
              `Exceeded the maximum metafields input limit of ${METAFIELDS_SET_MAX}.`,
              "LESS_THAN_OR_EQUAL_TO",
            ),
          ],
        },
      };
    const errors = inputs.flatMap((m, i) =>
      validValue(m.type, m.value)
        ? []
        : [
            userError(
              ["metafields", String(i), "value"],
              `Value is invalid for ${m.type}.`,
              "INVALID_VALUE",
              i,
            ),
          ],
    );
    if (errors.length > 0) return { metafieldsSet: { metafields: null, userErrors: errors } };
    for (const m of inputs) {
      const owner = state.values.get(m.ownerId) ?? new Map<string, string>();
      owner.set(`${m.namespace}.${m.key}`, m.value);
      state.values.set(m.ownerId, owner);
    }
    return {
      metafieldsSet: {
        metafields: inputs.map((m) => ({ key: m.key, namespace: m.namespace })),
        userErrors: [],
      },
    };
  });
  fake.on("metafieldsDelete", ({ variables }) => {
    const ids = variables.metafields as { ownerId: string; namespace: string; key: string }[];
    const deleted = ids.map((m) => {
      const owner = state.values.get(m.ownerId);
      return owner?.delete(`${m.namespace}.${m.key}`)
        ? { key: m.key, namespace: m.namespace, ownerId: m.ownerId }
        : null;
    });
    return { metafieldsDelete: { deletedMetafields: deleted, userErrors: [] } };
  });
  return state;
}
