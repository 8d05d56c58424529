/**
 * The real fixtures of other provinces (test/fixtures/real): their workbooks, facts files, and an
 * arithmetic check of the transcriptions that shares no code with the product — decimal.js on the
 * printed figures and the relations declared by hand — so the facts files can be trusted.
 */
import { readFileSync } from "fs";
import path from "path";
import Decimal from "decimal.js";
import type { Grid } from "../../src/core/grid";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import {
  NarrativeCheck,
  RealTranscription,
  Relation,
  SourceCell,
  isPrintedNumber,
} from "../fixtures/real/types";

export const REAL_DIR = path.resolve(__dirname, "../fixtures/real");

export interface RealDefect {
  id: string;
  type: Relation["type"] | "non_numeric_cell" | "narrative";
  description: string;
  sheet: string;
  cell: string;
  related_cells: string[];
  /** Implied by the other published figures; null for a text cell. */
  expected: number | null;
  /** As published (a number, or the text of a text cell). */
  actual: number | string;
  difference?: number;
  severity: "rounding" | "exact";
  /** Totals that miss only because of this cell ("Sheet!A1"); right once it is corrected. */
  knock_on_cells?: string[];
  note?: string;
}

export interface RealFacts {
  source_url: string;
  workbook: string;
  province: string;
  department: string;
  year: number;
  stage: "预算" | "决算";
  unit: string;
  sheets: string[];
  totals: Record<string, { value: number | string | null; cell: string; note?: string }>;
  per_class_expenditure: unknown[];
  checks_performed: string[];
  narrative_checks_passed: string[];
  source_defects: RealDefect[];
  /** For a 决算 workbook: what the product must say about it. */
  product_expectations?: { recognised_as: "决算"; message_contains: string };
  notes: string[];
}

export function loadRealFacts(name: string): RealFacts {
  return JSON.parse(readFileSync(path.join(REAL_DIR, `${name}.facts.json`), "utf8"));
}

export async function loadRealWorkbook(name: string): Promise<Grid[]> {
  return gridsFromXlsx(readFileSync(path.join(REAL_DIR, `${name}.xlsx`)));
}

/** The published cell at "Sheet!B7". */
export function sourceCell(t: RealTranscription, address: string): SourceCell {
  const [sheetName, a1] = address.split("!");
  const sheet = t.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`${t.name}: no sheet ${sheetName}`);
  const match = /^([A-Z])(\d+)$/.exec(a1);
  if (!match) throw new Error(`${t.name}: bad address ${address}`);
  return sheet.rows[Number(match[2]) - 1]?.[match[1].charCodeAt(0) - 65] ?? null;
}

/** Blank and text count as zero; text is reported on its own. */
function valueOf(t: RealTranscription, address: string): Decimal {
  const cell = sourceCell(t, address);
  return isPrintedNumber(cell) ? new Decimal(cell.n) : new Decimal(0);
}

const ROUNDING = new Decimal("0.01");

function severityOf(difference: Decimal): RealDefect["severity"] {
  return difference.abs().lessThanOrEqualTo(ROUNDING) ? "rounding" : "exact";
}

/** Drops the sheet from addresses on the same sheet, as the shared facts files do. */
function local(address: string, sheet: string): string {
  return address.startsWith(`${sheet}!`) ? address.slice(sheet.length + 1) : address;
}

/**
 * Every defect the published figures contain, by the declared relations: a relation that fails is
 * a defect at its total, unless it holds once each part that is itself a failing total is replaced
 * by the sum of that total's parts — then it is a knock-on of that part, noted on the part's defect.
 * Text in a cell a relation reads is a defect of its own.
 */
export function independentDefects(t: RealTranscription): Omit<RealDefect, "id">[] {
  const sum = (cells: string[]) =>
    cells.reduce((acc, c) => acc.plus(valueOf(t, c)), new Decimal(0));
  const failing = new Map<string, Relation>();
  for (const relation of t.relations) {
    if (!valueOf(t, relation.total).equals(sum(relation.parts)))
      failing.set(relation.total, relation);
  }
  const knockOnOf = new Map<string, string[]>();
  const roots: Relation[] = [];
  for (const relation of failing.values()) {
    const failingParts = relation.parts.filter((p) => failing.has(p));
    const corrected = relation.parts.reduce(
      (acc, p) => acc.plus(failing.has(p) ? sum(failing.get(p)!.parts) : valueOf(t, p)),
      new Decimal(0)
    );
    if (failingParts.length > 0 && valueOf(t, relation.total).equals(corrected)) {
      for (const p of failingParts) knockOnOf.set(p, [...(knockOnOf.get(p) ?? []), relation.total]);
    } else {
      roots.push(relation);
    }
  }
  const defects: Omit<RealDefect, "id">[] = roots.map((relation) => {
    const [sheet] = relation.total.split("!");
    const expected = sum(relation.parts);
    const actual = valueOf(t, relation.total);
    const difference = actual.minus(expected);
    return {
      type: relation.type,
      description: relation.description,
      sheet,
      cell: local(relation.total, sheet),
      related_cells: relation.parts.map((p) => local(p, sheet)),
      expected: expected.toNumber(),
      actual: actual.toNumber(),
      difference: difference.toNumber(),
      severity: severityOf(difference),
      ...(knockOnOf.has(relation.total) ? { knock_on_cells: knockOnOf.get(relation.total) } : {}),
    };
  });
  const textCells = new Set(t.relations.flatMap((r) => [r.total, ...r.parts]));
  for (const address of textCells) {
    const cell = sourceCell(t, address);
    if (typeof cell !== "string") continue;
    const [sheet] = address.split("!");
    defects.push({
      type: "non_numeric_cell",
      description: `text in an amount cell`,
      sheet,
      cell: local(address, sheet),
      related_cells: [],
      expected: null,
      actual: cell,
      severity: "exact",
    });
  }
  return defects;
}

/** Whether a narrative figure agrees with the table (or with the other stated figures). */
export function narrativeHolds(t: RealTranscription, check: NarrativeCheck): boolean {
  const stated = new Decimal(check.stated);
  const decimals = check.stated.includes(".") ? check.stated.split(".")[1].length : 0;
  switch (check.kind) {
    case "equals_cell":
      return valueOf(t, check.cell).equals(stated);
    case "sum":
      return check.addends.reduce((acc, a) => acc.plus(a), new Decimal(0)).equals(stated);
    case "percentage": {
      const rate = valueOf(t, check.numerator).dividedBy(valueOf(t, check.denominator)).times(100);
      return rate.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).equals(stated);
    }
    case "change_rate": {
      const change = new Decimal(check.change);
      const prior = valueOf(t, check.current).minus(change);
      const rate = change.abs().dividedBy(prior).times(100);
      return rate.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).equals(stated);
    }
  }
}
