import type { Shippo } from "shippo";
import type { ProviderCredentials } from "../types";

/** The SDK's production server (its ServerList); `baseUrl` replaces it (`serverURL`) for fakes. */
export const SHIPPO_BASE_URL = "https://api.goshippo.com";

/**
 * The official SDK (`shippo` 2) for one account, imported on the first call that needs it: importing the package
 * costs a process about 0.3 s of CPU, which every server start, job worker and CLI command paid whether or not it
 * ever called Shippo (docs/performance.md, "Start-up"). The key goes in `Authorization: ShippoToken <key>` (the SDK
 * sends `apiKeyHeader` as is); no SDK retries (a checkout cannot wait for a back-off; the circuit breaker decides).
 */
export async function loadShippoSdk(credentials: ProviderCredentials): Promise<Shippo> {
  const { Shippo: Sdk } = await import("shippo");
  return new Sdk({
    apiKeyHeader: `ShippoToken ${credentials.apiKey}`,
    serverURL: credentials.baseUrl ?? SHIPPO_BASE_URL,
    retryConfig: { strategy: "none" },
  });
}
