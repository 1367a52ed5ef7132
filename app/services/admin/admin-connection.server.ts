import type { AdminGraphql } from "./admin-context.server";

/** The documented shape of an Admin GraphQL connection read with `nodes` and `pageInfo`. */
export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface AllPages<T> {
  nodes: T[];
  /** True when `maxNodes` stopped the reading before Shopify's last page. */
  truncated: boolean;
}

/**
 * Reads every page of one connection by its cursor (`after: $cursor` → `pageInfo { hasNextPage endCursor }`).
 * `query` must take `$cursor: String` and `pick` returns the connection from a page's data. Stops at Shopify's
 * last page, at `maxNodes` (a runaway guard for huge catalogues, reported as `truncated`), or if Shopify ever
 * repeats a cursor.
 */
export async function readAllPages<Data, T>(
  graphql: AdminGraphql,
  query: string,
  pick: (data: Data) => Connection<T>,
  { maxNodes = 20_000, variables = {} }: { maxNodes?: number; variables?: Record<string, unknown> } = {},
): Promise<AllPages<T>> {
  const nodes: T[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    const page: Connection<T> = pick(await graphql<Data>(query, { ...variables, cursor }));
    nodes.push(...page.nodes);
    // Shopify always answers the pageInfo it was asked for; an answer without it is taken as the last page.
    const next = page.pageInfo?.endCursor;
    if (!page.pageInfo?.hasNextPage || !next || seen.has(next)) return { nodes, truncated: false };
    if (nodes.length >= maxNodes) return { nodes: nodes.slice(0, maxNodes), truncated: true };
    seen.add(next);
    cursor = next;
  }
}
