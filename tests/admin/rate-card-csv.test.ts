import { describe, expect, it } from "vitest";
import { csvRows, rateCardFromRows, rateCardToCsv } from "../../app/contracts/rate-card-csv";

// The rate card CSV contract the browser preview and the server import share (docs/admin.md).
const read = (text: string) => rateCardFromRows(csvRows(text), { name: "Test", basis: "PER_PACKAGE" });

describe("rate card CSV", () => {
  it("reads zones × breaks in dollars into cents, with the per-pound row", () => {
    const { card, errors } = read(
      "max_lb,zone_2,zone_8\n1,9.10,12\n5,12.40,19.95\nover_per_lb,0.95,2.0225\n",
    );
    expect(errors).toEqual([]);
    expect(card).toEqual({
      name: "Test",
      basis: "PER_PACKAGE",
      zones: [2, 8],
      breaks: [
        { maxLb: 1, cents: [910, 1200] },
        { maxLb: 5, cents: [1240, 1995] },
      ],
      overLastBreakCentsPerLb: [95, 202.25],
    });
  });

  it("lists every bad line with its number (header = line 1) and returns no card", () => {
    const { card, errors } = read(
      "max_lb,zone_2,zone_x\n1,9.10,9.40\n1,9.90,10\n2,9.90\n3,-1,4\nover_per_lb,1,1\n4,1,1\n",
    );
    expect(card).toBeNull();
    expect(errors).toEqual([
      { line: 1, message: 'column 3 "zone_x" must be zone_<number>' },
      { line: 3, message: "max_lb 1 must be above the previous break (1)" },
      { line: 4, message: "expected 3 values, found 2" },
      { line: 5, message: 'zone 2: "-1" is not a price in dollars (e.g. 12.34)' },
      { line: 7, message: "over_per_lb must be the last row" },
    ]);
  });

  it("refuses a file without breaks or with a wrong first column", () => {
    expect(read("max_lb,zone_2\n").errors).toEqual([{ line: 2, message: "the file has no weight breaks" }]);
    expect(read("weight,zone_2\n1,2.00\n").errors).toEqual([
      { line: 1, message: 'the first column must be "max_lb"' },
    ]);
  });

  it("keeps blank lines out of the count but in the numbering", () => {
    const { errors } = read("max_lb,zone_2\n\n1,abc\n");
    expect(errors).toEqual([{ line: 3, message: 'zone 2: "abc" is not a price in dollars (e.g. 12.34)' }]);
  });

  it("writes back exactly what it reads", () => {
    const text = "max_lb,zone_2,zone_3\n1,9.10,9.40\n2.5,9.90,10.35\nover_per_lb,0.95,1.2025\n";
    expect(rateCardToCsv(read(text).card!).replace(/\r\n/g, "\n")).toBe(text);
  });
});
