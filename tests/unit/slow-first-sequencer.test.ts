import { describe, expect, it } from "vitest";
import type { TestSpecification, Vitest } from "vitest/node";
import { SLOW_FILES, SlowFirstSequencer } from "../support/slow-first-sequencer.mjs";

// The order vitest starts test files in (vitest.config.ts `sequence.sequencer`), on a fresh clone: no durations
// recorded, so vitest itself would go by project name and file size.
const ROOT = "/repo";
const spec = (path: string, project: string) =>
  ({
    moduleId: `${ROOT}/${path}`,
    project: { name: project, config: { sequence: { groupOrder: 0 }, isolate: project === "browser" } },
  }) as unknown as TestSpecification;
const freshClone = {
  config: { root: ROOT },
  cache: { getFileTestResults: () => undefined, getFileStats: () => undefined },
} as unknown as Vitest;
const paths = (files: TestSpecification[]) => files.map((f) => f.moduleId.slice(ROOT.length + 1));

describe("the slow-first sequencer", () => {
  it("starts the known slow files first, longest first, whatever their project", async () => {
    // GIVEN a fast unit file, a fast integration file, crash safety (slow, integration) and the admin pages
    // (slowest, browser), listed in the order vitest found them
    const files = [
      spec("tests/engine/zones.test.ts", "unit"),
      spec("tests/admin/home.test.ts", "integration"),
      spec("tests/scale/crash-safety.test.ts", "integration"),
      spec("tests/browser/admin-pages.test.ts", "browser"),
    ];
    // WHEN sorted
    const sorted = await new SlowFirstSequencer(freshClone).sort(files);
    // THEN the two slow files come first, in the list's order, and the rest keep vitest's own order
    expect(paths(sorted)).toEqual([
      "tests/browser/admin-pages.test.ts",
      "tests/scale/crash-safety.test.ts",
      "tests/admin/home.test.ts",
      "tests/engine/zones.test.ts",
    ]);
  });

  it("names only files that exist", async () => {
    const { existsSync } = await import("node:fs");
    expect(SLOW_FILES.filter((path) => !existsSync(path))).toEqual([]);
  });
});
