/**
 * Finds the statements a 情况说明 makes about the budget: every amount (`基本支出283.97万元`,
 * `4,707.09万元`, `１２．５万元`, `129,636元`), percentage (`占77.79%`, `增长110.84%`) and count
 * (`二级项目20个`), with the budget term it is about and where it stands.
 *
 * The subject of a number is the budget term that ends the text right before it — after the last
 * comma, colon or number — once filler such as 为, 共计安排, 预算 is taken off: in
 * “我部门机关运行经费共计安排29.32万元” the subject is 机关运行经费; in “主要为基层组织建设资金30万元”
 * it is no budget term at all (a project), and the number is kept without a subject rather than
 * pinned on the 项目支出 named earlier. A few forms take their subject from the sentence:
 * “涉及金额537.37万元” (the count just before it), “较2023年预算减少66.78万元” (the figure the
 * sentence opens with), “增长110.84%” (the change before it), “占77.79%” (the amount before it).
 */
import { HEBEI_SUMMARY_CLASSES } from "../templates";
import { Money } from "../money";

/** What a statement is about. Classes of the 支出功能分类 are `class:201` … */
export type SubjectId =
  | "incomeTotal"
  | "expenditureTotal"
  | "budgetTotal"
  | "currentIncome"
  | "carryover"
  | "fiscalIncome"
  | "fiscalTotal"
  | "general"
  | "generalExpenditure"
  | "fund"
  | "stateCapital"
  | "specialAccount"
  | "unitFunds"
  | "basic"
  | "personnel"
  | "publicUse"
  | "project"
  | "departmentFunds"
  | "threePublic"
  | "abroad"
  | "vehicle"
  | "vehiclePurchase"
  | "vehicleOperation"
  | "reception"
  | "agencyOperating"
  | "procurement"
  | "procurementGoods"
  | "procurementWorks"
  | "procurementServices"
  | "assets"
  | "assetPurchase"
  | "purchasedServices"
  | "projectsManaged"
  | "goalsPublished"
  | "projectCategory"
  | `class:${string}`;

type MentionKind = "amount" | "percent" | "count";

interface SubjectTerm {
  id: SubjectId;
  /** The term for messages. */
  label: string;
  /** Regular-expression sources, matched at the end of the text before a number. */
  aliases: string[];
  /** The kinds of number the term can introduce (default: amounts). */
  kinds?: MentionKind[];
}

const YEAR = String.raw`(?:本年|当年|本年度|当年度)`;

/**
 * The budget vocabulary. Longer, more specific forms win over shorter ones ending at the same place
 * (一般公共预算收入 over 预算收入, 财政拨款收支总预算 over 收支总预算). Terms such as 拟购置固定资产
 * and 政府购买服务 are listed only so that they are not mistaken for 固定资产 or 政府采购服务.
 */
export const SUBJECT_TERMS: readonly SubjectTerm[] = [
  {
    id: "incomeTotal",
    label: "收入总计",
    aliases: [
      "收入总计",
      "总收入",
      "(?:部门)?预算收入(?:总计|合计)?",
      "收入预算(?:总计|合计)?",
      "收入合计",
      "全部收入",
    ],
  },
  {
    id: "expenditureTotal",
    label: "支出总计",
    aliases: [
      "(?:部门)?(?:预算)?支出总计",
      "总支出",
      "(?:部门)?支出预算(?:总计|合计)?",
      "(?:部门)?预算支出(?:总计|合计)?",
      "支出合计",
      "全部支出",
    ],
  },
  {
    id: "budgetTotal",
    label: "收支总计",
    aliases: [
      "(?:部门)?预算收支(?:总计|总额)?",
      "收支预算(?:总计|总额)?",
      "收支总预算",
      "收支总计",
    ],
  },
  {
    id: "currentIncome",
    label: "本年收入",
    aliases: [
      `${YEAR}收入(?:合计)?`,
      `${YEAR}(?:财政)?拨款收入`,
      `${YEAR}(?:财政)?拨款`,
      `${YEAR}预算安排`,
      `${YEAR}预算收入`,
    ],
  },
  {
    id: "carryover",
    label: "上年结转",
    aliases: [
      "上年结转(?:结余)?(?:收入|资金)?",
      "上年(?:财政拨款)?结转(?:和结余)?(?:收入|资金)?",
      "年初(?:财政拨款)?结转(?:和结余)?",
    ],
  },
  {
    id: "fiscalIncome",
    label: "财政拨款收入",
    aliases: ["财政拨款收入(?:合计)?"],
  },
  {
    id: "fiscalTotal",
    label: "财政拨款收支总计",
    aliases: [
      "财政拨款收支总预算",
      "财政拨款收支(?:总计|总额|预算)",
      "财政拨款(?:收入)?总计",
      "财政拨款总预算",
    ],
  },
  {
    id: "general",
    label: "一般公共预算拨款收入",
    aliases: [
      "一般公共预算(?:财政)?拨款(?:收入)?",
      "一般公共预算收入",
      "一般公共预算财政拨款(?:收入)?",
    ],
  },
  {
    id: "generalExpenditure",
    label: "一般公共预算支出",
    aliases: [
      `一般公共预算${YEAR}?(?:财政拨款)?支出(?:预算)?(?:总计|合计)?`,
      `一般公共预算${YEAR}?(?:财政拨款)?(?:安排)?支出`,
    ],
  },
  {
    id: "fund",
    label: "政府性基金预算拨款",
    aliases: [
      "(?:政府性)?基金预算(?:财政)?(?:拨款)?(?:收入|支出)?",
      "政府性基金(?:收入|支出|拨款)?",
    ],
  },
  {
    id: "stateCapital",
    label: "国有资本经营预算拨款",
    aliases: ["国有资本经营预算(?:财政)?(?:拨款)?(?:收入|支出)?", "国有资本经营(?:收入)?"],
  },
  {
    id: "specialAccount",
    label: "财政专户管理资金收入",
    aliases: ["财政专户(?:管理资金|核拨)?(?:收入)?"],
  },
  { id: "unitFunds", label: "单位资金", aliases: ["单位资金(?:收入)?"] },
  { id: "basic", label: "基本支出", aliases: ["基本支出"] },
  { id: "personnel", label: "人员经费", aliases: ["人员经费", "人员支出"] },
  { id: "publicUse", label: "公用经费", aliases: ["(?:日常)?公用经费", "公用支出"] },
  { id: "project", label: "项目支出", aliases: ["项目支出(?:总额|合计|预算)?"] },
  {
    id: "departmentFunds",
    label: "部门预算资金",
    aliases: ["部门预算资金", "部门(?:预算)?资金总额"],
  },
  {
    id: "threePublic",
    label: "“三公”经费",
    aliases: ["三公经费(?:支出|预算)?(?:合计|总额)?", "三公经费财政拨款"],
  },
  {
    id: "abroad",
    label: "因公出国（境）费",
    aliases: ["因公出国\\(?境\\)?费用?", "出国\\(境\\)费用?"],
  },
  {
    id: "vehicle",
    label: "公务用车购置及运维费",
    aliases: ["公务用车购置(?:及|和)运(?:行维护|行|维|营)费用?"],
  },
  { id: "vehiclePurchase", label: "公务用车购置费", aliases: ["公务用车购置费用?"] },
  {
    id: "vehicleOperation",
    label: "公务用车运行维护费",
    aliases: ["公务用车运(?:行维护|行|维|营)费用?"],
  },
  { id: "reception", label: "公务接待费", aliases: ["公务接待费用?"] },
  { id: "agencyOperating", label: "机关运行经费", aliases: ["机关运行经费"] },
  {
    id: "procurement",
    label: "政府采购预算",
    aliases: ["政府采购(?:预算)?(?:总额|金额|合计)?"],
  },
  {
    id: "procurementGoods",
    label: "政府采购货物预算",
    aliases: ["(?:政府)?采购货物(?:类)?(?:预算)?", "货物类(?:采购)?(?:预算)?"],
  },
  {
    id: "procurementWorks",
    label: "政府采购工程预算",
    aliases: ["(?:政府)?采购工程(?:类)?(?:预算)?", "工程类(?:采购)?(?:预算)?"],
  },
  {
    id: "procurementServices",
    label: "政府采购服务预算",
    aliases: ["(?:政府)?采购服务(?:类)?(?:预算)?", "服务类(?:采购)?(?:预算)?"],
  },
  { id: "purchasedServices", label: "政府购买服务", aliases: ["政府购买服务(?:项目|支出)?"] },
  {
    id: "assets",
    label: "固定资产",
    aliases: ["固定资产(?:金额|总额|总值|原值|账面价值)?", "资产总额"],
  },
  {
    id: "assetPurchase",
    label: "拟购置固定资产",
    aliases: ["(?:拟|计划)?(?:购置|新增|新购)固定资产(?:总额|金额)?"],
  },
  {
    id: "projectsManaged",
    label: "纳入绩效目标管理的项目",
    // A bare 项目 only opens the clause (项目20个): 政府采购项目3个 is not a count of projects.
    aliases: [
      "纳入(?:绩效目标|绩效|预算)?管理的(?:二级)?项目(?:数量?|总数)?",
      "(?:部门)?二级项目(?:数量?|总数)?",
      "(?:部门)?项目(?:总数|数量)",
      "^(?:共有|共|有|涉及|其中)?项目",
    ],
    kinds: ["count"],
  },
  {
    id: "goalsPublished",
    label: "公开的项目绩效目标",
    aliases: ["公开(?:的)?(?:项目)?绩效目标(?:表)?", "项目绩效目标(?:表)?"],
    kinds: ["count"],
  },
  {
    id: "projectCategory",
    label: "项目类别",
    aliases: ["(?:其他运转类|特定目标类|人员类|运转类|公用经费类?|其他运转|特定目标)项目"],
    kinds: ["count"],
  },
];

const CLASS_NAMES: ReadonlyArray<readonly [string, string]> = HEBEI_SUMMARY_CLASSES.filter(
  ([code]) => code !== ""
);

/** Filler between a term and its number: 为, 共计安排, 预算数, 总额 … */
const FILLER =
  "(?:为|是|共计|合计|总计|小计|共|计|安排|预算数|预算|总额|金额|财政拨款|拨款|达到|达|约|的|资金|数|规模|有|了|:)";

interface CompiledTerm {
  term: SubjectTerm;
  pattern: RegExp;
}

const COMPILED: CompiledTerm[] = SUBJECT_TERMS.map((term) => ({
  term,
  pattern: new RegExp(`(${term.aliases.map((a) => `(?:${a})`).join("|")})(${FILLER}*)$`),
}));

/** The label of a subject, for messages. */
export function subjectLabel(id: SubjectId): string {
  if (id.startsWith("class:")) {
    const code = id.slice(6);
    return CLASS_NAMES.find(([c]) => c === code)?.[1] ?? code;
  }
  return SUBJECT_TERMS.find((t) => t.id === id)?.label ?? id;
}

/** Text for matching: no spaces or quotes, ASCII brackets and colons. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]/g, "")
    .replace(/[“”"'‘’「」『』]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/：/g, ":");
}

export interface SubjectMatch {
  subject: SubjectId;
  /** The term as it matched, normalized. */
  term: string;
  /** Where the term starts in the normalized text. */
  start: number;
}

/** The budget term that ends `text` (filler allowed after it), if any. */
export function matchSubject(text: string, kind: MentionKind = "amount"): SubjectMatch | undefined {
  const norm = normalizeForMatch(text);
  // Every candidate ends the text (filler aside); the one that starts first is the most specific:
  // 基本支出预算 is 基本支出, not 支出预算; 一般公共预算收入 is not 预算收入.
  let best: { match: SubjectMatch; length: number } | undefined;
  const consider = (subject: SubjectId, term: string, start: number) => {
    if (
      !best ||
      start < best.match.start ||
      (start === best.match.start && term.length > best.length)
    )
      best = { match: { subject, term, start }, length: term.length };
  };
  for (const { term, pattern } of COMPILED) {
    if (!(term.kinds ?? ["amount", "percent"]).includes(kind === "percent" ? "amount" : kind))
      continue;
    const m = pattern.exec(norm);
    if (m) consider(term.id, m[1], m.index);
  }
  if (kind !== "count") {
    // 类 names, also as misspelt in the seeds (一般公共预算服务支出 for 一般公共服务支出).
    const tail = norm.replace(new RegExp(`${FILLER}*$`), "");
    for (const [code, name] of CLASS_NAMES) {
      if (tail.endsWith(name)) {
        consider(`class:${code}`, name, tail.length - name.length);
        continue;
      }
      if (name.includes("预算")) continue;
      for (
        let start = tail.length - name.length - 2;
        start >= 0 && start >= tail.length - name.length - 4;
        start--
      ) {
        if (tail.slice(start).replace(/预算/g, "") === name) {
          consider(`class:${code}`, tail.slice(start), start);
          break;
        }
      }
    }
  }
  return best?.match;
}

// ---------------------------------------------------------------------------------------------

export type AmountUnitWritten = "亿元" | "万元" | "元";

export interface Mention {
  /** Index in the list of mentions. */
  index: number;
  kind: MentionKind;
  /**
   * level: a figure (基本支出283.97万元); change: 比上年增加/减少 (signed); rate: 增长/下降 Y% (signed);
   * share: 占 Y%; prior: last year's figure stated beside this year's (较上年2.08万元减少…,
   * 上年预算为X万元), its subject and `of` those of this year's; other: a number with no budget
   * meaning found.
   */
  role: "level" | "change" | "rate" | "share" | "prior" | "other";
  /** Amounts in 万元 (converted from 元/亿元), percentages as written (77.79), counts. Changes and rates carry their sign. */
  value: Money;
  /** Decimal places of `value` as written, in its unit (万元 for amounts). */
  decimals: number;
  /** The number with its unit, as written. */
  written: string;
  /** The words right before the number (after the last comma or number), as written. */
  lead: string;
  unit: AmountUnitWritten | "%" | "个" | "项";
  subject?: SubjectId;
  /** The term as written (for 项目类别: 其他运转类项目 …). */
  subjectText?: string;
  /** How the subject was found. */
  subjectFrom?: "term" | "sentence";
  /** The figure the statement takes its subject from (changes, rates, shares, 涉及金额). */
  of?: number;
  /** Shares: the term after 占 (占部门项目支出总额的100%). */
  base?: SubjectId;
  /** Shares: 占 names something that is not a budget term. */
  baseUnknown?: boolean;
  /** Changes: stated as a subtotal (合计减少139.9万元, 以上…合计). */
  subtotal?: boolean;
  /**
   * Changes: stated as 持平 (与上年持平) — a change of exactly 0.00, with no number written. It is
   * not a rounded figure: it adds nothing to a sum's rounding tolerance, and any difference from
   * last year makes it wrong.
   */
  flat?: boolean;
  /**
   * Changes: stated as roughly flat (基本持平, 大体持平) — no exact figure. Such a statement is
   * never among the mentions (it states no 0.00); extractStatements lists it apart, so that a check
   * it keeps from running can say so.
   */
  roughly?: boolean;
  /** Words such as 一般公共预算, 当年, 上年结转 that narrow which table figure is meant. */
  qualifiers: string[];
  paragraph: number;
  /** Offset of the number in the paragraph text. */
  offset: number;
  length: number;
  /** The sentence (up to 。) around the number. */
  sentence: string;
  sentenceIndex: number;
  /** The clause (up to 。 or ；) around the number. */
  clauseIndex: number;
}

/** Full-width digits, points and percent signs as ASCII, character for character (offsets stay). */
function foldDigits(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else if (
      ch === "．" &&
      /[0-9０-９]/.test(text[i - 1] ?? "") &&
      /[0-9０-９]/.test(text[i + 1] ?? "")
    )
      out += ".";
    else if (ch === "％") out += "%";
    else out += ch;
  }
  return out;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|万元|元|%|个|项(?!目))/g;
/**
 * A number, or 持平: “与上年持平” states a change of 0.00 as surely as “增加0.00万元” does, and a list
 * of 类 changes with one 持平 is still a complete list.
 */
const NUMBER_OR_FLAT = new RegExp(
  // The word 持平 ends there: not 保持平稳, 维持平衡, 支持平台, 坚持平等.
  String.raw`${NUMBER.source}|持平(?=$|[\s，,。；;：:、！？!?）)（(”"]|的|了|状态|水平)`,
  "g"
);
/** 基本持平, 大体持平, 略有…: roughly flat, not a change of exactly 0.00. */
const ROUGHLY = /(?:基本|大体|大致|总体|整体|略|约|接近|近乎|趋于)(?:保持)?$/;
/** Where a statement's own text starts: punctuation, or the number before it. */
const BOUNDARY = /[，,。；;：:、！？!?\n]/;
const SENTENCE_END = /[。！？!?]/;
const CLAUSE_END = /[。！？!?；;]/;

const COMPARED = String.raw`(?:(?:比|较|与|同)(?:上年|去年|上一年|上年度|20\d\d年度?)(?:预算数?|同期)?(?:相比|相较)?|同比)`;
const CHANGE = new RegExp(String.raw`^(.*?)(${COMPARED}?(增加|减少|增长|下降|降低|上升)了?)$`);
/** The words before 持平: a subject, then 比上年 / 与上年相比 / 同比 (or nothing), maybe 保持. */
const FLAT = new RegExp(String.raw`^(.*?)${COMPARED}?(?:保持)?$`);
const RATE = new RegExp(
  String.raw`^(.*?)${COMPARED}?(增长|下降|降低|上升|增加|减少|增幅|降幅|增长率|下降率)(?:为|是|达|了)?$`
);
/** 较上年2.08万元, 上年预算为X元, 去年同期: last year's figure, stated. */
const PRIOR_AMOUNT =
  /^(?:其中|其)?(?:比|较|与|同|对比)?(?:上年|去年|上一年|上年度)(?:同期)?(?:年初)?(?:预算数?|决算数?|安排)?(?:为|是|的)?$/;
const INHERIT_AMOUNT = /^(?:涉及|共计|合计|总计|共|总)?(?:项目)?(?:金额|资金)(?:为|是|共计|合计)?$/;
const FILLER_ONLY = new RegExp(`^(?:其中|其|主要|包括|${FILLER.slice(3, -1)})*$`);
/** 项目经费合计减少…, 以上项目支出合计减少…: a subtotal of the changes listed before it. */
const SUBTOTAL = /^以上|(?:合计|共计|小计)$/;
const QUALIFIERS = [
  "一般公共预算",
  "财政拨款",
  "当年",
  "本年",
  "上年结转",
  "政府性基金",
  "国有资本经营",
];

function indexOfSentence(text: string, offset: number, end: RegExp): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (end.test(text[i])) n++;
  return n;
}

function sentenceAround(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !SENTENCE_END.test(text[end])) end++;
  return text.slice(start, Math.min(end + 1, text.length)).trim();
}

/** Finds every number statement in one paragraph. `first` numbers the mentions. */
function extractParagraph(
  text: string,
  paragraph: number,
  first: number,
  roughly?: Mention[]
): Mention[] {
  const folded = foldDigits(text);
  const mentions: Mention[] = [];
  let previousEnd = 0;
  const numbers = new RegExp(NUMBER_OR_FLAT.source, "g");
  for (let m = numbers.exec(folded); m; m = numbers.exec(folded)) {
    const offset = m.index;
    const before = folded[offset - 1] ?? "";
    if (m[1] === undefined) {
      const flat = flatMention(text, folded, offset, previousEnd, paragraph, first, mentions);
      if (flat?.roughly) roughly?.push(flat);
      else if (flat) {
        mentions.push(flat);
        previousEnd = offset + m[0].length;
      }
      continue;
    }
    if (/[A-Za-z.]/.test(before)) continue;
    const unit = m[3] as Mention["unit"];
    const integer = m[1].replace(/,/g, "");
    const fraction = m[2] ?? "";
    let value = new Money(integer + fraction);
    let decimals = Math.max(fraction.length - 1, 0);
    if (unit === "元") {
      value = value.dividedBy(10000);
      decimals += 4;
    } else if (unit === "亿元") {
      value = value.times(10000);
      decimals = Math.max(decimals - 4, 0);
    }
    const kind: MentionKind =
      unit === "%" ? "percent" : unit === "个" || unit === "项" ? "count" : "amount";
    const segmentStart = segmentStartOf(folded, offset, previousEnd);
    const segment = folded.slice(segmentStart, offset);
    const sentenceIndex = indexOfSentence(folded, offset, SENTENCE_END);
    const clauseIndex = indexOfSentence(folded, offset, CLAUSE_END);
    const mention: Mention = {
      index: first + mentions.length,
      kind,
      role: "other",
      value,
      decimals,
      written: m[0].replace(/\s+/g, ""),
      lead: text.slice(segmentStart, offset).trim(),
      unit,
      qualifiers: [],
      paragraph,
      offset,
      length: m[0].length,
      sentence: sentenceAround(text, offset),
      sentenceIndex,
      clauseIndex,
    };
    mention.qualifiers = QUALIFIERS.filter((q) => normalizeForMatch(segment).includes(q));
    classify(mention, segment, mentions);
    mentions.push(mention);
    previousEnd = offset + m[0].length;
  }
  return mentions;
}

/** Where the words of the statement at `offset` start: after punctuation or the number before. */
function segmentStartOf(folded: string, offset: number, previousEnd: number): number {
  for (let i = offset - 1; i >= previousEnd; i--) if (BOUNDARY.test(folded[i])) return i + 1;
  return previousEnd;
}

/**
 * 持平 as a change of 0.00万元 (比上年持平, 与2023年相比持平, 三公经费与上年持平), its subject found
 * as a written change's is. Not 基本持平 and the like, which state no exact figure.
 */
function flatMention(
  text: string,
  folded: string,
  offset: number,
  previousEnd: number,
  paragraph: number,
  first: number,
  mentions: Mention[]
): Mention | undefined {
  const segmentStart = segmentStartOf(folded, offset, previousEnd);
  const segment = folded.slice(segmentStart, offset);
  const norm = normalizeForMatch(segment);
  const flat = FLAT.exec(norm);
  if (!flat) return undefined;
  const roughly = ROUGHLY.test(norm) || ROUGHLY.test(flat[1]);
  // 基本持平: its subject is found from the words without 基本 (与上年基本 → 与上年).
  const words = roughly
    ? (FLAT.exec(norm.replace(ROUGHLY, ""))?.[1] ?? "").replace(ROUGHLY, "")
    : flat[1];
  const mention: Mention = {
    index: first + mentions.length,
    kind: "amount",
    role: "change",
    value: new Money(0),
    decimals: 2,
    written: "持平",
    lead: text.slice(segmentStart, offset).trim(),
    unit: "万元",
    flat: true,
    qualifiers: QUALIFIERS.filter((q) => norm.includes(q)),
    paragraph,
    offset,
    length: 2,
    sentence: sentenceAround(text, offset),
    sentenceIndex: indexOfSentence(folded, offset, SENTENCE_END),
    clauseIndex: indexOfSentence(folded, offset, CLAUSE_END),
    ...(roughly ? { roughly: true } : {}),
  };
  changeSubject(mention, words, mentions);
  return mention;
}

/** The mentions of the same clause (or sentence) before `mention`, nearest last. */
function earlier(mentions: Mention[], mention: Mention, scope: "clause" | "sentence"): Mention[] {
  return mentions.filter((m) =>
    scope === "clause"
      ? m.clauseIndex === mention.clauseIndex
      : m.sentenceIndex === mention.sentenceIndex
  );
}

/** A whole and the parts a text lists after it (收入总计 = 本年收入 + 上年结转 …). */
export interface Decomposition {
  wholes: readonly SubjectId[];
  /** The parts, or every 类 (“class”), or any number of 项目类别 (“category”). */
  parts: readonly SubjectId[] | "class" | "category";
}

export const DECOMPOSITIONS: readonly Decomposition[] = [
  { wholes: ["incomeTotal", "budgetTotal"], parts: ["currentIncome", "carryover"] },
  {
    wholes: ["incomeTotal", "budgetTotal"],
    parts: ["general", "fund", "stateCapital", "specialAccount", "unitFunds", "carryover"],
  },
  {
    wholes: ["currentIncome"],
    parts: ["general", "fund", "stateCapital", "specialAccount", "unitFunds"],
  },
  {
    wholes: ["expenditureTotal", "budgetTotal", "departmentFunds", "generalExpenditure"],
    parts: ["basic", "project"],
  },
  { wholes: ["expenditureTotal", "budgetTotal"], parts: ["currentIncome", "carryover"] },
  { wholes: ["fiscalTotal", "fiscalIncome"], parts: ["general", "fund", "stateCapital"] },
  { wholes: ["fiscalTotal", "fiscalIncome"], parts: ["currentIncome", "carryover"] },
  { wholes: ["basic"], parts: ["personnel", "publicUse"] },
  { wholes: ["threePublic"], parts: ["abroad", "vehicle", "reception"] },
  { wholes: ["vehicle"], parts: ["vehiclePurchase", "vehicleOperation"] },
  {
    wholes: ["procurement"],
    parts: ["procurementGoods", "procurementWorks", "procurementServices"],
  },
  {
    wholes: ["expenditureTotal", "budgetTotal", "generalExpenditure", "fiscalTotal"],
    parts: "class",
  },
  { wholes: ["projectsManaged", "goalsPublished"], parts: "category" },
];

export function isPartOf(part: SubjectId, d: Decomposition): boolean {
  if (d.parts === "class") return part.startsWith("class:");
  if (d.parts === "category") return part === "projectCategory";
  return d.parts.includes(part);
}

/** The ways `whole` breaks down that include `part`. */
export function decompositionsOf(whole: SubjectId, part: SubjectId): Decomposition[] {
  return DECOMPOSITIONS.filter((d) => d.wholes.includes(whole) && isPartOf(part, d));
}

/** Subjects that other subjects are parts of: a change with no subject of its own is about one. */
const WHOLE_SUBJECTS = new Set<SubjectId>(DECOMPOSITIONS.flatMap((d) => d.wholes));

/**
 * What “比上年增加X万元” with no term of its own is about: the figure just before it in the clause —
 * unless that figure closes a complete list of parts (“总计A，其中：B，C，比上年增加…”), then the
 * whole; with nothing in the clause, the paragraph's first total.
 */
function changeHead(mention: Mention, before: Mention[]): Mention | undefined {
  const levels = (list: Mention[]) =>
    list.filter((m) => m.role === "level" && m.kind === "amount" && m.subject);
  const inClause = levels(earlier(before, mention, "clause"));
  const last = inClause[inClause.length - 1];
  if (last) {
    for (let i = inClause.length - 2; i >= 0; i--) {
      const whole = inClause[i];
      const ways = decompositionsOf(whole.subject!, last.subject!);
      if (ways.length === 0) continue;
      const listed = new Set(inClause.slice(i + 1).map((m) => m.subject!));
      const complete = ways.some(
        (d) => Array.isArray(d.parts) && d.parts.every((p) => listed.has(p))
      );
      return complete ? whole : last;
    }
    return last;
  }
  const inParagraph = levels(before);
  return inParagraph.find((m) => WHOLE_SUBJECTS.has(m.subject!)) ?? inParagraph[0];
}

/** What a change is about: the term before 比上年增加 (or 持平), else the figure it follows. */
function changeSubject(mention: Mention, words: string, before: Mention[]): void {
  let subjectPart = words;
  if (SUBTOTAL.test(subjectPart)) {
    mention.subtotal = true;
    subjectPart = subjectPart.replace(/^以上/, "");
  }
  const own = matchSubject(subjectPart, "amount");
  if (own) {
    mention.subject = own.subject;
    mention.subjectText = own.term;
    mention.subjectFrom = "term";
    return;
  }
  if (!FILLER_ONLY.test(subjectPart) || mention.subtotal) return; // a project, or a subtotal of them
  const head = changeHead(mention, before);
  if (head) {
    mention.subject = head.subject;
    mention.subjectText = head.subjectText;
    mention.subjectFrom = "sentence";
    mention.of = head.index;
  }
}

function classify(mention: Mention, segment: string, before: Mention[]): void {
  const norm = normalizeForMatch(segment);
  if (mention.kind === "percent") {
    const share = norm.lastIndexOf("占");
    if (share >= 0 && !/^有|^用/.test(norm.slice(share + 1))) {
      mention.role = "share";
      const subjectPart = norm.slice(0, share).replace(/^(?:其中|其)/, "");
      const basePart = norm
        .slice(share + 1)
        .replace(/^比/, "")
        .replace(/(?:的)?(?:比重|比例)?(?:为|是|达)?$/, "");
      if (subjectPart !== "" && !FILLER_ONLY.test(subjectPart)) {
        const own = matchSubject(subjectPart, "amount");
        if (!own) {
          mention.role = "other";
          return;
        }
        mention.subject = own.subject;
        mention.subjectText = own.term;
        mention.subjectFrom = "term";
      } else {
        // A share is of a figure written: 持平 is a change with no number of its own.
        const previous = earlier(before, mention, "sentence").filter(
          (m) => m.kind === "amount" && !m.flat
        );
        const of = previous[previous.length - 1];
        if (!of) {
          mention.role = "other";
          return;
        }
        mention.of = of.index;
        if (of.subject) {
          mention.subject = of.subject;
          mention.subjectText = of.subjectText;
          mention.subjectFrom = "sentence";
        }
      }
      if (basePart !== "") {
        const base = matchSubject(basePart, "amount");
        if (base) mention.base = base.subject;
        else mention.baseUnknown = true;
      }
      return;
    }
    const rate = RATE.exec(norm);
    if (rate && FILLER_ONLY.test(rate[1])) {
      const changes = earlier(before, mention, "clause").filter((m) => m.role === "change");
      const change =
        changes[changes.length - 1] ??
        earlier(before, mention, "sentence")
          .filter((m) => m.role === "change")
          .pop();
      if (!change) return;
      mention.role = "rate";
      mention.of = change.index;
      mention.subject = change.subject;
      mention.subjectText = change.subjectText;
      mention.subjectFrom = "sentence";
      const word = rate[2];
      if (/下降|降低|减少|降幅|下降率/.test(word)) mention.value = mention.value.negated();
      return;
    }
    return;
  }

  if (mention.kind === "count") {
    const own = matchSubject(norm, "count");
    if (own) {
      mention.role = "level";
      mention.subject = own.subject;
      mention.subjectText = own.term;
      mention.subjectFrom = "term";
    }
    return;
  }

  // Amounts: a change (比上年增加…), a figure, or a number whose subject comes from the sentence.
  const change = CHANGE.exec(norm);
  if (change && change[2] !== "") {
    mention.role = "change";
    if (/减少|下降|降低/.test(change[3])) mention.value = mention.value.negated();
    changeSubject(mention, change[1], before);
    return;
  }
  if (PRIOR_AMOUNT.test(norm)) {
    const previous = earlier(before, mention, "clause").filter(
      (m) => m.role === "level" && m.kind === "amount" && m.subject
    );
    const of = previous[previous.length - 1];
    if (of) {
      mention.role = "prior";
      mention.subject = of.subject;
      mention.subjectText = of.subjectText;
      mention.subjectFrom = "sentence";
      mention.of = of.index;
    }
    return;
  }
  if (INHERIT_AMOUNT.test(norm)) {
    const previous = earlier(before, mention, "clause").filter(
      (m) => m.role === "level" && (m.kind === "count" || m.kind === "amount")
    );
    const of = previous[previous.length - 1];
    if (of?.subject) {
      mention.role = "level";
      mention.subject = of.subject;
      mention.subjectText = of.subjectText;
      mention.subjectFrom = "sentence";
      mention.of = of.index;
    }
    return;
  }
  const own = matchSubject(norm, "amount");
  if (own) {
    mention.role = "level";
    mention.subject = own.subject;
    mention.subjectText = own.term;
    mention.subjectFrom = "term";
  }
}

/** A paragraph as the checker sees it. */
export interface TextParagraph {
  text: string;
}

/**
 * Every amount, percentage and count of the paragraphs, in reading order, with its subject where
 * the text names one. Numbers with no budget meaning (2024年, 15名专家, 覆盖率85%) are either not
 * matched at all (no unit) or come back with role "other". Changes stated only as roughly flat
 * (基本持平) are not among them; they go to `roughly` when it is given.
 */
export function extractStatements(
  paragraphs: readonly (string | TextParagraph)[],
  roughly?: Mention[]
): Mention[] {
  const mentions: Mention[] = [];
  paragraphs.forEach((p, i) => {
    const text = typeof p === "string" ? p : p.text;
    mentions.push(...extractParagraph(text, i, mentions.length, roughly));
  });
  return mentions;
}
