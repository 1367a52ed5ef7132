import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appSourcesDigest } from "../../scripts/lib/app-server";

// The test suites reuse the app build when its sources are unchanged (ensureAppBuilt): the digest must change
// with anything the build compiles, or a suite would run against stale code.
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), "tailroute-digest-"));
  roots.push(root);
  mkdirSync(join(root, "app", "routes"), { recursive: true });
  writeFileSync(join(root, "app", "root.tsx"), "export default 1;");
  writeFileSync(join(root, "app", "routes", "a.tsx"), "export const a = 1;");
  mkdirSync(join(root, "scripts"));
  for (const file of ["remix.config.js", "tsconfig.json", "package-lock.json", "scripts/build-server.mjs"])
    writeFileSync(join(root, file), "{}");
  return root;
}

describe("the app build's source digest", () => {
  it("is the same for the same sources", () => {
    expect(appSourcesDigest(checkout())).toBe(appSourcesDigest(checkout()));
  });

  it.each([
    ["a route is edited", "app/routes/a.tsx", "export const a = 2;"],
    ["a file is added under app/", "app/routes/b.tsx", "export const b = 1;"],
    ["a dependency changes", "package-lock.json", '{"lockfileVersion":3}'],
    ["the Remix configuration changes", "remix.config.js", "export default {};"],
    ["the app server's compilation changes", "scripts/build-server.mjs", "await build({ minify: true });"],
  ])("changes when %s", (_, file, content) => {
    // GIVEN two identical checkouts
    const before = checkout();
    const after = checkout();
    // WHEN one of them changes
    writeFileSync(join(after, file), content);
    // THEN their digests differ, so the next test run rebuilds
    expect(appSourcesDigest(after)).not.toBe(appSourcesDigest(before));
  });

  it("changes when a file is renamed, not only when content changes", () => {
    const before = checkout();
    const after = checkout();
    rmSync(join(after, "app", "routes", "a.tsx"));
    writeFileSync(join(after, "app", "routes", "c.tsx"), "export const a = 1;");
    expect(appSourcesDigest(after)).not.toBe(appSourcesDigest(before));
  });
});
