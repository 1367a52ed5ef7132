import type { Issue, IssueCode, IssueLevel } from "./types";

/**
 * Collects issues for one quote, dropping exact duplicates (the same service can be rejected for several
 * warehouses with the same message) while keeping first-seen order so output stays deterministic.
 *
 * @example
 * const issues = new IssueList();
 * issues.add("UNKNOWN_ZIP", "error", "ZIP 00000 is not a known US ZIP code");
 * issues.toArray(); // [{ code: "UNKNOWN_ZIP", level: "error", message: "ZIP 00000 is not a known US ZIP code" }]
 */
export class IssueList {
  private readonly seen = new Set<string>();
  private readonly items: Issue[] = [];

  add(code: IssueCode, level: IssueLevel, message: string, carrier?: string): void {
    const key = `${code}|${level}|${carrier ?? ""}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(carrier === undefined ? { code, level, message } : { code, level, message, carrier });
  }

  hasErrors(): boolean {
    return this.items.some((i) => i.level === "error");
  }

  toArray(): Issue[] {
    return this.items.slice();
  }
}
