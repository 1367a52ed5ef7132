import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { adminContext } from "../services/admin/admin-context.server";
import { currentImportProgress } from "../services/pickup/directory-import.server";

/** GET: where this shop's running directory import is (rows checked, then written), or null when none runs. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await adminContext(request);
  return json({ progress: currentImportProgress(shop) });
};
