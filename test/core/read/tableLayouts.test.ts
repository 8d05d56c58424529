/**
 * Coded tables laid out as other provinces print them: the code written in front of the name in one
 * 科目名称 cell, names under 类 | 款 | 项 captions with no code at all, a 合计 row typed 合计：, a
 * table continued under 续表 and its header again, names numbered 1. and （1）, captions carrying
 * their unit (合计（万元）), and a 增减% column beside 上年 and 本年. Figures are those of a
 * 一般公共预算支出表 (201 一般公共服务支出 › 20132 组织事务 › 2013201 行政运行 …, DOMAIN.md).
 */
import { checkTable } from "../../../src/core/check/table";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { ParsedTable } from "../../../src/core/read/table";
import { GENERAL_BUDGET_TITLE, generalBudgetGrid, parsedTable } from "../../helpers/tables";

const TITLE = GENERAL_BUDGET_TITLE;
const grid = generalBudgetGrid;
const parsed = parsedTable;

/** Findings other than 提示, as rule@cell. */
const problems = (g: Grid) =>
  checkTable(g)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.ruleId}@${f.cell}`);

/** The cells a sum finding (sum.children, sum.total-row, sum.row-parts or its root cause) is at. */
const sumCells = (g: Grid) =>
  checkTable(g)
    .findings.filter((f) => f.severity === "error" && f.ruleId.startsWith("sum."))
    .map((f) => f.cell);

/** Code, name, 合计, 基本支出, 项目支出. */
const BODY: [string, string, number, number | "", number | ""][] = [
  ["201", "一般公共服务支出", 717.94, 236.34, 481.6],
  ["20132", "组织事务", 717.94, 236.34, 481.6],
  ["2013201", "行政运行", 198.87, 198.87, ""],
  ["2013202", "一般行政管理事务", 519.07, 37.47, 481.6],
  ["208", "社会保障和就业支出", 31.82, 31.82, ""],
  ["20805", "行政事业单位养老支出", 31.82, 31.82, ""],
  ["2080505", "机关事业单位基本养老保险缴费支出", 31.82, 31.82, ""],
];
const TOTAL: CellValue[] = [749.76, 268.16, 481.6];
const CODES = BODY.map(([code]) => code);
const HEAD = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
const UNIT = ["", "", "", "", "单位：万元"];

const codesOf = (table: ParsedTable) => table.sides[0].rows.map((row) => row.code ?? row.label);

describe("a code written in front of its name, in one cell", () => {
  const joined = (caption: string, join: (code: string, name: string) => string) =>
    grid([
      [TITLE],
      ["", "", "", "单位：万元"],
      [caption, "合计", "基本支出", "项目支出"],
      ["合计", ...TOTAL],
      ...BODY.map(([code, name, ...amounts]) => [join(code, name), ...amounts]),
    ]);

  it.each([
    ["科目名称", (c: string, n: string) => `${c} ${n}`],
    ["功能分类科目", (c: string, n: string) => `${c}${n}`],
    ["科目名称", (c: string, n: string) => `${c}、${n}`],
  ])("reads the code and the name apart (%s)", (caption, join) => {
    const g = joined(caption, join);
    const table = parsed(g);
    expect(codesOf(table)).toEqual(["合计", ...CODES]);
    expect(table.sides[0].rows.slice(1).map((row) => row.label)).toEqual(BODY.map((r) => r[1]));
    expect(table.sides[0].rows.slice(1).every((row) => row.codeFrom === "cell")).toBe(true);
    // Before, no row had a code: the 合计 row was compared with every row added up (3 false errors).
    expect(problems(g)).toEqual([]);
  });

  it("still finds a wrong subtotal and a name that does not go with its code", () => {
    const g = joined("科目名称", (c, n) => `${c} ${c === "2013201" ? "一般行政管理事务" : n}`);
    g.values[5][1] = 700; // 20132's 合计
    expect(sumCells(g)).toEqual(["B6"]);
    expect(problems(g)).toContain("code.name-mismatch@A7");
  });

  it("reports an unknown code printed with a known name at the cell", () => {
    const g = joined("科目名称", (c, n) => `${c === "2013202" ? "2013298" : c} ${n}`);
    expect(problems(g)).toContain("code.unknown@A8");
  });

  it("leaves a name that only begins with digits alone (项目支出表)", () => {
    const table = parsed(
      grid([
        ["2024年项目支出表"],
        ["项目名称", "合计", "一般公共预算"],
        ["合计", 50, 50],
        ["220千伏线路改造", 20, 20],
        ["110千伏线路改造", 20, 20],
        ["2024年党员培训", 10, 10],
      ])
    );
    expect(table.sides[0].rows.map((row) => [row.label, row.code])).toEqual([
      ["合计", undefined],
      ["220千伏线路改造", undefined],
      ["110千伏线路改造", undefined],
      ["2024年党员培训", undefined],
    ]);
  });
});

describe("names under 类 | 款 | 项 captions, no code printed", () => {
  const NAMES: CellValue[][] = [
    ["一般公共服务支出", "", ""],
    ["", "组织事务", ""],
    ["", "", "行政运行"],
    ["", "", "一般行政管理事务"],
    ["社会保障和就业支出", "", ""],
    ["", "行政事业单位养老支出", ""],
    ["", "", "机关事业单位基本养老保险缴费支出"],
  ];
  const g = grid([
    [TITLE],
    ["", "", "", "", "", "单位：万元"],
    ["类", "款", "项", "合计", "基本支出", "项目支出"],
    ["合计", "", "", ...TOTAL],
    ...NAMES.map((names, i) => [...names, ...BODY[i].slice(2)]),
  ]);

  it("places each row by its name at the level of its column", () => {
    const table = parsed(g);
    expect(codesOf(table)).toEqual(["合计", ...CODES]);
    expect(table.sides[0].rows.map((row) => row.label)).toEqual(["合计", ...BODY.map((r) => r[1])]);
    expect(table.sides[0].rows.slice(1).every((row) => row.codeFrom === "name")).toBe(true);
  });

  it("does not take the names for codes typed wrong (5 false code.unknown before)", () => {
    expect(problems(g)).toEqual([]);
  });

  it("checks the sums by the codes it placed", () => {
    const wrong = grid(g.values.map((row) => [...row]));
    wrong.values[5][3] = 700; // 组织事务's 合计
    expect(sumCells(wrong)).toEqual(["D6"]);
  });
});

describe("each level's column holding the whole code of that level", () => {
  // 类 201 | 款 20132 | 项 2013201 under 科目编码, each row filling its own level's column.
  const g = grid(
    [
      [TITLE],
      ["", "", "", "", "", "", "单位：万元"],
      ["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项", "", "", "", ""],
      ["合计", "", "", "", ...TOTAL],
      ...BODY.map(([code, ...rest]) => [
        code.length === 3 ? code : "",
        code.length === 5 ? code : "",
        code.length === 7 ? code : "",
        ...rest,
      ]),
    ],
    [{ top: 3, bottom: 3, left: 1, right: 3 }]
  );

  it("reads the code in the row's own column, not its parts joined", () => {
    const table = parsed(g);
    expect(codesOf(table)).toEqual(["合计", ...CODES]);
    expect(table.sides[0].rows.slice(1).every((row) => row.codeFrom === "cell")).toBe(true);
    // Before: 20120132, 201322013201 … one code.unknown (wrong length) per 款 and 项.
    expect(problems(g)).toEqual([]);
  });

  it("takes a row that fills every level's column (201 | 20132 | 2013201)", () => {
    const full = grid(
      g.values.map((row) => [...row]),
      g.merges
    );
    full.values[7] = ["201", "20132", "2013201", ...full.values[7].slice(3)];
    expect(parsed(full).sides[0].rows[3].code).toBe("2013201");
    expect(problems(full)).toEqual([]);
  });
});

describe("rows a table prints around its list", () => {
  it("reads 单位：万元 on a line of the header as the unit, not as a caption", () => {
    const g = grid([[TITLE], HEAD, UNIT, ["合计", "", ...TOTAL], ...BODY]);
    const table = parsed(g);
    expect(table.unit?.value).toBe("万元");
    // Before: the 项目支出 column was captioned 单位：万元.
    expect(table.sides[0].captions).toEqual(["合计", "基本支出", "项目支出"]);
  });

  const plain = (rows: CellValue[][], head: CellValue[] = HEAD) =>
    grid([[TITLE], UNIT, head, ...rows]);

  it.each(["合计：", "合计:", "合\u3000计", "总计"])("reads %s as the 合计 row", (label) => {
    const g = plain([[label, "", ...TOTAL], ...BODY]);
    const [total] = parsed(g).sides[0].rows;
    expect(total.role).toBe("total");
    expect(problems(g)).toEqual([]);
    g.values[3][2] = 750; // the 合计 row no longer adds up
    expect(sumCells(g)).toEqual(["C4"]);
  });

  it("reads a table continued under 续表 and its header again as one list", () => {
    const g = plain([
      ["合计", "", ...TOTAL],
      ...BODY.slice(0, 4),
      ["续表"],
      UNIT,
      HEAD,
      ...BODY.slice(4),
    ]);
    const table = parsed(g);
    expect(codesOf(table)).toEqual(["合计", ...CODES]);
    // Before: the captions were read as a row of amounts (3 not-a-number errors, 2 code warnings).
    expect(problems(g)).toEqual([]);
  });

  it("keeps a row of words that is not the header (其中：) in the list", () => {
    const g = plain([
      ["合计", "", ...TOTAL],
      ...BODY.slice(0, 4),
      ["", "其中：", "", "", ""],
      ...BODY.slice(4),
    ]);
    expect(parsed(g).sides[0].rows.map((row) => row.label)).toContain("其中：");
  });

  it("compares names numbered 1. or （1） without their numbers", () => {
    const numbered = BODY.map(([code, name, ...amounts]) => [
      code,
      code.length === 3 ? `（一）${name}` : code.length === 5 ? `1.${name}` : `（1）${name}`,
      ...amounts,
    ]);
    const g = plain([["合计", "", ...TOTAL], ...numbered]);
    // Before: 5 code.name-mismatch warnings, one per 款 and 项.
    expect(problems(g)).toEqual([]);
    g.values[6][1] = "（1）其他组织事务支出"; // 2013201 is 行政运行
    expect(problems(g)).toEqual(["code.name-mismatch@B7"]);
  });
});

describe("captions and columns", () => {
  it("reads 合计（万元） as a 合计 of its row (its unit the column's)", () => {
    const g = grid([
      [TITLE],
      ["科目编码", "科目名称", "合计（万元）", "基本支出（万元）", "项目支出（万元）"],
      ["合计", "", ...TOTAL],
      ...BODY,
    ]);
    const side = parsed(g).sides[0];
    expect(side.captions).toEqual(["合计", "基本支出", "项目支出"]);
    expect(side.relations).toEqual([{ total: 0, parts: [1, 2] }]);
    // 基本支出 one less all the way up from 2080505 (rows 3, 8, 9, 10): each column still adds up
    // down the classification, but 合计 ≠ 基本支出 + 项目支出 on those rows.
    for (const r of [2, 7, 8, 9]) g.values[r][3] = Number(g.values[r][3]) - 1;
    // Before, the 合计 column was not known as the sum of the others: no finding at all.
    expect(sumCells(g).length).toBeGreaterThan(0);
    expect(checkTable(g).findings.map((f) => f.ruleId)).toContain("sum.row-parts");
  });

  it("does not add up a 增减% column down the classification", () => {
    // Every line doubles from 2023 to 2024: each 增减 is last year's figure, each rate 100%.
    const g = grid([
      [TITLE],
      ["", "", "", "", "", "单位：万元"],
      ["科目编码", "科目名称", "2023年预算数", "2024年预算数", "增减额", "增减%"],
      ["合计", "", 749.76, 1499.52, 749.76, 100],
      ...BODY.map(([code, name, amount]) => [code, name, amount, 2 * amount, amount, 100]),
    ]);
    // Before: a 类's rate was held to be the sum of its 款's (sum.children and sum.total-row errors).
    expect(problems(g)).toEqual([]);
    g.values[4][4] = 1.5; // 201's 增减 is still a sum of its 款's
    expect(sumCells(g)).toEqual(["E5"]);
  });
});

describe("last year's columns beside this year's (支出总表 with 2023年 and 2024年 groups)", () => {
  const summary = grid([
    ["2024年部门收支总表"],
    ["", "", "", "单位：万元"],
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 749.76, "一、一般公共服务支出", 717.94],
    ["二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", 31.82],
    ["本年收入合计", 749.76, "本年支出合计", 749.76],
    ["上年结转结余", "", "年终结转结余", ""],
    ["收入总计", 749.76, "支出总计", 749.76],
  ]);
  summary.sheet = "收支总表";
  const current: CellValue[][] = [
    [749.76, 268.16, 481.6],
    [717.94, 236.34, 481.6],
    [31.82, 31.82, ""],
  ];
  const last: CellValue[][] = [
    [700, 250, 450],
    [670, 220, 450],
    [30, 30, ""],
  ];
  const change = [49.76, 47.94, 1.82];
  const expenditure = (priorFirst: boolean, priorCaption: string) => {
    const g = grid(
      [
        ["2024年支出总表"],
        ["", "", "", "", "", "", "", "", "单位：万元"],
        [
          "科目编码",
          "科目名称",
          priorFirst ? priorCaption : "2024年预算数",
          "",
          "",
          priorFirst ? "2024年预算数" : priorCaption,
          "",
          "",
          "增减额",
        ],
        ["", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出", ""],
        ...[
          ["合计", ""],
          ["201", "一般公共服务支出"],
          ["208", "社会保障和就业支出"],
        ].map((label, i) => [
          ...label,
          ...(priorFirst ? [...last[i], ...current[i]] : [...current[i], ...last[i]]),
          change[i],
        ]),
      ],
      [
        { top: 3, bottom: 3, left: 3, right: 5 },
        { top: 3, bottom: 3, left: 6, right: 8 },
        { top: 3, bottom: 4, left: 1, right: 1 },
        { top: 3, bottom: 4, left: 2, right: 2 },
        { top: 3, bottom: 4, left: 9, right: 9 },
      ]
    );
    g.sheet = "支出总表";
    return g;
  };

  it.each([
    [true, "2023年预算数"],
    [false, "2023年预算数"],
    [true, "上年预算数"],
  ])("compares only this year's 合计 with the 收支总表 (上年 first: %s, %s)", (first, caption) => {
    const g = expenditure(first, caption);
    expect(parsed(g).sides[0].priorColumns).toEqual(first ? [0, 1, 2] : [3, 4, 5]);
    const errors = (grids: Grid[]) =>
      checkWorkbook(grids)
        .findings.filter((f) => f.severity === "error" && f.ruleId.startsWith("cross."))
        .map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`);
    // Before: 合计 + 合计 + 增减 of each row taken for this year's (1,499.52 against 749.76).
    expect(errors([summary, g])).toEqual([]);
    // This year's 201 changed: the 收支总表 no longer agrees.
    const wrong = grid(
      g.values.map((row) => [...row]),
      g.merges
    );
    wrong.sheet = "支出总表";
    wrong.values[5][first ? 5 : 2] = 700;
    // This year's 201 changed: found there (with 收支总表's figure as the witness), nothing at last year's.
    const at = checkWorkbook([summary, wrong])
      .findings.filter((f) => f.severity === "error")
      .map((f) => f.cell);
    expect(at).toEqual([first ? "F6" : "C6"]);
  });
});
