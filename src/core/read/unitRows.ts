/**
 * The department's and its units' rows in a 项目支出表: subtotals that carry a name, not projects.
 * A row whose name is the department's (from the header) or the department's with a suffix such as
 * （本级） is the department's; a row that names some other unit but adds up the projects below it
 * like one is a unit row all the same, marked so that the rules can say its name does not match.
 * Either way it is never taken for a project (export would publish it as one).
 */
import { compareSum } from "../rounding";
import type { TableRow, TableSide } from "./table";
import { compactText } from "./text";

/** Suffixes that name the department itself: 中共…组织部（本级）, …局机关. */
const OWN_SUFFIX = /^[([]?(本级|机关|本部|机关本级)[)\]]?$/;

/** Names that end like an organisation (部, 委, 局 … 中心), optionally with （本级）. */
const ORGANISATION =
  /(部|委|局|厅|院|会|室|办|处|所|中心|馆|站|队|校|学|组|团|社|署|委员会)([([]?(本级|机关|本部)[)\]]?)?$/;

/** A leading unit code (203001 …) is not part of the name. */
function bareName(label: string): string {
  return compactText(label).replace(/^\d{3,}/, "");
}

/** "exact" for the department's own name, "suffix" for it with （本级） and the like. */
export function matchesDepartment(
  label: string,
  department: string
): "exact" | "suffix" | undefined {
  const name = bareName(label);
  const own = bareName(department);
  if (own === "" || name === "") return undefined;
  if (name === own) return "exact";
  if (name.startsWith(own) && OWN_SUFFIX.test(name.slice(own.length))) return "suffix";
  return undefined;
}

function amountOf(row: TableRow) {
  return row.cells[0];
}

/**
 * Marks the unit rows of a project list: the department's own (role total), and rows named like
 * an organisation whose 合计 is the sum of the projects that follow them up to the next such row
 * (role total, unitRow "other").
 */
export function markUnitRows(side: TableSide, department: string | undefined): void {
  for (const row of side.rows) {
    if (row.code !== undefined || row.label === "") continue;
    const match = department ? matchesDepartment(row.label, department) : undefined;
    if (match) {
      row.role = "total";
      row.unitRow = match;
    }
  }
  const rows = side.rows;
  const isUnit = (row: TableRow) => row.unitRow !== undefined;
  const organisationLike = (row: TableRow) =>
    row.role === "item" && row.code === undefined && ORGANISATION.test(bareName(row.label));
  // Bottom up, so that a department's row over its units' rows sees them marked already.
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (!organisationLike(row)) continue;
    const projects: TableRow[] = [];
    for (const next of rows.slice(i + 1)) {
      if (next.role !== "item" || organisationLike(next)) break;
      projects.push(next);
    }
    const units = rows.slice(i + 1).filter(isUnit);
    if (adds(row, projects) || (projects.length === 0 && adds(row, units))) {
      row.role = "total";
      row.unitRow = "other";
    }
  }
}

/** The row's 合计 is the sum of the rows' (within rounding), and they hold a number. */
function adds(row: TableRow, parts: readonly TableRow[]): boolean {
  const total = amountOf(row);
  const values = parts.map(amountOf).filter((c) => c?.parsed.kind === "amount");
  if (!total || total.parsed.kind !== "amount" || values.length === 0) return false;
  return (
    compareSum(
      total.value,
      values.map((c) => c!.value)
    ).agreement !== "mismatch"
  );
}
