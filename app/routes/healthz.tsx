import { json } from "@remix-run/node";
import db from "../db.server";

/** Liveness + database check for load balancers and `npm run demo`. */
export const loader = async () => {
  await db.$queryRaw`SELECT 1`;
  return json({ ok: true });
};
