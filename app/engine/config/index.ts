export { activeConfig, compileShopConfig } from "./compile-shop-config";
export { DEFAULT_ON_TIME_RATE, PARCEL_MAX } from "./defaults";
export type { CompiledService, CompiledShopConfig, CompiledWarehouse, ResolvedStrategy } from "./types";
