import { z } from "zod";
import { CARRIER_CATALOGUE } from "../engine/catalogue";

/** A service code as the admin creates it: what Shopify's rate callback and the decision log name it by. */
export const ServiceCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, up to 40 (e.g. ups-ground)");

/** "Add from catalogue" on the Carriers page: which catalogue entry, under which code and name. */
export const AddServiceForm = z.object({
  catalogueId: z.enum(CARRIER_CATALOGUE.map((entry) => entry.id) as [string, ...string[]], {
    error: "pick a service from the catalogue",
  }),
  code: ServiceCodeSchema,
  name: z.string().min(1, "enter a name").max(80, "at most 80 characters"),
});
export type AddServiceForm = z.infer<typeof AddServiceForm>;

/** The catalogue id a service code defaults to: UPS_GROUND → ups-ground. */
export const defaultServiceCode = (catalogueId: string) => catalogueId.toLowerCase().replace(/_/g, "-");
