import { z } from "zod";
import { MAX_LOCATOR_AREAS } from "../engine/pickup";

// The UPS Locator connection a merchant saves on the Pickup points page, and UPS's OAuth token answer
// (UPS-API/api-documentation OAuthClientCredentials.yaml, tokenSuccessResponse / tokenErrorResponse).

export const UPS_ENVIRONMENTS = ["PRODUCTION", "TEST"] as const;

/** The form: credentials (the secret may be left empty to keep the saved one), where and how far to search. */
export const UpsLocatorAccountInputSchema = z.object({
  clientId: z.string().trim().min(1, "Enter the UPS client ID").max(200),
  /** "" = keep the saved secret (the page never shows it back). */
  clientSecret: z.string().trim().max(200),
  environment: z.enum(UPS_ENVIRONMENTS),
  /** Extra search centres (metros), 5-digit ZIPs. */
  metroZips: z
    .array(z.string().regex(/^\d{5}$/, "Metros are 5-digit ZIP codes"))
    .max(MAX_LOCATOR_AREAS, `At most ${MAX_LOCATOR_AREAS} metros`),
  /** UPS Locator.yaml: SearchRadius 5–100 miles, whole numbers. */
  radiusMiles: z.number({ error: "Enter a radius in miles" }).int("Whole miles").min(5).max(100),
  /** Searches per refresh (delivery areas after the metros). */
  maxAreas: z.number({ error: "Enter how many areas" }).int().min(1).max(MAX_LOCATOR_AREAS),
  weeklyRefresh: z.boolean(),
});
export type UpsLocatorAccountInput = z.infer<typeof UpsLocatorAccountInputSchema>;

/** POST /security/v1/oauth/token → 200. `expires_in` is a string of seconds in the spec. */
export const UpsTokenSuccessSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.string(), z.number()]).optional(),
  status: z.string().optional(),
});

/** UPS's error body on every API: `{ response: { errors: [{ code, message }] } }`. */
export const UpsErrorBodySchema = z.looseObject({
  response: z.looseObject({
    errors: z.array(z.looseObject({ code: z.string().optional(), message: z.string().optional() })),
  }),
});
