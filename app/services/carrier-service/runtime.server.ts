import db from "../../db.server";
import { appEnv } from "../../config/env.server";
import { createCallbackCache, type CarrierCallbackDeps } from "./callback.server";

// One cache per app process, shared by both callback routes and invalidated by configuration saves.
export const callbackCache = createCallbackCache(db);

let deps: CarrierCallbackDeps | undefined;

/** What the callback routes run with in this process (built once: the callback is the hot path). */
export function callbackDeps(): CarrierCallbackDeps {
  deps ??= { db, cache: callbackCache, appSecret: appEnv().apiSecret, now: () => new Date() };
  return deps;
}
