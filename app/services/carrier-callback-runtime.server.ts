import db from "../db.server";
import { appEnv } from "../env.server";
import { createCallbackCache, type CarrierCallbackDeps } from "./carrier-callback.server";

// One cache per app process, shared by both callback routes and invalidated by configuration saves.
export const callbackCache = createCallbackCache(db);

/** What the callback routes run with in this process. */
export function callbackDeps(): CarrierCallbackDeps {
  return { db, cache: callbackCache, appSecret: appEnv().apiSecret, now: () => new Date() };
}
