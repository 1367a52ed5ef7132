import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { exportRateCard } from "../services/admin/rate-cards.server";

/** GET: the service's active rate card as CSV (the import's format). */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const file = await exportRateCard(db, shop, params.id ?? "");
  if (!file) throw new Response("Rate card not found", { status: 404 });
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    },
  });
};
