import { z } from "zod";

/** The Background work page's buttons: Retry or Discard one job of the shop. */
export const JobActionForm = z.object({
  intent: z.enum(["retry", "discard"]),
  id: z.string().trim().min(1, "a job id is required").max(100),
});
export type JobActionForm = z.infer<typeof JobActionForm>;
