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
  /** Issues by message (no key string is built per call: this runs for every rejected option). */
  private readonly seen = new Map<string, Issue[]>();
  private readonly items: Issue[] = [];

  /** `errorsOnly`: keep only `error` issues (a caller that reads nothing else, such as the checkout callback). */
  constructor(readonly errorsOnly = false) {}

  add(code: IssueCode, level: IssueLevel, message: string, carrier?: string): void {
    if (this.errorsOnly && level !== "error") return;
    let same = this.seen.get(message);
    if (same) {
      for (const i of same) if (i.code === code && i.level === level && i.carrier === carrier) return;
    } else {
      same = [];
      this.seen.set(message, same);
    }
    const issue: Issue = carrier === undefined ? { code, level, message } : { code, level, message, carrier };
    same.push(issue);
    this.items.push(issue);
  }

  hasErrors(): boolean {
    return this.items.some((i) => i.level === "error");
  }

  toArray(): Issue[] {
    return this.items.slice();
  }
}
