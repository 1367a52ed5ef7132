import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { simulatorSearch } from "../services/admin/simulator.server";

// The simulator's product picker: `GET /app/simulator/variants?q=` → the variants matching what was typed
// (docs/admin.md, page map).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  return simulatorSearch(db, shop, graphql, new URL(request.url).searchParams.get("q") ?? "");
};
