import { randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "../../config/secret-box.server";

/** A new signing secret for a warehouse: 32 random bytes, hex (what the warehouse configures on its side). */
export const newWarehouseSecret = () => `whsec_${randomBytes(32).toString("hex")}`;

/** Sealed for the database (never stored or logged in the clear). */
export const sealWarehouseSecret = (plain: string) => sealSecret(plain);

/** The warehouse's secret, opened from its sealed column; null when the warehouse has none. */
export const openWarehouseSecret = (sealed: string | null) => (sealed ? openSecret(sealed) : null);
