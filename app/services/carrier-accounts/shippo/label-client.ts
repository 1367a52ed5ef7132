import type { Shippo } from "shippo";
import type {
  AddressCreateRequest,
  LabelFileTypeEnum,
  ShipmentCreateRequest,
} from "shippo/models/components";
import { withDeadline } from "../call-deadline";
import type { CallOptions, ProviderCredentials } from "../types";
import { toProviderError } from "./client";
import { loadShippoSdk } from "./sdk";

/**
 * The official SDK's calls behind address checks, labels, trackers and refunds (docs.goshippo.com: Addresses with
 * `validate`, Transactions, Tracks, Refunds, Webhooks), with the same deadline, no SDK retries and error mapping
 * as client.ts.
 */
export class ShippoLabelApi {
  // JS private fields: util.inspect / console.log of this object never shows the key the SDK holds.
  readonly #credentials: ProviderCredentials;
  #sdk: Promise<Shippo> | undefined;

  constructor(credentials: ProviderCredentials) {
    this.#credentials = credentials;
  }

  validateAddress(address: AddressCreateRequest, options: CallOptions = {}) {
    return this.call(options, (sdk, o) => sdk.addresses.create({ ...address, validate: true }, o));
  }
  createShipment(request: ShipmentCreateRequest, options: CallOptions = {}) {
    return this.call(options, (sdk, o) => sdk.shipments.create(request, o));
  }
  buy(rate: string, labelFileType: LabelFileTypeEnum, metadata: string, options: CallOptions = {}) {
    return this.call(options, (sdk, o) =>
      sdk.transactions.create({ rate, labelFileType, metadata, async: false }, o),
    );
  }
  /** Every transaction bought with this rate (one per parcel of a multi-parcel shipment). */
  async transactionsForRate(rate: string, options: CallOptions = {}) {
    const page = await this.call(options, (sdk, o) => sdk.transactions.list({ rate, results: 100 }, o));
    return page.results ?? [];
  }
  refund(transaction: string, options: CallOptions = {}) {
    return this.call(options, (sdk, o) => sdk.refunds.create({ transaction, async: false }, o));
  }
  createTrack(carrier: string, trackingNumber: string, options: CallOptions = {}) {
    return this.call(options, (sdk, o) => sdk.trackingStatus.create({ carrier, trackingNumber }, o));
  }
  async listWebhooks(options: CallOptions = {}) {
    const page = await this.call(options, (sdk, o) => sdk.webhooks.listWebhooks(o));
    return page.results ?? [];
  }
  createWebhook(url: string, options: CallOptions = {}) {
    return this.call(options, (sdk, o) =>
      sdk.webhooks.createWebhook({ event: "track_updated", url, active: true }, o),
    );
  }

  // The SDK is loaded (./sdk.ts) before the deadline starts: its import is no part of Shippo's time to answer.
  private async call<T>(
    options: CallOptions,
    run: (sdk: Shippo, o: { signal: AbortSignal; timeoutMs?: number }) => Promise<T>,
  ) {
    const sdk = await (this.#sdk ??= loadShippoSdk(this.#credentials));
    return withDeadline("SHIPPO", options, async (signal) => {
      try {
        return await run(sdk, { signal, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
      } catch (error) {
        throw toProviderError(error);
      }
    });
  }
}
