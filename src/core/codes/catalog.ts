/**
 * Look-up over the 政府收支分类科目 catalog: code shape rules, names, the 类/款/项 tree and
 * user-supplied extensions. Pure: no Node or DOM APIs, so it runs in the add-in, the custom
 * functions runtime and the CLI alike.
 */
import type { CatalogEntry, CodeLevel, CodeSystem } from "./types";
import { FUNCTION_CODES } from "./functionCodes";
import { ECONOMIC_CODES } from "./economicCodes";
import { GOV_ECONOMIC_CODES } from "./govEconomicCodes";

/** The leading digit tells the systems apart: 2xx 功能, 3xx 部门经济, 5xx 政府经济. */
const SYSTEM_BY_LEADING_DIGIT: Readonly<Record<string, CodeSystem>> = {
  "2": "function",
  "3": "economic",
  "5": "govEconomic",
};

const LEVEL_BY_LENGTH: Readonly<Record<CodeSystem, Readonly<Record<number, CodeLevel>>>> = {
  function: { 3: 1, 5: 2, 7: 3 },
  economic: { 3: 1, 5: 2 },
  govEconomic: { 3: 1, 5: 2 },
};

const SYSTEM_LABEL: Readonly<Record<CodeSystem, string>> = {
  function: "支出功能分类",
  economic: "部门预算支出经济分类",
  govEconomic: "政府预算支出经济分类",
};

/** The system a code belongs to, or undefined when the text is not a well-formed code. */
export function systemOfCode(code: string): CodeSystem | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  const system = SYSTEM_BY_LEADING_DIGIT[code.charAt(0)];
  return system !== undefined && LEVEL_BY_LENGTH[system][code.length] !== undefined
    ? system
    : undefined;
}

/**
 * 1 = 类, 2 = 款, 3 = 项, from the code's length. With `system`, a code of another system
 * (e.g. 30101 asked as "function") is undefined rather than guessed.
 */
export function levelOfCode(code: string, system?: CodeSystem): CodeLevel | undefined {
  const own = systemOfCode(code);
  if (own === undefined || (system !== undefined && system !== own)) return undefined;
  return LEVEL_BY_LENGTH[own][code.length];
}

/** 款 for a 项, 类 for a 款, undefined for a 类 or a malformed code. */
export function parentCode(code: string): string | undefined {
  const level = levelOfCode(code);
  if (level === 2) return code.slice(0, 3);
  if (level === 3) return code.slice(0, 5);
  return undefined;
}

/** Digits only, starting with 2/3/5, with a length valid for that system. Does not normalise. */
export function isWellFormedCode(text: string): boolean {
  return systemOfCode(text) !== undefined;
}

/**
 * A cell value as code text: numbers (2013201) become their digits; text is NFKC-folded (so
 * full-width digits become ASCII) and loses all whitespace and a leading apostrophe (Excel's
 * "stored as text" marker, which survives copy-paste). Blanks give undefined. The result is not
 * validated: pass it to `isWellFormedCode`.
 */
export function normalizeCode(value: unknown): string | undefined {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === "string") {
    text = value
      .normalize("NFKC")
      .replace(/[\s\u200b\ufeff]/g, "")
      .replace(/^'/, "");
  } else {
    return undefined;
  }
  return text === "" ? undefined : text;
}

/**
 * A name reduced to what matters for comparing: NFKC (full-width parentheses, colons, letters and
 * digits become ASCII), no whitespace anywhere (published tables pad names and wrap Word cells),
 * other bracket shapes as ( ), and without the list prefixes tables put before names
 * (「一、」「（一）」「1.」「（1）」「其中：」), so 「二十、住房保障支出」 and 「住房保障支出」 compare equal.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\u200b\ufeff]/g, "")
    .replace(/[〔【[{]/g, "(")
    .replace(/[〕】\]}]/g, ")")
    .replace(
      /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十]+\)|\(\d{1,2}\)|\d{1,2}[、.](?!\d))/,
      ""
    )
    .replace(/^其中:/, "");
}

/**
 * A looser key for names that differ only in wording conventions seen in published tables:
 * a trailing 支出 (「一般公共服务」 vs 「一般公共服务支出」), 费用 vs 费 (「因公出国（境）费」 in 三公
 * tables vs 30212 「因公出国（境）费用」) and an optional 的 (「其他对个人和家庭补助」). Only used when
 * the exact normalized name finds nothing, and only when it yields a single entry.
 */
function looseName(name: string): string {
  return normalizeName(name).replace(/支出$/, "").replace(/费用$/, "费").replace(/的/g, "");
}

/** Why `code` (already normalized) is not a usable code, in Chinese for the clerk. */
function describeBadCode(code: string): string {
  if (!/^\d+$/.test(code)) return `科目编码“${code}”含有非数字字符`;
  const system = SYSTEM_BY_LEADING_DIGIT[code.charAt(0)];
  if (system === undefined) {
    return `科目编码“${code}”不属于支出功能分类（2开头）、部门预算支出经济分类（3开头）或政府预算支出经济分类（5开头）`;
  }
  const lengths = Object.keys(LEVEL_BY_LENGTH[system]).join("、");
  return `科目编码“${code}”位数不对：${SYSTEM_LABEL[system]}的编码应为${lengths}位`;
}

function entryFor(
  code: string,
  name: string,
  source: CatalogEntry["source"]
): CatalogEntry | undefined {
  const system = systemOfCode(code);
  if (system === undefined) return undefined;
  const level = LEVEL_BY_LENGTH[system][code.length] as CodeLevel;
  const parent = parentCode(code);
  const entry: CatalogEntry = { code, name, system, level, source };
  if (parent !== undefined) entry.parent = parent;
  return entry;
}

function standardEntries(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const rows of [FUNCTION_CODES, ECONOMIC_CODES, GOV_ECONOMIC_CODES]) {
    for (const [code, name] of rows) {
      const entry = entryFor(code, name, "standard");
      // Shipped data, so a bad row is a programming error; the tests make sure there is none.
      if (entry === undefined) throw new Error(`standard catalog: malformed code ${code}`);
      out.push(entry);
    }
  }
  return out;
}

/** A problem with one row of a user-supplied code list. `row` is 1-based within that list. */
export interface UserEntryProblem {
  row: number;
  code: string;
  reason: string;
}

export class Catalog {
  private static standardCatalog: Catalog | undefined;

  private readonly byCode = new Map<string, CatalogEntry>();
  private readonly childrenByCode = new Map<string, CatalogEntry[]>();
  /** system → normalized name → entries; and the same for the loose key. */
  private readonly byName = new Map<CodeSystem, Map<string, CatalogEntry[]>>();
  private readonly byLooseName = new Map<CodeSystem, Map<string, CatalogEntry[]>>();
  private readonly sorted: CatalogEntry[];

  /**
   * Entries with the same code: the later one wins. Entries are copied and frozen, so nothing
   * a caller does to what it passed in or gets back can change the catalog.
   */
  constructor(entries: Iterable<CatalogEntry>) {
    for (const entry of entries) this.byCode.set(entry.code, Object.freeze({ ...entry }));
    // Lexicographic code order is the tree's pre-order (201, 20101, 2010101, …, 20102, …).
    this.sorted = [...this.byCode.values()].sort((a, b) =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : 0
    );
    for (const entry of this.sorted) {
      if (entry.parent !== undefined) push(this.childrenByCode, entry.parent, entry);
      push(nested(this.byName, entry.system), normalizeName(entry.name), entry);
      push(nested(this.byLooseName, entry.system), looseName(entry.name), entry);
    }
  }

  /** The shipped catalog (功能, 部门经济, 政府经济), built once. */
  static standard(): Catalog {
    Catalog.standardCatalog ??= new Catalog(standardEntries());
    return Catalog.standardCatalog;
  }

  /** Accepts anything `normalizeCode` does (2013201, " 2013201", full-width digits). */
  get(code: unknown): CatalogEntry | undefined {
    const key = normalizeCode(code);
    return key === undefined ? undefined : this.byCode.get(key);
  }

  name(code: unknown): string | undefined {
    return this.get(code)?.name;
  }

  has(code: unknown): boolean {
    return this.get(code) !== undefined;
  }

  /** Parent chain, nearest first, 类 last. Levels missing from the catalog are skipped. */
  ancestors(code: unknown): CatalogEntry[] {
    const out: CatalogEntry[] = [];
    const key = normalizeCode(code);
    let parent = key === undefined ? undefined : parentCode(key);
    while (parent !== undefined) {
      const entry = this.byCode.get(parent);
      if (entry !== undefined) out.push(entry);
      parent = parentCode(parent);
    }
    return out;
  }

  /** Direct children in code order. */
  children(code: unknown): CatalogEntry[] {
    const key = normalizeCode(code);
    return key === undefined ? [] : [...(this.childrenByCode.get(key) ?? [])];
  }

  /**
   * All entries of `system` whose name matches (under `parent` when given): exact matches after
   * `normalizeName` if there are any, otherwise matches on the looser key (支出 suffix, 费用/费, 的).
   * Several results mean the name is ambiguous, e.g. 行政运行 without its 款.
   */
  findAllByName(name: string, system: CodeSystem, parent?: string): CatalogEntry[] {
    const parentKey = parent === undefined ? undefined : normalizeCode(parent);
    const filter = (list: CatalogEntry[] | undefined): CatalogEntry[] =>
      (list ?? []).filter((e) => parentKey === undefined || e.parent === parentKey);
    const exact = filter(this.byName.get(system)?.get(normalizeName(name)));
    if (exact.length > 0) return exact;
    return filter(this.byLooseName.get(system)?.get(looseName(name)));
  }

  /** The single entry `findAllByName` finds, or undefined when none or several match. */
  findByName(name: string, system: CodeSystem, parent?: string): CatalogEntry | undefined {
    const found = this.findAllByName(name, system, parent);
    return found.length === 1 ? found[0] : undefined;
  }

  /** All entries (of one system if given), in code order. */
  entries(system?: CodeSystem): CatalogEntry[] {
    return system === undefined ? [...this.sorted] : this.sorted.filter((e) => e.system === system);
  }

  /**
   * A new catalog with the user's rows added; a user row with a standard code replaces the
   * standard name. Rows with both cells blank are skipped; every other row that cannot be used
   * is reported, never thrown. `this` is left unchanged.
   */
  withUserEntries(rows: ReadonlyArray<{ code: unknown; name: unknown }>): {
    catalog: Catalog;
    problems: UserEntryProblem[];
  } {
    const problems: UserEntryProblem[] = [];
    const added = new Map<string, CatalogEntry>();
    const rowOf = new Map<string, number>();

    rows.forEach((item, index) => {
      const row = index + 1;
      // Callers pass sheet ranges from JavaScript too, so tolerate holes and non-objects.
      const rawCode: unknown = item?.code;
      const rawName: unknown = item?.name;
      const code = normalizeCode(rawCode);
      const name =
        typeof rawName === "string"
          ? rawName.trim()
          : typeof rawName === "number"
            ? String(rawName)
            : "";
      if (code === undefined && name === "") return;
      if (code === undefined) {
        problems.push({ row, code: "", reason: `缺少科目编码（科目名称“${name}”）` });
        return;
      }
      const entry = entryFor(code, name, "user");
      if (entry === undefined) {
        problems.push({ row, code, reason: describeBadCode(code) });
        return;
      }
      if (name === "") {
        problems.push({ row, code, reason: `科目编码“${code}”缺少科目名称` });
        return;
      }
      const earlier = rowOf.get(code);
      if (earlier !== undefined) {
        problems.push({ row, code, reason: `科目编码“${code}”与第${earlier}行重复，以本行为准` });
      }
      rowOf.set(code, row);
      added.set(code, entry);
    });

    const catalog = new Catalog([...this.byCode.values(), ...added.values()]);
    // Checked after all rows, so a list may name a 项 before its 款.
    for (const entry of added.values()) {
      if (entry.parent !== undefined && !catalog.has(entry.parent)) {
        problems.push({
          row: rowOf.get(entry.code) ?? 0,
          code: entry.code,
          reason: `科目编码“${entry.code}”的上级科目“${entry.parent}”不在科目目录中`,
        });
      }
    }
    problems.sort((a, b) => a.row - b.row);
    return { catalog, problems };
  }
}

function nested<K, V>(map: Map<K, Map<string, V[]>>, key: K): Map<string, V[]> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
