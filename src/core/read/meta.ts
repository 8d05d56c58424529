/**
 * What the lines above a table's header say about it: the amount unit (单位：万元), the budget year
 * (预算年度：2024, 2024年部门预算, 2024年度预算) and the department (部门名称：…, 编制单位：…,
 * 203中国共产党…组织部). Each reader returns a value of its own kind or nothing, so a unit is never
 * taken for a department nor a date for a year.
 */
import { Money } from "../money";
import { compactText } from "./text";

export type AmountUnitName = "元" | "千元" | "万元" | "亿元";

/** How many 万元 one unit is. */
const UNIT_IN_WAN: Record<AmountUnitName, string> = {
  元: "0.0001",
  千元: "0.1",
  万元: "1",
  亿元: "10000",
};

/** The factor that turns an amount in `unit` into 万元, the unit tables are compared in. */
export function toWanFactor(unit: AmountUnitName | undefined): Money {
  return new Money(UNIT_IN_WAN[unit ?? "万元"]);
}

const CJK = /[\u4e00-\u9fa5]/;

/**
 * The unit a text states: 单位：万元, 金额单位: 元, 单位（万元）, or a caption's （元） / （万元）.
 * “编制单位：元氏县…” names a department, not a unit: the unit word must end the statement.
 */
export function unitOfText(text: string): AmountUnitName | undefined {
  const t = compactText(text);
  const patterns = [
    /(?:^|[^制报算门位])(?:金额)?单位[:：(]?(万元|千元|亿元|元)(.?)/,
    /[(](?:金额)?(?:单位[:：]?)?(万元|千元|亿元|元)(.?)/,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(t);
    if (m && !(m[2] && CJK.test(m[2]))) return m[1] as AmountUnitName;
  }
  return undefined;
}

/** 2000–2099, as a budget year. */
function plausibleYear(digits: string): number | undefined {
  const year = Number(digits);
  return year >= 2000 && year <= 2099 ? year : undefined;
}

/**
 * The year a line states: 预算年度：2024, 年度: 2024, 2024年…, 2024年度预算, 2024预算数. A date
 * (截止时间：2023-12-31, 2023年12月31日) is not a budget year.
 */
export function yearOfText(text: string): number | undefined {
  const t = compactText(text);
  if (/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/.test(t) || /截止|截至/.test(t)) return undefined;
  const labelled = /(?:预算|决算)?年度[:：]?(\d{4})/.exec(t);
  if (labelled) return plausibleYear(labelled[1]);
  const written = /(\d{4})(?:年|(?=预算|决算))/.exec(t);
  return written ? plausibleYear(written[1]) : undefined;
}

/** The newest year among captions (上年 and 本年 columns name two: the budget is the newer). */
export function newestYear(texts: readonly string[]): number | undefined {
  const years = texts.map(yearOfText).filter((y): y is number => y !== undefined);
  return years.length > 0 ? Math.max(...years) : undefined;
}

const INSTITUTION =
  /(部|委|局|厅|院|会|室|办|处|所|中心|馆|站|队|校|学|组|团|社|署|府|园|场|庭|台|库|关|协|联|行|司|科|股)$/;
const LABEL = /^(?:部门名称|单位名称|编制单位|填报单位|预算单位|报送单位|部门|单位)[:：](.*)$/;

/**
 * The department a line names: 部门名称：…, 编制单位：…, 单位：XX局 (not 单位：万元), or Hebei's coded
 * line 203中国共产党…组织部. A unit statement in the same cell (部门名称：XX局 单位：万元) is cut off.
 */
export function departmentOfText(text: string): { name: string; code?: string } | undefined {
  const t = compactText(text);
  const labelled = LABEL.exec(t);
  if (labelled) {
    const name = labelled[1]
      .replace(/(?:金额)?单位[:：](万元|千元|亿元|元).*$/, "")
      .replace(/(?:预算)?年度[:：]?\d{4}.*$/, "");
    if (name === "" || /^(万元|千元|亿元|元)(?![\u4e00-\u9fa5])/.test(name)) return undefined;
    if (/^[\d\s\-/.年月日:：]+$/.test(name)) return undefined;
    return { name };
  }
  const coded = /^(\d{3,})(\D.*)$/.exec(t);
  if (coded && INSTITUTION.test(coded[2]) && !/^(年|月|日|表)/.test(coded[2]))
    return { name: coded[2], code: coded[1] };
  return undefined;
}

/**
 * The department a title names before what the table is (2015年桂林市司法局部门“三公”经费情况统计表 →
 * 桂林市司法局; 台创园2017年度部门“三公”经费预算情况表 → 台创园); nothing when the title starts
 * with the table's own words (部门预算收支总表).
 */
export function departmentOfTitle(title: string): string | undefined {
  const t = compactText(title)
    .replace(/\d{4}年度?/g, "")
    .replace(/[“”"]/g, "");
  const subject =
    /^(.+?)(?=部门|单位|财政拨款|一般公共预算|政府性基金|国有资本|三公|收支|收入|支出|预算|决算|政府采购|机关运行|项目|固定资产|绩效)/.exec(
      t
    )?.[1];
  if (!subject || subject.length < 2 || /^(本|该|全)/.test(subject)) return undefined;
  return INSTITUTION.test(subject) || /园$/.test(subject) ? subject : undefined;
}

/** Two spellings of one department: the same once spaces, brackets and a （本级） suffix are dropped. */
export function sameDepartment(a: string, b: string): boolean {
  const norm = (s: string) =>
    compactText(s)
      .replace(/[()（）]/g, "")
      .replace(/本级$/, "");
  return norm(a) === norm(b);
}
