import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { latestUpsRefresh } from "../services/admin/pickup-ups-form.server";

/** GET: the shop's latest "refresh from UPS" job (status, progress, error) for the page's polling; null before any. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return json({ refresh: await latestUpsRefresh(db, shop) });
};
