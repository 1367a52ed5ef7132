import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { lookupZip } from "../../../app/engine/geo";

// The UPS Locator v3 request as UPS-API/api-documentation Locator.yaml documents it (fields this fake checks):
// LocatorRequest requires Request (RequestAction "Locator"), OriginAddress (AddressKeyFormat with
// AddressLine, PoliticalDivision2, PoliticalDivision1, PostcodePrimaryLow, CountryCode) and Translate
// (Locale, 5 characters); UnitOfMeasurement.Code is MI or KM; LocationSearchCriteria.SearchRadius is a whole
// number 5–100 for MI (5–150 for KM) and MaximumListSize 1–50 (both strings); AccessPointStatus 01 or 07;
// SortType 01–05. Path /api/locations/v3/search/availabilities/{reqOption}; OAuth bearer token.

const wholeInRange = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,3}$/, "must be a whole number")
    .refine((v) => Number(v) >= min && Number(v) <= max, {
      message: `must be ${min}-${max}`,
    });
const text = (max: number) => z.string().min(1).max(max);

export const DocumentedLocatorRequest = z
  .object({
    LocatorRequest: z.object({
      Request: z.object({
        RequestAction: z.literal("Locator"),
        TransactionReference: z.object({ CustomerContext: z.string().max(512).optional() }).optional(),
      }),
      OriginAddress: z.object({
        AddressKeyFormat: z.object({
          ConsigneeName: text(40).optional(),
          AddressLine: text(100),
          PoliticalDivision2: text(50),
          PoliticalDivision1: text(50),
          PostcodePrimaryLow: text(10),
          PostcodeExtendedLow: text(10).optional(),
          CountryCode: z.string().length(2),
        }),
        MaximumListSize: wholeInRange(1, 50).optional(),
      }),
      Translate: z.object({ Locale: z.string().length(5), LanguageCode: z.string().optional() }),
      UnitOfMeasurement: z.object({ Code: z.enum(["MI", "KM"]) }).optional(),
      LocationSearchCriteria: z
        .object({
          MaximumListSize: wholeInRange(1, 50).optional(),
          SearchRadius: z.string().optional(),
          AccessPointSearch: z
            .object({ AccessPointStatus: z.enum(["01", "07"]).optional() })
            .loose()
            .optional(),
        })
        .loose()
        .optional(),
      SortCriteria: z.object({ SortType: z.enum(["01", "02", "03", "04", "05"]) }).optional(),
    }),
  })
  .superRefine((body, ctx) => {
    const radius = body.LocatorRequest.LocationSearchCriteria?.SearchRadius;
    if (radius === undefined) return;
    const unit = body.LocatorRequest.UnitOfMeasurement?.Code ?? "MI";
    const checked = wholeInRange(5, unit === "KM" ? 150 : 100).safeParse(radius);
    if (!checked.success)
      ctx.addIssue({
        code: "custom",
        path: ["LocatorRequest", "LocationSearchCriteria", "SearchRadius"],
        message: checked.error.issues[0].message,
      });
  });

/** UPS's documented error body (ErrorResponse): `{ response: { errors: [{ code, message }] } }`. */
export function upsError(code: string, message: string) {
  return { response: { errors: [{ code, message }] } };
}

/**
 * Checks one request like the real endpoint would: path, bearer token, JSON body of the documented shape.
 * Returns null when it is acceptable, else the HTTP status and UPS error body to answer.
 */
export function rejectUndocumented(
  url: string,
  authorization: string | undefined,
  rawBody: string,
): { status: number; body: unknown } | null {
  if (
    !/^\/api\/locations\/v3\/search\/availabilities\/(1|8|16|24|32|40|48|56|64)(\?Locale=[a-z]{2}_[A-Z]{2})?$/.test(
      url,
    )
  )
    return { status: 404, body: upsError("10404", `No such resource ${url}`) };
  if (!authorization?.startsWith("Bearer ") || authorization.length <= "Bearer ".length)
    return { status: 401, body: upsError("250002", "Invalid Authentication Information.") };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: upsError("10001", "The request body is not valid JSON") };
  }
  const parsed = DocumentedLocatorRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, body: upsError("10002", `${issue.path.join(".")}: ${issue.message}`) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// A running fake of UPS: OAuth Client Credentials (OAuthClientCredentials.yaml: POST /security/v1/oauth/token,
// HTTP Basic client ID:secret, form grant_type=client_credentials → tokenSuccessResponse; 401 tokenErrorResponse)
// and the Locator (bearer token issued here; otherwise 401). `failNext` makes the next Locator calls answer an error
// status with UPS's ErrorResponse body: 429 "Rate Limit Exceeded" and 401 are in Locator.yaml's responses; 500 is
// not listed there and answers the same body shape.

export interface UpsFake {
  baseUrl: string;
  /** Every call in order: path, and for the Locator the origin ZIP searched. */
  calls: { path: string; status: number; zip?: string; authorization?: string; body?: string }[];
  /** The next `count` Locator calls answer `status` (then it answers normally again). */
  failNext(status: 401 | 429 | 500, count?: number): void;
  close(): Promise<void>;
}

const formValue = (body: string, name: string) => new URLSearchParams(body).get(name);

/** Two Access Points near the origin ZIP (ids from the ZIP) and one that every search finds (overlapping areas). */
function dropLocationsNear(zip: string) {
  const at = lookupZip(zip);
  const lat = at?.lat ?? 40;
  const lng = at?.lng ?? -74;
  const location = (id: string, name: string, dLat: number, street: string) => ({
    LocationID: id.replace(/\D/g, "").padEnd(6, "0"),
    Geocode: { Latitude: (lat + dLat).toFixed(4), Longitude: lng.toFixed(4) },
    AddressKeyFormat: {
      ConsigneeName: name,
      AddressLine: street,
      PoliticalDivision2: (at?.city ?? "CITY").toUpperCase(),
      PoliticalDivision1: at?.state ?? "NY",
      PostcodePrimaryLow: zip,
      CountryCode: "US",
    },
    StandardHoursOfOperation: "Mon-Fri: 9:00am-6:00pm",
    AccessPointInformation: { PublicAccessPointID: id },
  });
  return [
    location(`U${zip}1`, `UPS ACCESS POINT ${zip} A`, 0.01, "1 MAIN ST"),
    location(`U${zip}2`, `UPS ACCESS POINT ${zip} B`, -0.01, "2 MAIN ST"),
    location("U00000099", "UPS ACCESS POINT EVERYWHERE", 0.02, "99 MAIN ST"),
  ];
}

export async function startUpsFake(
  credentials: { clientId: string; clientSecret: string },
  /** Each Locator answer waits this long (a real search takes a moment; lets a test watch the progress). */
  options: { delayMs?: number } = {},
): Promise<UpsFake> {
  const issued = new Set<string>();
  const failures: number[] = [];
  const calls: UpsFake["calls"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      const answer = (status: number, reply: unknown, zip?: string) => {
        if (zip && options.delayMs) {
          setTimeout(() => send(status, reply, zip), options.delayMs);
          return;
        }
        send(status, reply, zip);
      };
      const send = (status: number, reply: unknown, zip?: string) => {
        calls.push({
          path,
          status,
          ...(zip ? { zip } : {}),
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          body,
        });
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(reply));
      };
      if (path === "/security/v1/oauth/token" && req.method === "POST") {
        const expected = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64")}`;
        if (formValue(body, "grant_type") !== "client_credentials")
          return answer(400, upsError("10400", "Invalid/Missing grant_type"));
        if (req.headers.authorization !== expected)
          return answer(401, upsError("10401", "ClientId is Invalid"));
        const token = `fake-ups-token-${issued.size + 1}`;
        issued.add(token);
        return answer(200, {
          token_type: "Bearer",
          issued_at: String(Date.now()),
          client_id: credentials.clientId,
          access_token: token,
          expires_in: "14399",
          status: "approved",
        });
      }
      const refused = rejectUndocumented(path, req.headers.authorization, body);
      if (refused) return answer(refused.status, refused.body);
      if (!issued.has(req.headers.authorization!.slice("Bearer ".length)))
        return answer(401, upsError("250002", "Invalid Authentication Information."));
      const zip = (JSON.parse(body) as z.infer<typeof DocumentedLocatorRequest>).LocatorRequest.OriginAddress
        .AddressKeyFormat.PostcodePrimaryLow;
      const failure = failures.shift();
      if (failure === 429) return answer(429, upsError("10429", "Rate Limit Exceeded"), zip);
      if (failure === 401) return answer(401, upsError("250002", "Invalid Authentication Information."), zip);
      if (failure === 500) return answer(500, upsError("10500", "Internal Server Error"), zip);
      return answer(
        200,
        {
          LocatorResponse: {
            Response: { ResponseStatus: { Code: "1", Description: "Success" } },
            SearchResults: { DropLocation: dropLocationsNear(zip) },
          },
        },
        zip,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
