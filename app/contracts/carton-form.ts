import { z } from "zod";

const measure = (whenEmpty: string) =>
  z.number({
    error: (issue) =>
      issue.input === undefined ? whenEmpty : issue.code === "invalid_type" ? "enter a number" : undefined,
  });

/**
 * A carton as the Cartons page saves it (inches and ounces, converted from the shop's display units): inner
 * dimensions, empty weight, the most it may weigh packed, whether it is in use, and which warehouses stock it
 * (none ticked = every warehouse).
 */
export const CartonForm = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes (e.g. box-m)"),
    name: z.string().min(1, "enter a name").max(80, "at most 80 characters"),
    lengthIn: measure("enter the inner length").positive("must be more than 0").max(240, "at most 240 in"),
    widthIn: measure("enter the inner width").positive("must be more than 0").max(240, "at most 240 in"),
    heightIn: measure("enter the inner height").positive("must be more than 0").max(240, "at most 240 in"),
    tareWeightOz: measure("enter the empty weight").nonnegative("cannot be negative"),
    maxWeightOz: measure("enter the most it may weigh packed").positive("must be more than 0"),
    active: z.boolean(),
    warehouseKeys: z.array(z.string()),
  })
  .refine((c) => c.maxWeightOz > c.tareWeightOz, {
    path: ["maxWeightOz"],
    message: "must be more than the empty weight",
  });
export type CartonForm = z.infer<typeof CartonForm>;
