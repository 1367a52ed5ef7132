import { Shippo } from "shippo";
import type { ShipmentCreateRequest } from "shippo/models/components";
import { isNetworkError, withDeadline } from "../call-deadline";
import { ProviderError, type CallOptions, type ProviderCredentials } from "../types";
import { fromShippoError } from "./mapper";

/** The SDK's production server (its ServerList); `baseUrl` replaces it (`serverURL`) for fakes. */
export const SHIPPO_BASE_URL = "https://api.goshippo.com";

/**
 * A thin wrapper over the official SDK (`shippo` 2): the key goes in `Authorization: ShippoToken <key>` (the
 * SDK sends `apiKeyHeader` as is), no SDK retries (a checkout cannot wait for a back-off; the circuit breaker
 * decides), and each call's deadline and abort through the SDK's `timeoutMs` / `signal` request options.
 */
export class ShippoApi {
  // A JS private field: util.inspect / console.log of this object never shows the key the SDK holds.
  readonly #sdk: Shippo;

  constructor(credentials: ProviderCredentials) {
    this.#sdk = new Shippo({
      apiKeyHeader: `ShippoToken ${credentials.apiKey}`,
      serverURL: credentials.baseUrl ?? SHIPPO_BASE_URL,
      retryConfig: { strategy: "none" },
    });
  }

  createShipment(request: ShipmentCreateRequest, options: CallOptions = {}) {
    return this.call(options, (signal) =>
      this.#sdk.shipments.create(request, {
        signal,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      }),
    );
  }

  /** One page of up to 100 accounts with their service levels. */
  async listCarrierAccounts(options: CallOptions = {}) {
    const page = await this.call(options, (signal) =>
      this.#sdk.carrierAccounts.list({ serviceLevels: true, results: 100 }, { signal }),
    );
    return page.results ?? [];
  }

  private call<T>(options: CallOptions, run: (signal: AbortSignal) => Promise<T>) {
    return withDeadline("SHIPPO", options, async (signal) => {
      try {
        return await run(signal);
      } catch (error) {
        throw toProviderError(error);
      }
    });
  }
}

/** An SDK failure as one ProviderError (shared by the rating and the label calls). */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const e = error as { statusCode?: unknown; body?: unknown; name?: unknown };
  if (typeof e.statusCode === "number")
    return fromShippoError(e.statusCode, typeof e.body === "string" ? e.body : "");
  if (e.name === "RequestTimeoutError" || e.name === "RequestAbortedError")
    return new ProviderError("SHIPPO", "TIMEOUT", "Shippo: no answer in time");
  if (e.name === "ConnectionError" || isNetworkError(error))
    return new ProviderError("SHIPPO", "NETWORK", "Shippo could not be reached");
  const name = typeof e.name === "string" ? e.name : "unknown";
  return new ProviderError("SHIPPO", "UNEXPECTED", `Shippo call failed: ${name}`);
}
