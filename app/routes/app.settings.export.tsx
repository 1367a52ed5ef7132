import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { exportShopConfig } from "../services/admin/settings.server";

/** GET: the whole configuration as JSON, in the format `npx tailroute quote --config` reads. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const config = await exportShopConfig(db, shop);
  if (!config) throw new Response("Shop not installed", { status: 404 });
  return new Response(JSON.stringify(config, null, 2) + "\n", {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tailroute-config.json"`,
    },
  });
};
