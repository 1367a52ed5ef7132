// Part of quote-caches.test.ts: the warm config's answers at the later moment, after the first moment's traffic
// filled its caches, each equal to a cold engine's (tests/engine/warm-mix.ts).
import { describe, expect, it } from "vitest";
import { quote } from "../../app/engine";
import { cold, warmMix } from "./warm-mix";

describe("quote caches, after earlier traffic", () => {
  it("answer the varied mix's later moment exactly as a cold engine does", { timeout: 120_000 }, () => {
    // GIVEN 1,800 checkouts at two moments quoted twice on one warm config (the second pass hits every cache)
    const { compiled, inputs, first, again } = warmMix();
    // WHEN each checkout of the later moment is also quoted on a cold copy THEN the answers are identical
    inputs[1]!.forEach((input, i) => {
      const reference = quote(cold(compiled), input);
      expect(first[1]![i]).toEqual(reference);
      expect(again[1]![i]).toEqual(reference);
    });
  });
});
