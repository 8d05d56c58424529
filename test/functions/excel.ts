/*
 * Calls the BUDGET custom functions the way Excel does, from the metadata Excel reads
 * (functions.json, generated here from the JSDoc of src/functions/functions.ts by the same library
 * the build uses): ranges arrive as 2-D arrays, single cells as 1×1 arrays where the parameter is a
 * matrix, an omitted optional argument as null, a repeating parameter as one array of its
 * arguments, and an Invocation with the parameter addresses last. A CustomFunctions.Error comes
 * back as the error Excel would show. Results are checked as Excel needs them: a spilled result
 * rectangular, every cell a number, a string or a boolean.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** What a formula argument is: a range on a sheet ("收入总表!B1:B33" and its values) or a literal. */
export interface RangeArg {
  address: string;
  values: unknown[][];
}
export type Arg = RangeArg | string | number | boolean | null;

export type ExcelResult =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message?: string } };

interface ParameterMetadata {
  name: string;
  dimensionality?: "matrix";
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: "matrix" };
  options?: { requiresParameterAddresses?: boolean };
}

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

/** The part of the CustomFunctions runtime functions.ts uses, with Excel's error strings. */
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
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

const FUNCTIONS_TS = path.resolve(__dirname, "../../src/functions/functions.ts");

let registry: Promise<Map<string, { meta: FunctionMetadata; fn: (...a: unknown[]) => unknown }>>;

/** functions.json as the build generates it, and the function each id is associated with. */
export function loadFunctions() {
  registry ??= (async () => {
    const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
    if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
    const metadata = JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] };
    const module = require(FUNCTIONS_TS) as Record<string, (...a: unknown[]) => unknown>;
    const byId = new Map<string, { meta: FunctionMetadata; fn: (...a: unknown[]) => unknown }>();
    for (const { id, functionName } of generated.associate) {
      const meta = metadata.functions.find((f) => f.id === id)!;
      byId.set(id, { meta, fn: module[functionName] });
    }
    return byId;
  })();
  return registry;
}

export const range = (address: string, values: unknown[][]): RangeArg => ({ address, values });

const isRange = (arg: Arg): arg is RangeArg =>
  typeof arg === "object" && arg !== null && "values" in arg;

/** An argument as a parameter of this shape receives it. */
function argumentFor(parameter: ParameterMetadata, arg: Arg): unknown {
  if (parameter.dimensionality === "matrix") return isRange(arg) ? arg.values : [[arg]];
  if (isRange(arg)) {
    // Excel would call the function once per cell ("lifting"); these tests never need that.
    if (arg.values.length !== 1 || arg.values[0].length !== 1)
      throw new Error(`${parameter.name} takes one value, not a range`);
    return arg.values[0][0];
  }
  return arg;
}

function checkSpill(id: string, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0 || !value.every(Array.isArray))
    throw new Error(`${id} must return a non-empty 2-D array, returned ${JSON.stringify(value)}`);
  const width = (value[0] as unknown[]).length;
  for (const row of value as unknown[][]) {
    if (row.length !== width)
      throw new Error(`${id} returned a ragged array: Excel cannot spill it`);
    for (const cell of row) checkCell(id, cell);
  }
}

function checkCell(id: string, cell: unknown): void {
  const fine =
    typeof cell === "string" ||
    typeof cell === "boolean" ||
    (typeof cell === "number" && Number.isFinite(cell));
  if (!fine) throw new Error(`${id} returned a cell Excel cannot show: ${String(cell)}`);
}

/** =BUDGET.<id>(args…) as Excel evaluates it. */
export async function callExcel(id: string, ...args: Arg[]): Promise<ExcelResult> {
  const entry = (await loadFunctions()).get(id);
  if (!entry) throw new Error(`no custom function ${id}`);
  const { meta, fn } = entry;
  const values: unknown[] = [];
  const addresses: string[] = [];
  meta.parameters.forEach((parameter, p) => {
    if (parameter.repeating) {
      const rest = args.slice(p);
      values.push(rest.map((arg) => argumentFor(parameter, arg)));
      for (const arg of rest) addresses.push(isRange(arg) ? arg.address : "");
      return;
    }
    const arg = p < args.length ? args[p] : null;
    if (arg === null && !parameter.optional)
      throw new Error(`${id}: ${parameter.name} is required`);
    values.push(arg === null ? null : argumentFor(parameter, arg));
    addresses.push(arg !== null && isRange(arg) ? arg.address : "");
  });
  if (args.length > meta.parameters.length && !meta.parameters.some((p) => p.repeating))
    throw new Error(`${id} takes at most ${meta.parameters.length} arguments`);
  const invocation = {
    functionName: id,
    parameterAddresses: meta.options?.requiresParameterAddresses ? addresses : undefined,
  };
  let value: unknown;
  try {
    // Excel awaits a function that returns a promise (the functions load their bodies on the
    // first call: src/functions/functions.ts).
    value = await fn(...values, invocation);
  } catch (error) {
    if (error instanceof CustomFunctionsError)
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
  if (meta.result.dimensionality === "matrix") checkSpill(id, value);
  else checkCell(id, value);
  return { ok: true, value };
}

/** The spilled cells of a call that must succeed. */
export async function spill(id: string, ...args: Arg[]): Promise<unknown[][]> {
  const result = await callExcel(id, ...args);
  if (!result.ok) throw new Error(`${id} gave ${result.error.code}: ${result.error.message}`);
  return result.value as unknown[][];
}

/** The error of a call that must fail. */
export async function excelError(id: string, ...args: Arg[]) {
  const result = await callExcel(id, ...args);
  if (result.ok) throw new Error(`${id} returned ${JSON.stringify(result.value)}, not an error`);
  return result.error;
}

/** A rectangle of a grid's values, as the range "Sheet!B1:B33" hands it over (1-based, inclusive). */
export function rangeOf(
  sheet: string,
  values: readonly (readonly unknown[])[],
  top: number,
  left: number,
  bottom: number,
  right: number
): RangeArg {
  const letters = (col: number) => {
    let out = "";
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
      out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    return out;
  };
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    // Current Excel hands an empty cell of a range over as null (older builds as 0: OfficeDev/office-js#4702).
    for (let c = left; c <= right; c++) {
      const cell = values[r - 1]?.[c - 1];
      row.push(cell === undefined || cell === "" ? null : cell);
    }
    rows.push(row);
  }
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet}'`;
  return range(`${quoted}!${letters(left)}${top}:${letters(right)}${bottom}`, rows);
}
