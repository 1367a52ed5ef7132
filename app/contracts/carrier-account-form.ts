import { z } from "zod";

// The carrier accounts page's forms (app/routes/app.carrier-accounts.tsx) and the stored list of an account's
// carrier accounts. docs/carriers.md.

export const ProviderKindSchema = z.enum(["EASYPOST", "SHIPPO"], { error: "pick EasyPost or Shippo" });

/** Connect an account: which API, a name, the key (never echoed back, never logged). */
export const AddCarrierAccountForm = z.object({
  provider: ProviderKindSchema,
  label: z.string().trim().min(1, "enter a name").max(60, "at most 60 characters"),
  apiKey: z
    .string()
    .min(8, "paste the whole API key")
    .max(200, "that is longer than any API key")
    .regex(/^\S+$/, "an API key has no spaces"),
});
export type AddCarrierAccountForm = z.infer<typeof AddCarrierAccountForm>;

/** A Tailroute service priced by one of the account's carrier accounts and services. */
export const CarrierServiceMappingForm = z.object({
  serviceCode: z.string().min(1, "pick a Tailroute service"),
  carrierAccountId: z.string().min(1, "pick a connected account"),
  providerAccount: z.string().trim().min(1, "pick the carrier account").max(100),
  providerService: z
    .string()
    .trim()
    .min(1, "enter the provider's service code (EasyPost: Ground; Shippo: ups_ground)")
    .max(100),
});
export type CarrierServiceMappingForm = z.infer<typeof CarrierServiceMappingForm>;

const whole = (min: number, max: number, what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `enter ${what}` : "enter a number") })
    .int("enter a whole number")
    .min(min)
    .max(max);

/**
 * Live-rate behaviour. The budget stays under the callback's own 2.5 s engine budget and well under Shopify's
 * shortest documented timeout (3 s).
 */
export const LiveRateSettingsForm = z.object({
  budgetMs: whole(100, 2500, "the budget in milliseconds"),
  breakerFailures: whole(1, 50, "a number of failures"),
  breakerCooldownMs: whole(1000, 600_000, "the cool-down in milliseconds"),
  cacheTtlMs: whole(0, 3_600_000, "how long to reuse a live rate, in milliseconds"),
});
export type LiveRateSettingsForm = z.infer<typeof LiveRateSettingsForm>;

export const LIVE_RATE_DEFAULTS: LiveRateSettingsForm = {
  budgetMs: 1500,
  breakerFailures: 5,
  breakerCooldownMs: 30_000,
  cacheTtlMs: 120_000,
};

/** CarrierAccount.carrierAccounts: the provider's accounts as last listed by "test connection". */
export const StoredProviderCarrierAccountsSchema = z
  .array(
    z.object({
      id: z.string(),
      carrier: z.string(),
      label: z.string(),
      description: z.string().optional(),
      active: z.boolean(),
      services: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  )
  .nullable();
