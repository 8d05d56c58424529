import { checkWorkbook } from "../../../src/core/check/workbook";
import { buildDisclosure } from "../../../src/core/format/disclosure";
import { readPreviousDisclosure } from "../../../src/core/previous/read";
import { loadPrevious, storePrevious } from "../../../src/core/previous/stored";
import { narrativeToText } from "../../../src/core/narrative/types";
import { loadFixture } from "../../helpers/fixtures";
import { doubledFixture } from "../../helpers/previousYear";

describe("last year's disclosure kept as JSON", () => {
  it("comes back with the same figures, and builds the same disclosure", async () => {
    const previous = readPreviousDisclosure(await doubledFixture("quyang-2024"), {
      source: "曲阳2023.xlsx",
    }).previous!;
    const json = JSON.stringify(storePrevious(previous));
    const loaded = loadPrevious(JSON.parse(json))!;
    expect(loaded.source).toBe("曲阳2023.xlsx");
    expect(loaded.year).toBe(2023);
    expect(loaded.department).toBe(previous.department);
    const show = (p: typeof previous) =>
      Object.fromEntries(Object.entries(p.lastYear).map(([k, v]) => [k, v!.toFixed(2)]));
    expect(show(loaded)).toEqual(show(previous));
    expect(loaded.lastYear.threePublic!.toFixed(2)).toBe("2.40");
    // The disclosure built with it: the same tables and text as with the file itself.
    const check = checkWorkbook(await loadFixture("quyang-2024"));
    const subject = {
      department: previous.department!,
      departmentCode: "203",
      year: 2024,
      template: "hebei" as const,
    };
    const fromFile = buildDisclosure(check, subject, { previous }).content!;
    const fromJson = buildDisclosure(check, subject, { previous: loaded }).content!;
    expect(JSON.stringify(fromJson.specs)).toBe(JSON.stringify(fromFile.specs));
    expect(narrativeToText(fromJson.narrative)).toBe(narrativeToText(fromFile.narrative));
    // Far smaller than the file would be as base64.
    expect(json.length).toBeLessThan(20000);
  });

  it("is nothing for what is not a stored disclosure", () => {
    expect(loadPrevious(undefined)).toBeUndefined();
    expect(loadPrevious({ version: 99, lines: [], lastYear: {} })).toBeUndefined();
    expect(loadPrevious({ version: 1, lines: [{ amount: "abc" }], lastYear: {} })).toBeUndefined();
  });
});
