import { readCodeCell } from "../../../src/core/codes";

describe("readCodeCell", () => {
  it("reads a clean code, typed as a number or as text, with no problem", () => {
    expect(readCodeCell(2013201)).toEqual({ text: "2013201", code: "2013201", problems: [] });
    expect(readCodeCell("'20132")).toEqual({ text: "20132", code: "20132", problems: [] });
    expect(readCodeCell("２０１")).toEqual({ text: "201", code: "201", problems: [] });
  });

  it("puts a letter O or l right and names it", () => {
    expect(readCodeCell("2O132")).toEqual({
      text: "2O132",
      code: "20132",
      problems: [{ kind: "lookalike", letter: "O", digit: "0" }],
    });
    expect(readCodeCell("2l0")).toMatchObject({
      code: "210",
      problems: [{ kind: "lookalike", letter: "l", digit: "1" }],
    });
  });

  it("reads through a space and names it", () => {
    expect(readCodeCell("201 32")).toEqual({
      text: "201 32",
      code: "20132",
      problems: [{ kind: "space" }],
    });
  });

  it("gives no code for the wrong number of digits, and says which lengths the system has", () => {
    expect(readCodeCell("201320")).toEqual({
      text: "201320",
      problems: [{ kind: "length", system: "function", digits: 6, lengths: [3, 5, 7] }],
    });
    expect(readCodeCell(3010101)).toMatchObject({
      problems: [{ kind: "length", system: "economic", digits: 7, lengths: [3, 5] }],
    });
  });

  it("names other characters and digits that begin no classification", () => {
    expect(readCodeCell("20A3")).toEqual({
      text: "20A3",
      problems: [{ kind: "character", character: "A" }],
    });
    expect(readCodeCell("101")).toEqual({
      text: "101",
      code: "101",
      problems: [{ kind: "system", first: "1" }],
    });
  });

  it("leaves blanks and words alone: they are not codes with a slip", () => {
    for (const value of ["", "  ", "合计", "其中：", null, undefined, true])
      expect(readCodeCell(value)).toBeUndefined();
  });
});
