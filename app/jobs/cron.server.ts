import { CronExpressionParser } from "cron-parser";

/** The first occurrence of a five-field cron expression strictly after `after` (UTC). */
export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}
