import { readFileSync } from "node:fs";
import { join } from "node:path";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** A JSON fixture from tests/fixtures, parsed afresh each call so tests can change their copy. */
export function fixture<T = Record<string, unknown>>(relativePath: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, relativePath), "utf8")) as T;
}
