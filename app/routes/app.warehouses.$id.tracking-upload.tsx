import { json, type ActionFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { applyTrackingUpload, checkTrackingUpload } from "../services/handoff/tracking-upload.server";

const MAX_CSV_CHARS = 2_000_000;

/**
 * POST intent=preview|apply, csv=<file text>: the warehouse's tracking CSV checked line by line (preview), then
 * recorded all or nothing (apply) through the same path as the signed tracking endpoint.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const csv = form.get("csv");
  if (typeof csv !== "string" || csv.trim() === "")
    return json({ ok: false as const, error: "choose a CSV file" }, { status: 400 });
  if (csv.length > MAX_CSV_CHARS)
    return json({ ok: false as const, error: "the file is larger than 2 MB" }, { status: 413 });
  if (intent === "preview") {
    const check = await checkTrackingUpload(db, shop, params.id ?? "", csv);
    return json({ intent: "preview" as const, ...check }, { status: check.ok ? 200 : check.status });
  }
  if (intent === "apply") {
    const result = await applyTrackingUpload(db, shop, params.id ?? "", csv);
    return json(
      {
        intent: "apply" as const,
        ...result,
        ...(result.ok
          ? {
              message: `${result.recorded} tracking number(s) recorded, ${result.duplicates} already known`,
            }
          : {}),
      },
      { status: result.ok ? 200 : result.status },
    );
  }
  return json({ ok: false as const, error: "intent must be preview or apply" }, { status: 400 });
};
