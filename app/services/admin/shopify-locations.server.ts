import type { AdminGraphql } from "./admin-context.server";
import { readAllPages, type Connection } from "./admin-connection.server";

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
  address1: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
}

// Every page, by cursor: a shop can have more locations than one page holds.
export const LOCATIONS_PAGE_SIZE = 100;
const LOCATIONS_QUERY = `#graphql
  query TailrouteLocations($cursor: String) {
    locations(first: ${LOCATIONS_PAGE_SIZE}, after: $cursor, includeInactive: true) {
      nodes { id name isActive address { address1 city provinceCode zip } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface LocationNode {
  id: string;
  name: string;
  isActive: boolean;
  address: { address1?: string | null; city: string | null; provinceCode: string | null; zip: string | null };
}

interface LocationsData {
  locations: Connection<LocationNode>;
}

/**
 * The shop's Shopify locations for the warehouse picker. An unreachable Admin API is not fatal: the form still
 * works, the picker says why it is empty.
 */
export async function shopifyLocations(
  graphql: AdminGraphql,
): Promise<{ locations: ShopifyLocation[]; error: string | null }> {
  try {
    const { nodes } = await readAllPages(graphql, LOCATIONS_QUERY, (d: LocationsData) => d.locations);
    return {
      locations: nodes.map(({ address, ...l }) => ({ ...l, ...address, address1: address.address1 ?? null })),
      error: null,
    };
  } catch (error) {
    return {
      locations: [],
      error: `Shopify locations could not be read: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}`,
    };
  }
}
