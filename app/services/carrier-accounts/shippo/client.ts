import type { Shippo } from "shippo";
import type { ShipmentCreateRequest } from "shippo/models/components";
import { isNetworkError, withDeadline } from "../call-deadline";
import { ProviderError, type CallOptions, type ProviderCredentials } from "../types";
import { fromShippoError } from "./mapper";
import { loadShippoSdk } from "./sdk";

export { SHIPPO_BASE_URL } from "./sdk";

/**
 * A thin wrapper over the official SDK (`shippo` 2, loaded on the first call: ./sdk.ts), each call's deadline and
 * abort through the SDK's `timeoutMs` / `signal` request options.
 */
export class ShippoApi {
  // JS private fields: util.inspect / console.log of this object never shows the key the SDK holds.
  readonly #credentials: ProviderCredentials;
  #sdk: Promise<Shippo> | undefined;

  constructor(credentials: ProviderCredentials) {
    this.#credentials = credentials;
  }

  createShipment(request: ShipmentCreateRequest, options: CallOptions = {}) {
    return this.call(options, (sdk, signal) =>
      sdk.shipments.create(request, {
        signal,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      }),
    );
  }

  /** One page of up to 100 accounts with their service levels. */
  async listCarrierAccounts(options: CallOptions = {}) {
    const page = await this.call(options, (sdk, signal) =>
      sdk.carrierAccounts.list({ serviceLevels: true, results: 100 }, { signal }),
    );
    return page.results ?? [];
  }

  // The SDK is loaded before the deadline starts: its import is no part of Shippo's time to answer.
  private async call<T>(options: CallOptions, run: (sdk: Shippo, signal: AbortSignal) => Promise<T>) {
    const sdk = await (this.#sdk ??= loadShippoSdk(this.#credentials));
    return withDeadline("SHIPPO", options, async (signal) => {
      try {
        return await run(sdk, signal);
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
