import { json } from "@remix-run/node";
import { checkAppDatabase } from "../services/shop/app-database.server";

/** Liveness + database check for load balancers and `npm run demo`. */
export const loader = async () => {
  await checkAppDatabase();
  return json({ ok: true });
};
