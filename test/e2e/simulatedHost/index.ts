/*
 * The end-to-end page's office.js: loaded by taskpane.e2e.html where taskpane.html loads Microsoft's
 * script, it defines the globals the add-in expects from Office —
 *   Office          onReady resolves at once with host Excel; display language zh-CN; every
 *                   requirement set supported;
 *   Excel           the in-memory Excel of test/support/memoryExcel, holding the fixture;
 *   OfficeExtension its error class;
 *   CustomFunctions associate/Error/ErrorCode, so that functions.js registers as it does in Excel —
 * and `window.__simulatedExcel` (see ./api) for the test to inspect the workbook.
 * The fixture's Grids are compiled in (test/e2e/webpack.e2e.config.js): the page fetches nothing.
 */
import type { Grid } from "../../../src/core/grid";
import { createMemoryExcel } from "../../support/memoryExcel";
import type { SimulatedExcel } from "./api";

declare const __E2E_FIXTURE__: { name: string; grids: Grid[] };

/* global window */

const memory = createMemoryExcel(__E2E_FIXTURE__.grids, { displayLanguage: "zh-CN" });

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const sheetById = (id: string | undefined) => memory.workbook.sheets.find((s) => s.id === id);

/** The workbook's document settings, as Office keeps them: in memory until saveAsync. */
const settingValues = new Map<string, unknown>();
const settings = {
  get: (name: string) => (settingValues.has(name) ? settingValues.get(name) : null),
  set: (name: string, value: unknown) => void settingValues.set(name, value),
  remove: (name: string) => void settingValues.delete(name),
  saveAsync: (callback?: (result: { status: string }) => void) =>
    callback?.({ status: "succeeded" }),
};

const office = {
  ...(memory.Office as unknown as Record<string, unknown>),
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    ...(memory.Office.context as unknown as Record<string, unknown>),
    displayLanguage: "zh-CN",
    requirements: { isSetSupported: () => true },
    document: { settings },
  },
};

const associated: string[] = [];
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}
const customFunctions = {
  associate(id: string | Record<string, unknown>) {
    associated.push(...(typeof id === "string" ? [id] : Object.keys(id)));
  },
  Error: CustomFunctionError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

const simulated: SimulatedExcel = {
  fixture: __E2E_FIXTURE__.name,
  workbook: () => copy(memory.workbook),
  sheetNames: () => memory.workbook.sheets.map((s) => s.name),
  sheet: (name) => {
    const sheet = memory.sheet(name);
    return sheet ? copy(sheet) : null;
  },
  activeSheet: () => sheetById(memory.workbook.activeSheetId)?.name ?? null,
  selection: () => {
    const selection = memory.workbook.selection;
    const sheet = sheetById(selection?.sheetId);
    return selection && sheet ? { sheet: sheet.name, address: selection.address } : null;
  },
  syncCount: () => memory.syncCount(),
  syncLog: () => copy(memory.syncLog),
  customFunctions: () => [...associated],
};

Object.assign(window, {
  Office: office,
  Excel: memory.Excel,
  OfficeExtension: memory.OfficeExtension,
  CustomFunctions: customFunctions,
  __simulatedExcel: simulated,
});
