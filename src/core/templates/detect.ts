/**
 * Which province's set a workbook of published tables follows, told from the tables themselves.
 * It sits with the templates (not with the checks) because readers below the checks need it too:
 * figuresFromModel redraws the tables in the detected layout to report what it changed.
 */
import type { TemplateId } from "../model";
import type { WorkbookModel } from "../read/workbook";

/**
 * A central department (中央部门) by its name: an organ of the Party centre, the NPC, the CPPCC, the
 * State Council, the courts and procuratorate at the top, or a 国家… administration (its offices in
 * a province included: 国家税务总局北京市税务局 budgets as part of the central department).
 */
const CENTRAL_NAME =
  /^(?:中共中央|中国共产党中央|中央|国务院|全国人大|全国人民代表大会|全国政协|中国人民政治协商会议全国委员会|中华人民共和国|最高人民(?:法院|检察院)|国家)/;

/**
 * A ministry (教育部, 审计署, 海关总署): local governments have 厅, 局 and 委, not 部 or 署; a local
 * Party department (组织部, 宣传部 …) names its committee (曲阳县委组织部), but not always, so those
 * names alone are not taken for a ministry.
 */
const MINISTRY_NAME = /^[\u4e00-\u9fff]{1,12}(?:部|署)$/;
const PARTY_DEPARTMENT = /(?:组织|宣传|统战|统一战线工作|武装|人民武装|政法)部$/;

/**
 * Named 中国… or 中华全国… (中国气象局, 中国科学院, 中华全国总工会) and no place below the country:
 * 中国共产党曲阳县委员会组织部 or 中国人民政治协商会议某市委员会 are local. 市场 is no 市.
 */
const NATIONAL_NAME = /^(?:中国|中华全国)/;
const LOCAL_PLACE = /省|自治区|市(?!场)|自治州|州|盟|县|旗|(?<![社园])区|(?<!城)乡(?!村)|镇/;

/** Words in a table's title or department line that say the set is the central departments'. */
const CENTRAL_WORDS = /中央部门|中央本级/;

export function isCentralDepartment(name: string): boolean {
  const compact = name.replace(/[\s\u3000]/g, "");
  if (CENTRAL_NAME.test(compact)) return true;
  if (LOCAL_PLACE.test(compact)) return false;
  return (
    NATIONAL_NAME.test(compact) || (MINISTRY_NAME.test(compact) && !PARTY_DEPARTMENT.test(compact))
  );
}

/**
 * Detects the layout: Shanxi tables carry 预算公开表N; Hebei tables a 预算年度 line and a coded
 * department line; anything else that has the standard tables is the Ministry's set. The central
 * departments publish the Ministry's tables unchanged (central.ts draws them from mof.ts), so the
 * tables alone cannot tell the two apart: a workbook is the central set's when it says so — its
 * department is a central one, or a title or department line says 中央部门 / 中央本级 — and the
 * Ministry's otherwise (what a local department publishing the Ministry's sample tables is).
 */
export function detectTemplate(model: WorkbookModel): TemplateId | undefined {
  if (model.tables.length === 0) return undefined;
  if (model.tables.some((t) => t.table.tableNumber)) return "shanxi";
  if (
    model.tables.some(
      (t) =>
        t.table.department?.code || /预算年度/.test(String(t.table.grid.values.flat().join("")))
    )
  )
    return "hebei";
  const names = [model.department?.value, ...model.tables.map((t) => t.table.department?.name)];
  if (names.some((name) => name !== undefined && isCentralDepartment(name))) return "zhongyang";
  const lines = model.tables.flatMap((t) => [t.table.title?.text, t.table.department?.name]);
  if (lines.some((text) => text !== undefined && CENTRAL_WORDS.test(text))) return "zhongyang";
  return "mof";
}
