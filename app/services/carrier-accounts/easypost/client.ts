import { isNetworkError, withDeadline } from "../call-deadline";
import { ProviderError, type CallOptions, type ProviderCredentials } from "../types";
import { fromEasyPostError } from "./mapper";
import { loadEasyPostClient, type EasyPostSdk } from "./sdk";

/** The SDK's production base (EasyPostClient.DEFAULT_BASE_URL); `baseUrl` replaces it for fakes. */
export const EASYPOST_BASE_URL = "https://api.easypost.com/v2/";

interface SuperagentRequest {
  timeout(ms: { deadline: number } | number): SuperagentRequest;
}

/**
 * A thin wrapper over the official SDK (`@easypost/api` 8, loaded on the first call: ./sdk.ts), one SDK client per
 * account (building one costs about a millisecond of CPU: not per call on the checkout path). The SDK's own
 * `timeout` option is stored but never applied to requests, so each call's deadline goes through its
 * `requestMiddleware` (superagent's `timeout`). Between a call's start and its request hook everything runs
 * synchronously, which is how the middleware and the hooks know which call they serve. Errors come back as
 * ProviderError.
 */
export class EasyPostApi {
  // JS private fields: util.inspect / console.log of this object never shows the key.
  readonly #credentials: ProviderCredentials;
  #client: Promise<EasyPostSdk> | undefined;
  #starting: { deadlineMs?: number; uuid?: string } | undefined;
  readonly #errorAnswers = new Map<string, { status: number; body: unknown }>();

  constructor(credentials: ProviderCredentials) {
    this.#credentials = credentials;
  }

  private async newClient(): Promise<EasyPostSdk> {
    const credentials = this.#credentials;
    const EasyPostClient = await loadEasyPostClient();
    const client = new EasyPostClient(credentials.apiKey, {
      baseUrl: normaliseBase(credentials.baseUrl ?? EASYPOST_BASE_URL),
      requestMiddleware: (request: SuperagentRequest) => {
        const deadlineMs = this.#starting?.deadlineMs;
        return deadlineMs ? request.timeout({ deadline: deadlineMs }) : request;
      },
    });
    client.addRequestHook((v: { requestUUID: string }) => {
      if (this.#starting && !this.#starting.uuid) this.#starting.uuid = v.requestUUID;
    });
    // The SDK throws a TypeError for an error answer without EasyPost's error body; this keeps its status.
    client.addResponseHook((v: { requestUUID: string; httpStatus: number; responseBody: unknown }) => {
      if (v.httpStatus >= 300)
        this.#errorAnswers.set(v.requestUUID, { status: v.httpStatus, body: v.responseBody });
    });
    return client;
  }

  createShipment(params: Record<string, unknown>, options: CallOptions = {}) {
    return this.call(options, (client) => client.Shipment.create(params));
  }

  createOrder(params: Record<string, unknown>, options: CallOptions = {}) {
    return this.call(options, (client) => client.Order.create(params));
  }

  listCarrierAccounts(options: CallOptions = {}) {
    return this.call(options, (client) => client.CarrierAccount.all());
  }

  private async call<T>(options: CallOptions, run: (client: EasyPostSdk) => Promise<T>) {
    // The SDK is loaded before the deadline starts: its import is no part of EasyPost's time to answer.
    const client = await (this.#client ??= this.newClient());
    // The wait ends at the deadline or the caller's abort (withDeadline); the socket itself is closed by
    // superagent's own deadline (calling its abort() from an AbortSignal listener throws an uncaught "Aborted").
    return withDeadline("EASYPOST", options, async () => {
      const call: { deadlineMs?: number; uuid?: string } = { deadlineMs: options.timeoutMs };
      this.#starting = call;
      let pending: Promise<T>;
      try {
        pending = run(client);
      } finally {
        this.#starting = undefined;
      }
      try {
        return await pending;
      } catch (error) {
        throw toProviderError(error, call.uuid ? this.#errorAnswers.get(call.uuid) : undefined);
      } finally {
        if (call.uuid) this.#errorAnswers.delete(call.uuid);
      }
    });
  }
}

export const normaliseBase = (url: string) => (url.endsWith("/") ? url : `${url}/`);

/** An SDK failure as one ProviderError (shared by the rating and the label calls). */
export function toProviderError(error: unknown, answered: { status: number; body: unknown } | undefined) {
  if (error instanceof ProviderError) return error;
  const e = error as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    timeout?: unknown;
  };
  if (typeof e.statusCode === "number")
    return fromEasyPostError(e.statusCode, {
      error: { code: e.code ?? "UNKNOWN", message: e.message, errors: e.errors },
    });
  if (answered && answered.status >= 300) return fromEasyPostError(answered.status, answered.body);
  if (e.timeout !== undefined) return new ProviderError("EASYPOST", "TIMEOUT", "EasyPost: no answer in time");
  if (isNetworkError(error)) return new ProviderError("EASYPOST", "NETWORK", "EasyPost could not be reached");
  return new ProviderError(
    "EASYPOST",
    "UNEXPECTED",
    `EasyPost call failed: ${error instanceof Error ? error.name : "unknown"}`,
  );
}
