/**
 * Who and when a workbook is about — department, code, year — read the way the check reads them
 * (a ledger's 部门信息, else the tables' department line and year), without checking anything:
 * what pairing this year's file with last year's needs.
 */
import type { Grid } from "../grid";
import { findLedger, readLedger } from "../ledger";
import { readWorkbook } from "../read/workbook";
import type { UnitNature } from "../model";
import type { CurrentSubject } from "./pairing";

export interface WorkbookSubject extends CurrentSubject {
  unitNature?: UnitNature;
}

export function workbookSubject(grids: readonly Grid[]): WorkbookSubject {
  if (findLedger(grids).ledgerGrid) {
    const department = readLedger(grids).ledger?.department;
    if (!department) return {};
    const subject: WorkbookSubject = { department: department.name };
    if (department.code !== undefined) subject.departmentCode = department.code;
    if (department.year !== undefined) subject.year = department.year;
    if (department.unitNature !== undefined) subject.unitNature = department.unitNature;
    return subject;
  }
  const model = readWorkbook(grids);
  const subject: WorkbookSubject = {};
  if (model.department) subject.department = model.department.value;
  if (model.department?.code) subject.departmentCode = model.department.code;
  if (model.year) subject.year = model.year.value;
  return subject;
}
