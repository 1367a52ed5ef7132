import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { warehousePickList } from "../services/handoff/pick-list.server";

/** GET ?date=YYYY-MM-DD: the warehouse's pick list for that ship date as JSON (PickList, the webhook's documents). */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const date = new URL(request.url).searchParams.get("date");
  const answer = await warehousePickList(db, shop, { id: params.id ?? "" }, date);
  if (!answer.ok) throw new Response(answer.error, { status: answer.status });
  const { list } = answer;
  return new Response(`${JSON.stringify(list, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pick-list-${list.warehouse.key}-${list.shipDate}.json"`,
      "Cache-Control": "no-store",
    },
  });
};
