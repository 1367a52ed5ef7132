import { UpsErrorBodySchema, UpsTokenSuccessSchema } from "../../../contracts/pickup-ups-locator";
import { LocatorError } from "./types";

// UPS OAuth Client Credentials (UPS-API/api-documentation OAuthClientCredentials.yaml): POST
// {base}/security/v1/oauth/token, HTTP Basic with the client ID and secret, form body grant_type=client_credentials;
// 200 → tokenSuccessResponse { access_token, expires_in (seconds, a string), … }; 400/401/403/429 →
// { response: { errors: [{ code, message }] } }. Nothing here ever puts the secret in a message.

/** https://onlinetools.ups.com (production) or https://wwwcie.ups.com (Customer Integration Environment). */
export const UPS_BASE_URLS = {
  PRODUCTION: "https://onlinetools.ups.com",
  TEST: "https://wwwcie.ups.com",
} as const;

/** UPS's own words for a failed call: "code: message" of the first error, else the start of the body. */
export function upsErrorText(status: number, text: string): string {
  let detail = text.slice(0, 200);
  try {
    const parsed = UpsErrorBodySchema.safeParse(JSON.parse(text));
    const first = parsed.success ? parsed.data.response.errors[0] : undefined;
    if (first) detail = [first.code, first.message].filter(Boolean).join(": ");
  } catch {
    // not JSON: keep the text
  }
  return `HTTP ${status}${detail ? ` (${detail})` : ""}`;
}

/** A bearer token for the UPS APIs from the shop's client credentials; LocatorError with UPS's status on failure. */
export async function fetchUpsAccessToken(options: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}): Promise<{ accessToken: string; expiresInSeconds: number | null }> {
  const doFetch = options.fetch ?? fetch;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`, "utf8").toString("base64");
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl.replace(/\/+$/, "")}/security/v1/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: "grant_type=client_credentials",
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw new LocatorError(`UPS OAuth could not be reached: ${(error as Error).message}`, 503);
  }
  const text = await response.text();
  if (!response.ok)
    throw new LocatorError(`UPS OAuth answered ${upsErrorText(response.status, text)}`, response.status);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new LocatorError("UPS OAuth answered something that is not JSON", 502);
  }
  const token = UpsTokenSuccessSchema.safeParse(body);
  if (!token.success) throw new LocatorError("UPS OAuth answer has no access_token", 502);
  const expires = Number(token.data.expires_in);
  return {
    accessToken: token.data.access_token,
    expiresInSeconds: Number.isFinite(expires) ? expires : null,
  };
}
