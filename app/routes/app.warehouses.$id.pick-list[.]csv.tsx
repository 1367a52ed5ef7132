import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { pickListCsv } from "../services/handoff/pick-list-csv";
import { warehousePickList } from "../services/handoff/pick-list.server";

/** GET ?date=YYYY-MM-DD: the warehouse's pick list for that ship date (default: today there) as CSV. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const date = new URL(request.url).searchParams.get("date");
  const answer = await warehousePickList(db, shop, { id: params.id ?? "" }, date);
  if (!answer.ok) throw new Response(answer.error, { status: answer.status });
  const { list } = answer;
  return new Response(pickListCsv(list), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pick-list-${list.warehouse.key}-${list.shipDate}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
