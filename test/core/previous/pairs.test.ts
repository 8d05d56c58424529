/**
 * Pairs built from the fixtures: this year's published workbook with last year's file made in the
 * test. The 2023 figures are the ones quyang's and tunliu's own 情况说明 imply (quyang: 939.02 =
 * 313.54 基本 + 625.48 项目, 三公 1.20; tunliu: 2232.54, all 一般公共预算 this year's money,
 * 机关运行经费 11.91), so their published 比上年 sentences are right against them.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { Grid } from "../../../src/core/grid";
import { paragraphsFromText } from "../../../src/core/narrative/check";
import { readPreviousDisclosure } from "../../../src/core/previous/read";
import type { PreviousDisclosure } from "../../../src/core/previous/types";
import { changeReasonThreshold } from "../../../src/core/templates/settings";
import { loadFixture } from "../../helpers/fixtures";
import { quyangWithComparison } from "../../helpers/previousYear";
import { doubledFixture, ledgerGrids } from "../../helpers/previousYear";
import type { LedgerLineSpec } from "../../helpers/previousYear";

const QUYANG = "中国共产党曲阳县委员会组织部";
const TUNLIU = "中共长治市屯留区委组织部";

function narrativeOf(name: string) {
  const file = path.resolve(__dirname, `../../fixtures/narratives/${name}.txt`);
  return paragraphsFromText(readFileSync(file, "utf8"), `${name}.txt `);
}

/** quyang 2023 as its 2024 情况说明 tells it: 基本 313.54 (三公 1.20 in it), 项目 625.48. */
function quyang2023(
  overrides: { basic?: number; project?: number; year?: number; name?: string } = {},
  extra: LedgerLineSpec[] = []
): PreviousDisclosure {
  const basic = overrides.basic ?? 313.54;
  const grids = ledgerGrids(
    {
      name: overrides.name ?? QUYANG,
      code: "203",
      year: overrides.year ?? 2023,
      unitNature: "行政",
    },
    [
      {
        functionCode: "2013201",
        economicCode: "30101",
        kind: "人员经费",
        amount: basic - 1.2 - 30,
      },
      { functionCode: "2013201", economicCode: "30201", kind: "公用经费", amount: 30 },
      { functionCode: "2013201", economicCode: "30231", kind: "公用经费", amount: 1.2 },
      {
        functionCode: "2013202",
        economicCode: "30299",
        kind: "项目支出",
        amount: overrides.project ?? 625.48,
        projectName: "人才发展专项公用项目经费",
      },
      ...extra,
    ]
  );
  const { previous, findings } = readPreviousDisclosure(grids, { source: "曲阳2023.xlsx" });
  expect(findings).toEqual([]);
  return previous!;
}

function tunliu2023(agencyOperating = 11.91): PreviousDisclosure {
  const grids = ledgerGrids({ name: TUNLIU, year: 2023, unitNature: "行政" }, [
    {
      functionCode: "2013201",
      economicCode: "30101",
      kind: "人员经费",
      amount: 2232.54 - agencyOperating,
    },
    { functionCode: "2013201", economicCode: "30201", kind: "公用经费", amount: agencyOperating },
  ]);
  return readPreviousDisclosure(grids).previous!;
}

const byRule = (findings: Finding[], pattern: RegExp) =>
  findings.filter((f) => pattern.test(f.ruleId));
const brief = (f: Finding) =>
  `${f.ruleId} ${f.severity} ${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}`;

async function check(name: string, previous?: PreviousDisclosure, grids?: Grid[]) {
  return checkWorkbook(grids ?? (await loadFixture(name)), {
    narrative: narrativeOf(name),
    ...(previous ? { previous } : {}),
  }).findings;
}

describe("last year's file read from a fixture in its own layout", () => {
  it("gives last year's published figures, here every amount doubled", async () => {
    const { previous, findings } = readPreviousDisclosure(await doubledFixture("quyang-2024"));
    expect(findings).toEqual([]);
    expect(previous!.year).toBe(2023);
    expect(previous!.department).toBe(QUYANG);
    // 2 × 872.24, 2 × 316.46, 2 × 555.78, 2 × 1.20.
    expect(previous!.lastYear.expenditureTotal!.toFixed(2)).toBe("1744.48");
    expect(previous!.lastYear.basic!.toFixed(2)).toBe("632.92");
    expect(previous!.lastYear.project!.toFixed(2)).toBe("1111.56");
    expect(previous!.lastYear.threePublic!.toFixed(2)).toBe("2.40");
  });

  it("is a finding, not an exception, when the file holds no budget", () => {
    const { previous, findings } = readPreviousDisclosure([
      { sheet: "Sheet1", origin: { row: 1, col: 1 }, values: [["你好"]] },
    ]);
    expect(previous).toBeUndefined();
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(["previous.unreadable error"]);
  });
});

describe("check with last year's file", () => {
  it("finds quyang's published 比上年 sentences right against the 2023 they imply", async () => {
    const findings = await check("quyang-2024", quyang2023());
    // (quyang's own 舍入差异 in its sum of 小计, −139.90 + 70.21 = −69.69 stated as −69.70, stays 提示.)
    const compared = byRule(findings, /^narrative\.(change|rate)$|^previous\./);
    expect(compared.filter((f) => f.severity !== "info").map(brief)).toEqual([]);
  });

  it("reports a 比上年 sentence that disagrees with last year's published figure, at its paragraph", async () => {
    // Last year's 基本支出 320.00 (so 945.48 in all): 316.46 − 320.00 = −3.54 where the text says
    // 增加2.92, and 872.24 − 945.48 = −73.24 where it says 减少66.78.
    const findings = await check("quyang-2024", quyang2023({ basic: 320 }));
    const changes = byRule(findings, /^narrative\.change$/).filter((f) => f.severity === "error");
    expect(changes.map((f) => [f.expected, f.actual])).toEqual([
      ["-73.24", "-66.78"],
      ["-3.54", "2.92"],
    ]);
    expect(changes[1].message).toMatch(/^quyang-2024\.txt 第22段：文中基本支出比上年增加2\.92万元/);
    // Without last year, the same text is not compared with it.
    const alone = await check("quyang-2024");
    expect(byRule(alone, /^narrative\.change$/).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("warns where a change beyond ±20% has no reason, and not where it has one (tunliu)", async () => {
    expect(changeReasonThreshold("shanxi").toFixed(0)).toBe("20");
    const findings = await check("tunliu-2024", tunliu2023());
    // 收支 +110.84% is explained (主要原因是上年度未包含转移支付项目…); 一般公共预算当年支出 +64.01% is not.
    const reasons = byRule(findings, /^previous\.reason$/);
    expect(reasons).toHaveLength(1);
    expect(reasons[0].severity).toBe("warning");
    expect(reasons[0].message).toContain("增加1,429.14万元，增长64.01%");
    expect(
      byRule(findings, /^narrative\.(change|rate)$/).filter((f) => f.severity === "error")
    ).toEqual([]);
    // 机关运行经费 11.91 last year: −1.11, −9.32%, as the text says; told 12.00, the text is wrong.
    const wrong = await check("tunliu-2024", tunliu2023(12));
    expect(
      byRule(wrong, /^narrative\.change$/)
        .filter((f) => f.severity === "error")
        .map((f) => [f.expected, f.actual])
    ).toEqual([["-1.20", "-1.11"]]);
  });
});

describe("the change of a 类", () => {
  // quyang 2023 had all of its 939.02 in 201; 2024 has 717.94 there: −221.08, −23.54% (by hand:
  // 221.08 ÷ 939.02 = 23.544%), beyond ±20%.
  const stated = "一般公共服务支出717.94万元，比上年减少221.08万元，下降23.54%";
  async function classFindings(sentence: string) {
    const narrative = [...narrativeOf("quyang-2024"), { text: sentence, location: "补充段" }];
    const findings = checkWorkbook(await loadFixture("quyang-2024"), {
      narrative,
      previous: quyang2023(),
    }).findings;
    return findings.filter((f) => /补充段/.test(f.message));
  }

  it("is checked against last year's 类 and warned about without a reason", async () => {
    expect(quyang2023().lastYear["class:201"]!.toFixed(2)).toBe("939.02");
    const findings = await classFindings(`${stated}。`);
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(["previous.reason warning"]);
    expect(findings[0].message).toContain("一般公共服务支出比上年减少221.08万元，下降23.54%");
  });

  it("is not warned about with its reason, and is an error when its figure is wrong", async () => {
    expect(await classFindings(`${stated}，主要原因是人才项目调整到其他科目。`)).toEqual([]);
    const wrong = await classFindings(
      "一般公共服务支出717.94万元，比上年减少200.00万元，主要原因是人才项目调整到其他科目。"
    );
    expect(wrong.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([
      ["narrative.change", "-221.08", "-200.00"],
    ]);
  });
});

describe("pairing last year's file", () => {
  it("is an error, and nothing is compared, when the file is not year − 1", async () => {
    const findings = await check("quyang-2024", quyang2023({ year: 2022, basic: 320 }));
    expect(byRule(findings, /^previous\./).map(brief)).toEqual(["previous.pairing-year error "]);
    expect(byRule(findings, /^previous\./)[0].message).toBe(
      "上年公开文件“曲阳2023.xlsx”是 2022 年的预算，而本年为 2024 年，上年文件应为 2023 年；未与之比较。"
    );
    // The wrong 基本支出 of that file is not held against the text.
    expect(byRule(findings, /^narrative\.change$/).filter((f) => f.severity === "error")).toEqual(
      []
    );
  });

  it("is an error when the file is another department's, named in the message", async () => {
    const findings = await check("quyang-2024", tunliu2023());
    const pairing = byRule(findings, /^previous\./);
    expect(pairing.map(brief)).toEqual(["previous.pairing-department error "]);
    expect(pairing[0].message).toContain(`是“${TUNLIU}”的`);
    expect(pairing[0].message).toContain(`与本年“${QUYANG}”不是同一部门`);
  });

  it("takes 中共…委 and 中国共产党…委员会 for the same department", async () => {
    const findings = await check("quyang-2024", quyang2023({ name: "中共曲阳县委组织部" }));
    expect(byRule(findings, /^previous\.pairing/)).toEqual([]);
  });

  it("lists the 项 that moved between the years instead of dropping them", async () => {
    const previous = quyang2023({ project: 555.48 }, [
      {
        functionCode: "2010101",
        economicCode: "30299",
        kind: "项目支出",
        amount: 70,
        projectName: "干部体检项目",
      },
    ]);
    const findings = await check("quyang-2024", previous);
    const gone = byRule(findings, /^previous\.code-gone$/);
    expect(gone.map((f) => f.message)).toEqual([
      "上年有“2010101 行政运行”70.00 万元，本年无此科目（本年无此项）：如已调整到其他科目，请在情况说明中说明。",
    ]);
    // Every 2024 项 but the two last year had (2013201, 2013202) is new, each listed once.
    const added = byRule(findings, /^previous\.code-new$/).map((f) => /“(\d+)/.exec(f.message)![1]);
    expect(added).toContain("2013299");
    expect(added).not.toContain("2013201");
    expect(added).not.toContain("2013202");
    expect(new Set(added).size).toBe(added.length);
  });
});

describe("the 上年 figures a workbook states", () => {
  it("accepts a 三公 上年 column equal to last year's published figures", async () => {
    const grids = await quyangWithComparison([1.2, 0, 1.2, 0, 1.2, 0]);
    const findings = await check("quyang-2024", quyang2023(), grids);
    expect(byRule(findings, /^previous\.figure$/)).toEqual([]);
  });

  it("reports a planted wrong 上年 figure at its cell, with last year's figure", async () => {
    // 公务用车运行维护费 上年 (B8) 1.50, where last year's file published 1.20.
    const grids = await quyangWithComparison([1.2, 0, 1.2, 0, 1.5, 0]);
    const findings = byRule(await check("quyang-2024", quyang2023(), grids), /^previous\.figure$/);
    expect(findings.map(brief)).toEqual(["previous.figure error 三公比较!B8"]);
    expect(findings[0]).toMatchObject({ expected: "1.20", actual: "1.50" });
    // (The 合计 column no longer adding up is folded into this finding: it is the one mistake.)
    expect(findings[0].message).toMatch(
      /^“三公”经费表“公务用车运行维护费”的“2023年预算数”为 1\.50，而上年公开文件“曲阳2023\.xlsx”公开的为 1\.20，相差 0\.30。/
    );
  });
});

/** quyang's 一般公共预算支出表 with a 上年预算数 column (G) holding `prior` by code (blank: none). */
async function quyangWithPriorColumn(prior: Record<string, number>): Promise<Grid[]> {
  return (await loadFixture("quyang-2024")).map((grid) => {
    if (grid.sheet !== "一般公共预算支出表") return grid;
    const values = grid.values.map((row, r) => {
      const key = r === 5 ? "合计" : String(row[1] ?? "");
      const extra = r === 2 ? "上年预算数" : r === 4 ? 6 : (prior[key] ?? "");
      return [...row, extra];
    });
    return {
      ...grid,
      values,
      merges: [...(grid.merges ?? []), { top: 3, left: 7, bottom: 4, right: 7 }],
    };
  });
}

describe("a 上年预算数 column of a coded table", () => {
  // quyang2023(): 2013201 313.54 (all its 基本支出), 2013202 625.48; 2013250 and 2013299 are new.
  const PRIOR = {
    合计: 939.02,
    "201": 939.02,
    "20132": 939.02,
    "2013201": 313.54,
    "2013202": 625.48,
  };

  it("agrees with last year's published figures code by code", async () => {
    const grids = await quyangWithPriorColumn(PRIOR);
    const findings = await check("quyang-2024", quyang2023(), grids);
    expect(byRule(findings, /^previous\.figure$/)).toEqual([]);
  });

  it("reports a wrong 上年 figure at its cell", async () => {
    const grids = await quyangWithPriorColumn({ ...PRIOR, "2013202": 600 });
    const findings = byRule(await check("quyang-2024", quyang2023(), grids), /^previous\.figure$/);
    expect(findings.map(brief)).toEqual(["previous.figure error 一般公共预算支出表!G10"]);
    expect(findings[0]).toMatchObject({ expected: "625.48", actual: "600.00" });
  });
});

describe("a reason left for the clerk", () => {
  const SENTENCE = "比上年增加1429.14万元,增长64.01%。";

  async function checkTunliuWith(reason: string) {
    const paragraphs = narrativeOf("tunliu-2024").map((p) =>
      p.text.includes(SENTENCE)
        ? { ...p, text: p.text.replace(SENTENCE, `比上年增加1429.14万元,增长64.01%，${reason}。`) }
        : p
    );
    expect(paragraphs.some((p) => p.text.includes(reason))).toBe(true);
    return checkWorkbook(await loadFixture("tunliu-2024"), {
      narrative: paragraphs,
      previous: tunliu2023(),
    }).findings;
  }

  it("keeps a warning while it is a placeholder, and none once it is written", async () => {
    const pending = await checkTunliuWith(
      "主要原因是【请填写：一般公共预算当年支出增减的主要原因】"
    );
    expect(byRule(pending, /^previous\.reason$/)).toEqual([]);
    expect(byRule(pending, /^narrative\.placeholder$/).map((f) => f.severity)).toEqual(["warning"]);
    const written = await checkTunliuWith("主要原因是新增农村离任“三主干”生活补贴等转移支付项目");
    expect(byRule(written, /^previous\.reason$|^narrative\.placeholder$/)).toEqual([]);
  });
});
