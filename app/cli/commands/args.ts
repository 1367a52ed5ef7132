/**
 * The value after `--name` in a command's arguments: undefined when the flag is absent, null when it has no
 * value (the next word is another flag, or nothing).
 */
export function option(args: string[], name: string): string | undefined | null {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  return value && !value.startsWith("--") ? value : null;
}

/** "2026-12-06 13:22:10" (UTC), or `never` for a missing date. */
export const when = (d: Date | null, never = "—") =>
  d ? d.toISOString().replace("T", " ").slice(0, 19) : never;
