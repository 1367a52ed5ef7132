import { withDeadline } from "../call-deadline";
import type { CallOptions, ProviderCredentials } from "../types";
import { EASYPOST_BASE_URL, normaliseBase, toProviderError } from "./client";
import { loadEasyPostClient, type EasyPostSdk } from "./sdk";

interface SuperagentRequest {
  timeout(ms: { deadline: number } | number): SuperagentRequest;
}

/**
 * The official SDK's calls behind address checks, labels, trackers and refunds (docs.easypost.com: Addresses,
 * Shipments, Orders, Trackers, Webhooks), with the same deadline and error mapping as client.ts.
 */
export class EasyPostLabelApi {
  // A JS private field: util.inspect / console.log of this object never shows the key.
  readonly #credentials: ProviderCredentials;

  constructor(credentials: ProviderCredentials) {
    this.#credentials = credentials;
  }

  /** POST /addresses with `verify` (not verify_strict): an undeliverable address answers 200 with its errors. */
  verifyAddress(address: Record<string, unknown>, options: CallOptions = {}) {
    return this.call(options, (c) => c.Address.create({ ...address, verify: true }));
  }
  createShipment(params: Record<string, unknown>, options: CallOptions = {}) {
    return this.call(options, (c) => c.Shipment.create(params));
  }
  createOrder(params: Record<string, unknown>, options: CallOptions = {}) {
    return this.call(options, (c) => c.Order.create(params));
  }
  buyShipment(id: string, rateId: string, options: CallOptions = {}) {
    return this.call(options, (c) => c.Shipment.buy(id, rateId));
  }
  buyOrder(id: string, carrier: string, service: string, options: CallOptions = {}) {
    return this.call(options, (c) => c.Order.buy(id, carrier, service));
  }
  retrieveShipment(id: string, options: CallOptions = {}) {
    return this.call(options, (c) => c.Shipment.retrieve(id));
  }
  retrieveOrder(id: string, options: CallOptions = {}) {
    return this.call(options, (c) => c.Order.retrieve(id));
  }
  refundShipment(id: string, options: CallOptions = {}) {
    return this.call(options, (c) => c.Shipment.refund(id));
  }
  createTracker(trackingCode: string, carrier: string, options: CallOptions = {}) {
    return this.call(options, (c) => c.Tracker.create({ tracking_code: trackingCode, carrier }));
  }
  listWebhooks(options: CallOptions = {}) {
    return this.call(options, (c) => c.Webhook.all());
  }
  createWebhook(url: string, secret: string | undefined, options: CallOptions = {}) {
    return this.call(options, (c) =>
      c.Webhook.create({ url, ...(secret ? { webhook_secret: secret } : {}) }),
    );
  }

  // The SDK is loaded (./sdk.ts) before the deadline starts: its import is no part of EasyPost's time to answer.
  private async call<T>(options: CallOptions, run: (client: EasyPostSdk) => Promise<T>): Promise<T> {
    const EasyPostClient = await loadEasyPostClient();
    return withDeadline("EASYPOST", options, async () => {
      const client = new EasyPostClient(this.#credentials.apiKey, {
        baseUrl: normaliseBase(this.#credentials.baseUrl ?? EASYPOST_BASE_URL),
        requestMiddleware: (request: SuperagentRequest) =>
          options.timeoutMs ? request.timeout({ deadline: options.timeoutMs }) : request,
      });
      let answered: { status: number; body: unknown } | undefined;
      client.addResponseHook((v: { httpStatus: number; responseBody: unknown }) => {
        answered = { status: v.httpStatus, body: v.responseBody };
      });
      try {
        return await run(client);
      } catch (error) {
        throw toProviderError(error, answered);
      }
    });
  }
}
