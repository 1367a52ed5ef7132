import { CronExpressionParser } from "cron-parser";

/** The first occurrence of a cron expression strictly after `after` (UTC). */
export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}

/**
 * The latest occurrence of a cron expression at or before `at` (UTC). Five fields, or six with seconds first
 * (as pg-boss reads them).
 */
export function latestOccurrence(cron: string, at: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: new Date(at.getTime() + 1), tz: "UTC" })
    .prev()
    .toDate();
}
