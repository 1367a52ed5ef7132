import { z } from "zod";

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
