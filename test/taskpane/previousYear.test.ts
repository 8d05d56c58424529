import { readPreviousDisclosure } from "../../src/core/previous/read";
import {
  PREVIOUS_SETTING,
  forgetPrevious,
  recallPrevious,
  rememberPrevious,
} from "../../src/taskpane/previousYear";
import type { DocumentSettings } from "../../src/taskpane/previousYear";
import { ledgerGrids } from "../helpers/previousYear";

/** Office's settings as a workbook keeps them: JSON, written only by saveAsync. */
function fakeSettings(fail = false): DocumentSettings & { saved: Record<string, string> } {
  const live: Record<string, unknown> = {};
  const saved: Record<string, string> = {};
  return {
    saved,
    get: (name) => live[name],
    set: (name, value) => void (live[name] = value),
    remove: (name) => void delete live[name],
    saveAsync: (callback) => {
      if (fail) return callback?.({ status: "failed", error: { message: "只读" } });
      for (const key of Object.keys(saved)) delete saved[key];
      for (const [k, v] of Object.entries(live)) saved[k] = JSON.stringify(v);
      callback?.({ status: "succeeded" });
    },
  };
}

const previous = readPreviousDisclosure(
  ledgerGrids({ name: "某部门", year: 2023, unitNature: "行政" }, [
    { functionCode: "2013201", economicCode: "30101", kind: "人员经费", amount: 300.5 },
    { functionCode: "2013201", economicCode: "30231", kind: "公用经费", amount: 1.2 },
  ]),
  { source: "某部门2023.xlsx" }
).previous!;

describe("上年公开文件 remembered with the workbook", () => {
  it("is saved in the document settings and recalled next time, with the file's name", async () => {
    const settings = fakeSettings();
    await rememberPrevious(settings, previous);
    // Next time the workbook opens: the settings as saved, read back from JSON.
    const reopened = fakeSettings();
    reopened.set(PREVIOUS_SETTING, JSON.parse(settings.saved[PREVIOUS_SETTING]));
    const recalled = recallPrevious(reopened)!;
    expect(recalled.source).toBe("某部门2023.xlsx");
    expect(recalled.year).toBe(2023);
    expect(recalled.lastYear.expenditureTotal!.toFixed(2)).toBe("301.70");
    expect(recalled.lastYear.threePublic!.toFixed(2)).toBe("1.20");
  });

  it("is forgotten on request, and a failed save is an error, not a silent loss", async () => {
    const settings = fakeSettings();
    await rememberPrevious(settings, previous);
    await forgetPrevious(settings);
    expect(recallPrevious(settings)).toBeUndefined();
    expect(settings.saved[PREVIOUS_SETTING]).toBeUndefined();
    await expect(rememberPrevious(fakeSettings(true), previous)).rejects.toThrow("只读");
  });
});
