import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MINIMUM_NODE, isSupportedNode } from "../../bin/node-version.mjs";

describe("Node version gate", () => {
  it("accepts 22.12 and later, refuses older releases", () => {
    expect(isSupportedNode("24.21.0")).toBe(true);
    expect(isSupportedNode("22.12.0")).toBe(true);
    expect(isSupportedNode("23.0.1")).toBe(true);
    expect(isSupportedNode("22.11.9")).toBe(false);
    expect(isSupportedNode("20.20.2")).toBe(false);
  });

  it("agrees with package.json engines", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE}`);
  });

  it("lets the running (supported) Node through the real gate script", () => {
    // GIVEN the Node that runs the tests (>= 22.12, else npm test would have stopped before vitest)
    // WHEN the gate script runs
    const result = spawnSync(process.execPath, ["bin/check-node.mjs"], { encoding: "utf8" });
    // THEN it exits 0 silently
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });
});
