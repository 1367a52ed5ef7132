import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { labelFileForShop } from "../services/labels/label-purchase.server";

// A bought label's file (PDF or ZPL) for one parcel: the admin's session decides the shop, and only that shop's
// files are found (another shop's label id is a 404).
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const parcel = Number(params.parcel);
  if (!Number.isInteger(parcel) || parcel < 1) throw new Response("Bad parcel number", { status: 400 });
  const file = await labelFileForShop(db, shop, params.id ?? "", parcel - 1);
  if (!file) throw new Response("Label not found", { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "private, no-store",
    },
  });
};
