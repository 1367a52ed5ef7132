import type { z } from "zod";

export interface ZodIssuesTextOptions {
  /** Name printed for an issue at the root of the value (no path). Default: none, just the message. */
  root?: string;
  /** Between issues. Default "; ". */
  separator?: string;
  /** At most this many issues are listed (the rest are counted). Default: all. */
  limit?: number;
}

/**
 * A zod error as one human-readable text: `path.to.field: message` per issue. The one way the app words validation
 * failures, in HTTP 4xx reasons, CLI errors and stored-data errors alike.
 *
 * @example
 * zodIssuesText(result.error); // "rate.destination.postal_code: Required; rate.items: Too small"
 * zodIssuesText(result.error, { root: "body" }); // "body: Expected object, received string"
 */
export function zodIssuesText(
  error: Pick<z.ZodError, "issues">,
  { root, separator = "; ", limit }: ZodIssuesTextOptions = {},
): string {
  const shown = limit === undefined ? error.issues : error.issues.slice(0, limit);
  const lines = shown.map((issue) => {
    const path = issue.path.map(String).join(".") || root;
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const hidden = error.issues.length - shown.length;
  if (hidden > 0) lines.push(`and ${hidden} more`);
  return lines.join(separator);
}
