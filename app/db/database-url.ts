import { isAbsolute, resolve } from "node:path";

/** Where the SQLite database lives when DATABASE_URL is not set (relative to the project root). */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";

/**
 * The one place that reads DATABASE_URL, shared by the app, the CLI, the demo and prisma.config.ts,
 * so all of them open the same file. Relative SQLite paths are resolved against the project root
 * (not the caller's working directory), because Prisma's CLI and runtime would otherwise disagree.
 */
export function databaseUrl(
  env: Record<string, string | undefined> = process.env,
  projectRoot = process.cwd(),
): string {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) return url;
  const path = url.slice("file:".length);
  return `file:${isAbsolute(path) ? path : resolve(projectRoot, path)}`;
}

/** The filesystem path of a `file:` SQLite URL. */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error("Not a SQLite file URL");
  return url.slice("file:".length);
}
