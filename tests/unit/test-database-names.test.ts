import { describe, expect, it } from "vitest";
import { isStaleTestDatabase, testRunPrefix } from "../../scripts/lib/test-database-provider";

describe("PostgreSQL test databases are named per run", () => {
  it("prefixes a run's databases with the pid that started the run", () => {
    expect(testRunPrefix({ TAILROUTE_TEST_RUN_PID: "4242" })).toBe("tailroute_test_r4242_");
  });

  it("leaves a running run's databases alone and calls a dead run's, or an unnamed one's, stale", () => {
    // GIVEN run 10 is alive and run 11 is gone
    const alive = (pid: number) => pid === 10;
    // THEN only databases of the living run survive the next run's start-up sweep
    expect(isStaleTestDatabase("tailroute_test_r10_app", alive)).toBe(false);
    expect(isStaleTestDatabase("tailroute_test_r11_app", alive)).toBe(true);
    expect(isStaleTestDatabase("tailroute_test_app", alive)).toBe(true);
    // AND databases that are not test databases are never touched
    expect(isStaleTestDatabase("tailroute", alive)).toBe(false);
  });
});
