import db from "../../db.server";
import { PickupDirectoryCache } from "./pickup-directory-cache.server";

/** One directory cache per app process, shared by the checkout and customer-account routes. */
export const pickupCache = new PickupDirectoryCache(db);
