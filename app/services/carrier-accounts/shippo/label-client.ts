import { Shippo } from "shippo";
import type {
  AddressCreateRequest,
  LabelFileTypeEnum,
  ShipmentCreateRequest,
} from "shippo/models/components";
import { withDeadline } from "../call-deadline";
import type { CallOptions, ProviderCredentials } from "../types";
import { SHIPPO_BASE_URL, toProviderError } from "./client";

/**
 * The official SDK's calls behind address checks, labels, trackers and refunds (docs.goshippo.com: Addresses with
 * `validate`, Transactions, Tracks, Refunds, Webhooks), with the same deadline, no SDK retries and error mapping
 * as client.ts.
 */
export class ShippoLabelApi {
  readonly #sdk: Shippo;

  constructor(credentials: ProviderCredentials) {
    this.#sdk = new Shippo({
      apiKeyHeader: `ShippoToken ${credentials.apiKey}`,
      serverURL: credentials.baseUrl ?? SHIPPO_BASE_URL,
      retryConfig: { strategy: "none" },
    });
  }

  validateAddress(address: AddressCreateRequest, options: CallOptions = {}) {
    return this.call(options, (o) => this.#sdk.addresses.create({ ...address, validate: true }, o));
  }
  createShipment(request: ShipmentCreateRequest, options: CallOptions = {}) {
    return this.call(options, (o) => this.#sdk.shipments.create(request, o));
  }
  buy(rate: string, labelFileType: LabelFileTypeEnum, metadata: string, options: CallOptions = {}) {
    return this.call(options, (o) =>
      this.#sdk.transactions.create({ rate, labelFileType, metadata, async: false }, o),
    );
  }
  /** Every transaction bought with this rate (one per parcel of a multi-parcel shipment). */
  async transactionsForRate(rate: string, options: CallOptions = {}) {
    const page = await this.call(options, (o) => this.#sdk.transactions.list({ rate, results: 100 }, o));
    return page.results ?? [];
  }
  refund(transaction: string, options: CallOptions = {}) {
    return this.call(options, (o) => this.#sdk.refunds.create({ transaction, async: false }, o));
  }
  createTrack(carrier: string, trackingNumber: string, options: CallOptions = {}) {
    return this.call(options, (o) => this.#sdk.trackingStatus.create({ carrier, trackingNumber }, o));
  }
  async listWebhooks(options: CallOptions = {}) {
    const page = await this.call(options, (o) => this.#sdk.webhooks.listWebhooks(o));
    return page.results ?? [];
  }
  createWebhook(url: string, options: CallOptions = {}) {
    return this.call(options, (o) =>
      this.#sdk.webhooks.createWebhook({ event: "track_updated", url, active: true }, o),
    );
  }

  private call<T>(options: CallOptions, run: (o: { signal: AbortSignal; timeoutMs?: number }) => Promise<T>) {
    return withDeadline("SHIPPO", options, async (signal) => {
      try {
        return await run({ signal, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
      } catch (error) {
        throw toProviderError(error);
      }
    });
  }
}
