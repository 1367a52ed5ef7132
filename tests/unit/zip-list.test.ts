import { describe, expect, it } from "vitest";
import { readZipList, zipListFromText } from "../../app/contracts/zip-list";

describe("a surcharge-area ZIP list", () => {
  it("reads 5-digit ZIPs, ZIP+4 (as its ZIP5) and 3-digit prefixes, one per line", () => {
    const list = zipListFromText("01026\n03251-1234\n995\n\n# Hawaii\n967\n");
    expect(list).toEqual({ zip5: ["01026", "03251"], zip3: ["995", "967"], duplicates: 0, errors: [] });
  });

  it("reads the first column of a CSV and skips its header line", () => {
    const list = zipListFromText('ZIP Code,State\r\n"04462",ME\r\n59001,MT\r\n');
    expect(list.zip5).toEqual(["04462", "59001"]);
    expect(list.errors).toEqual([]);
  });

  it("counts a ZIP listed twice once, and says how many repeats it ignored", () => {
    const list = zipListFromText("12851\n12851\n12851-0001\n");
    expect(list.zip5).toEqual(["12851"]);
    expect(list.duplicates).toBe(2);
  });

  it("names every bad line by number and keeps nothing when any line is wrong", () => {
    // GIVEN a list with a ZIP that lost its leading zero, a 6-digit number and a word
    const list = zipListFromText("ZIP\n59001\n1026\n123456\nAnchorage\n");
    // THEN each is reported on its own line, and no ZIP is kept
    expect(list.errors).toEqual([
      {
        line: 3,
        message: '"1026" has 4 digits: a spreadsheet may have dropped a leading zero (write 01026)',
      },
      { line: 4, message: '"123456" must be a 5-digit ZIP, a ZIP+4 or a 3-digit prefix' },
      { line: 5, message: '"Anchorage" is not a ZIP' },
    ]);
    expect(list.zip5).toEqual([]);
  });

  it("refuses a list with no ZIP at all", () => {
    expect(zipListFromText("ZIP\n\n# nothing yet\n").errors).toEqual([
      { line: 1, message: "the list holds no ZIP" },
    ]);
  });

  it("reports its progress while reading a long list, and reads it the same way", () => {
    const text = Array.from({ length: 5000 }, (_, i) => String(10000 + i)).join("\n");
    const reading = readZipList(text, 1000);
    const shares: number[] = [];
    let step = reading.next();
    while (!step.done) {
      shares.push(step.value);
      step = reading.next();
    }
    expect(shares).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(step.value.zip5).toHaveLength(5000);
    expect(step.value).toEqual(zipListFromText(text));
  });
});
