import type { PickupPointImport } from "../../../contracts/pickup-point";
import type { PickupNetwork } from "../../../engine/pickup";

export interface LocatorSearch {
  zip: string;
  /** Two-letter state, street and city improve the provider's geocoding. */
  province?: string;
  city?: string;
  address1?: string;
  radiusMiles: number;
  limit: number;
}

/** What one search returned: points in the directory's import shape, and entries that could not be used. */
export interface LocatorResult {
  points: PickupPointImport[];
  skipped: { id: string; reason: string }[];
}

/**
 * A live carrier locator (UPS Locator, FedEx Location Search, …) that fills a shop's directory around an
 * address. Adapters keep the wire format in pure build/parse functions and do only the HTTP call here.
 */
export interface PickupLocatorProvider {
  readonly network: PickupNetwork;
  search(query: LocatorSearch): Promise<LocatorResult>;
}

/** A provider answered with an error status or an unreadable body. */
export class LocatorError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "LocatorError";
  }
}
