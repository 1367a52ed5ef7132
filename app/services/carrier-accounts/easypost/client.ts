import EasyPostClient from "@easypost/api";
import { isNetworkError, withDeadline } from "../call-deadline";
import { ProviderError, type CallOptions, type ProviderCredentials } from "../types";
import { fromEasyPostError } from "./mapper";

/** The SDK's production base (EasyPostClient.DEFAULT_BASE_URL); `baseUrl` replaces it for fakes. */
export const EASYPOST_BASE_URL = "https://api.easypost.com/v2/";

interface SuperagentRequest {
  timeout(ms: { deadline: number } | number): SuperagentRequest;
}

/**
 * A thin wrapper over the official SDK (`@easypost/api` 8): one SDK client per call, because the SDK's own
 * `timeout` option is stored but never applied to requests, so the deadline and the abort are attached through
 * its `requestMiddleware` (superagent's `timeout` / `abort`). Errors come back as ProviderError.
 */
export class EasyPostApi {
  // A JS private field: util.inspect / console.log of this object never shows the key.
  readonly #credentials: ProviderCredentials;

  constructor(credentials: ProviderCredentials) {
    this.#credentials = credentials;
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

  private call<T>(options: CallOptions, run: (client: InstanceType<typeof EasyPostClient>) => Promise<T>) {
    // The wait ends at the deadline or the caller's abort (withDeadline); the socket itself is closed by
    // superagent's own deadline (calling its abort() from an AbortSignal listener throws an uncaught "Aborted").
    return withDeadline("EASYPOST", options, async () => {
      const client = new EasyPostClient(this.#credentials.apiKey, {
        baseUrl: normaliseBase(this.#credentials.baseUrl ?? EASYPOST_BASE_URL),
        requestMiddleware: (request: SuperagentRequest) =>
          options.timeoutMs ? request.timeout({ deadline: options.timeoutMs }) : request,
      });
      // The SDK throws a TypeError for an error answer without EasyPost's error body; the hook keeps the status.
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

const normaliseBase = (url: string) => (url.endsWith("/") ? url : `${url}/`);

function toProviderError(error: unknown, answered: { status: number; body: unknown } | undefined) {
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
