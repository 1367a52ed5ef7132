import type { AdminGraphql } from "../admin-context.server";

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
}

const LOCATIONS_QUERY = `#graphql
  query TailrouteLocations {
    locations(first: 100, includeInactive: true) {
      nodes { id name isActive address { city provinceCode zip } }
    }
  }`;

interface LocationsData {
  locations: {
    nodes: {
      id: string;
      name: string;
      isActive: boolean;
      address: { city: string | null; provinceCode: string | null; zip: string | null };
    }[];
  };
}

/**
 * The shop's Shopify locations for the warehouse picker. An unreachable Admin API is not fatal: the form still
 * works, the picker says why it is empty.
 */
export async function shopifyLocations(
  graphql: AdminGraphql,
): Promise<{ locations: ShopifyLocation[]; error: string | null }> {
  try {
    const data = await graphql<LocationsData>(LOCATIONS_QUERY);
    return {
      locations: data.locations.nodes.map(({ address, ...l }) => ({ ...l, ...address })),
      error: null,
    };
  } catch (error) {
    return {
      locations: [],
      error: `Shopify locations could not be read: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}`,
    };
  }
}
