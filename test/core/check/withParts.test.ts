/*
 * The pane's engine checks a workbook with only the parts it needs (check/withParts.ts): the
 * findings must be checkWorkbook's, whichever workbook, and a part a workbook needs may not be left
 * out quietly.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { ledgerTables, readLedger } from "../../../src/core/check/ledgerPart";
import {
  INPUT_RULE_COUNT,
  checkWorkbookWith,
  partsNeeded,
} from "../../../src/core/check/withParts";
import type { CheckParts } from "../../../src/core/check/withParts";
import type { Grid } from "../../../src/core/grid";
import { INPUT_RULES } from "../../../src/core/rules/inputRules";
import { WORKBOOK_RULES } from "../../../src/core/rules";
import type { PreviousDisclosure } from "../../../src/core/previous/types";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { cloneGrid } from "../../helpers/fixtures";

const EXAMPLES = path.resolve(__dirname, "../../../examples");
const example = async (name: string) =>
  (await gridsFromXlsx(readFileSync(path.join(EXAMPLES, `${name}.xlsx`)))).map(cloneGrid);

/** tunliu with its 情况说明 as a sheet, as a clerk's workbook may have it. */
async function tunliuWithNarrative(): Promise<Grid[]> {
  const grids = await example("tunliu-2024");
  const text = readFileSync(
    path.resolve(__dirname, "../../fixtures/narratives/tunliu-2024.txt"),
    "utf8"
  );
  grids.push({
    sheet: "情况说明",
    origin: { row: 1, col: 1 },
    values: text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => [line]),
  });
  return grids;
}

/** Only the parts partsNeeded names, as the pane loads them. */
function neededParts(grids: readonly Grid[]): CheckParts {
  const needed = partsNeeded(grids);
  return {
    ...(needed.inputRules ? { inputRules: INPUT_RULES } : {}),
    // The ledger part (check/ledgerPart.ts, one chunk in the pane): the reader and the tables.
    ...(needed.ledgerTables ? { ledgerTables, readLedger } : {}),
  };
}

describe("checkWorkbookWith the parts a workbook needs", () => {
  test("the rules that need input are the last of WORKBOOK_RULES, and counted", () => {
    expect(INPUT_RULES.length).toBe(INPUT_RULE_COUNT);
    expect(WORKBOOK_RULES.slice(-INPUT_RULES.length)).toEqual(INPUT_RULES);
  });

  test.each([
    ["tunliu-2024", () => example("tunliu-2024"), { inputRules: false, ledgerTables: false }],
    ["quyang-2024", () => example("quyang-2024"), { inputRules: false, ledgerTables: false }],
    [
      "quyang-2024-ledger",
      () => example("quyang-2024-ledger"),
      { inputRules: false, ledgerTables: true },
    ],
    [
      "tunliu-2024 with a 情况说明 sheet",
      tunliuWithNarrative,
      { inputRules: true, ledgerTables: false },
    ],
  ])("%s: the same findings and count of rules as checkWorkbook", async (_, load, needed) => {
    const grids = await load();
    expect(partsNeeded(grids)).toEqual(needed);
    const full = checkWorkbook(grids);
    const partial = checkWorkbookWith(neededParts(grids), grids);
    expect(partial.findings).toEqual(full.findings);
    expect(partial.rulesRun).toBe(full.rulesRun);
    expect(partial.coverage).toEqual(full.coverage);
    expect(partial.template).toBe(full.template);
  });

  test("last year's file or a 情况说明 from outside needs the input rules", async () => {
    const grids = await example("tunliu-2024");
    expect(partsNeeded(grids, { previous: {} as PreviousDisclosure }).inputRules).toBe(true);
    expect(partsNeeded(grids, { narrative: [] }).inputRules).toBe(true);
  });

  test("refuses to check without a part the workbook needs", async () => {
    const narrated = await tunliuWithNarrative();
    const ledger = await example("quyang-2024-ledger");
    const plain = await example("tunliu-2024");
    expect(() => checkWorkbookWith({}, narrated)).toThrow(/inputRules/);
    expect(() => checkWorkbookWith({}, ledger)).toThrow(/ledgerTables/);
    expect(() => checkWorkbookWith({}, plain, { previous: {} as PreviousDisclosure })).toThrow(
      /inputRules/
    );
  });
});
