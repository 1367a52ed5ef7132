// The carrier-accounts provider layer: one interface (types.ts), one folder per shipping API.
import { easyPostProvider } from "./easypost/provider";
import { shippoProvider } from "./shippo/provider";
import type { CarrierAccountProvider, ProviderCredentials, ProviderFactory, ProviderKind } from "./types";

export * from "./types";
export { decimalToCents } from "./money";

/** Every provider Tailroute can connect, by kind. A new provider adds its folder and one line here. */
export const PROVIDERS: Record<ProviderKind, ProviderFactory> = {
  EASYPOST: easyPostProvider,
  SHIPPO: shippoProvider,
};

export const PROVIDER_NAMES: Record<ProviderKind, string> = { EASYPOST: "EasyPost", SHIPPO: "Shippo" };

export function createProvider(kind: ProviderKind, credentials: ProviderCredentials): CarrierAccountProvider {
  return PROVIDERS[kind](credentials);
}
