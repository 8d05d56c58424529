import type { FileResult } from "../../../src/cli/checkFile";
import { UNCHECKED, UNCHECKED_NO_FIGURES } from "../../../src/cli/checkFile";
import { DOCX_UNCHECKED } from "../../../src/cli/docxInput";
import {
  RESUBMIT_REQUEST,
  departmentsOf,
  frequentRules,
  resubmitRequest,
  statusOf,
  totalsOf,
} from "../../../src/cli/review/model";
import type { Finding, Severity } from "../../../src/core/finding";

const finding = (severity: Severity, ruleId: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity,
  message: `${ruleId} 的问题`,
  ...extra,
});

const result = (
  file: string,
  findings: Finding[],
  extra: Partial<FileResult> = {}
): FileResult => ({
  file,
  sheets: ["收支总表", "支出总表"],
  findings,
  ms: 1,
  ...extra,
});

describe("statusOf", () => {
  test("提示 alone, rounding differences included, still 通过", () => {
    expect(statusOf(result("a", []))).toBe("passed");
    expect(statusOf(result("a", [finding("info", "sum.row-parts", { rounding: true })]))).toBe(
      "passed"
    );
  });

  test("a warning without errors is 仅警告; one error is 有错误, whatever else there is", () => {
    expect(statusOf(result("a", [finding("info", "x"), finding("warning", "y")]))).toBe(
      "warningsOnly"
    );
    expect(statusOf(result("a", [finding("warning", "y"), finding("error", "z")]))).toBe("errors");
  });

  test("a file that could not be read is 无法读取, not 通过", () => {
    expect(statusOf(result("a", [], { error: "找不到文件" }))).toBe("unreadable");
  });

  test("a workbook in which no table was recognised is never 通过, and says why", () => {
    const minutes = result("a", [finding("warning", "table.unrecognized")], {
      unchecked: "没有找到任何可识别的标准公开表",
    });
    expect(statusOf(minutes)).toBe("unchecked");
    expect(departmentsOf([minutes])[0].error).toBe("没有找到任何可识别的标准公开表");
  });
});

describe("totalsOf", () => {
  test("counts files by status and findings by severity, rounding differences apart", () => {
    const totals = totalsOf([
      result("a", [finding("error", "r1"), finding("info", "r2", { rounding: true })]),
      result("b", [finding("warning", "r1")]),
      result("c", [finding("info", "r2", { rounding: true }), finding("info", "r3")]),
      result("d", [], { error: "坏了" }),
      result("e", []),
    ]);
    expect(totals).toEqual({
      files: 5,
      status: { passed: 2, errors: 1, warningsOnly: 1, partial: 0, unchecked: 0, unreadable: 1 },
      findings: { error: 1, warning: 1, info: 3 },
      rounding: 2,
    });
  });
});

describe("departmentsOf", () => {
  test("keeps the input order and sorts each department's findings: errors first, sheets in workbook order", () => {
    const [d] = departmentsOf([
      result("a", [
        finding("info", "i", { sheet: "收支总表", cell: "C6" }),
        finding("error", "e2", { sheet: "支出总表", cell: "B3" }),
        finding("error", "e1", { sheet: "收支总表", cell: "B10" }),
        finding("error", "e0", { sheet: "收支总表", cell: "B9" }),
      ]),
    ]);
    expect(d.findings.map((f) => f.ruleId)).toEqual(["e0", "e1", "e2", "i"]);
    expect(d.counts).toEqual({ error: 3, warning: 0, info: 1 });
    expect(departmentsOf([result("x", []), result("y", [])]).map((x) => x.file)).toEqual([
      "x",
      "y",
    ]);
  });
});

describe("resubmitRequest: what a department is asked for matches why nothing was checked", () => {
  const unchecked = (findings: Finding[], reason = UNCHECKED, file = "a.xlsx") =>
    result(file, findings, { unchecked: reason, tables: [] });

  test("no table recognised: the disclosure, not another file", () => {
    expect(resubmitRequest(unchecked([]))).toBe(RESUBMIT_REQUEST.noTables);
    expect(RESUBMIT_REQUEST.noTables).toMatch(/而不是其他文件/);
  });

  test("tables found but empty: fill in the figures, never 'not another file'", () => {
    const request = resubmitRequest(
      unchecked([finding("error", "completeness.no-figures")], UNCHECKED_NO_FIGURES)
    );
    expect(request).toBe(RESUBMIT_REQUEST.noFigures);
    expect(request).toMatch(/没有填写数字.*填好各项预算数/);
    expect(request).not.toMatch(/其他文件/);
  });

  test("empty tables beside another document: the figures are what is missing", () => {
    const request = resubmitRequest(
      unchecked([finding("warning", "workbook.not-disclosure")], UNCHECKED_NO_FIGURES)
    );
    expect(request).toBe(RESUBMIT_REQUEST.noFigures);
  });

  test("a government budget, an execution report, a list of items: the department's disclosure instead", () => {
    const request = resubmitRequest(unchecked([finding("error", "workbook.not-disclosure")]));
    expect(request).toBe(RESUBMIT_REQUEST.notDisclosure);
    expect(request).toMatch(/政府预算、预算执行情况或物品清单/);
  });

  test("a 决算: this year's budget disclosure instead", () => {
    const request = resubmitRequest(unchecked([finding("error", "workbook.final-accounts")]));
    expect(request).toBe(RESUBMIT_REQUEST.finalAccounts);
    expect(request).toMatch(/部门决算表，不是部门预算公开表/);
  });

  test("a 情况说明 document with no table: the workbook as well", () => {
    expect(resubmitRequest(unchecked([], DOCX_UNCHECKED, "说明.docx"))).toBe(
      RESUBMIT_REQUEST.documentOnly
    );
  });

  test("a file that could not be read: one that opens", () => {
    expect(resubmitRequest(result("a.xlsx", [], { error: "文件已损坏" }))).toBe(
      RESUBMIT_REQUEST.unreadable
    );
  });

  test("a file that was checked asks for nothing, and its department carries no request", () => {
    expect(resubmitRequest(result("a.xlsx", [finding("error", "sum.total")]))).toBeUndefined();
    expect(departmentsOf([result("a.xlsx", [])])[0].resubmit).toBeUndefined();
    expect(departmentsOf([unchecked([])])[0].resubmit).toBe(RESUBMIT_REQUEST.noTables);
  });

  test("every request is a different sentence", () => {
    const texts = Object.values(RESUBMIT_REQUEST);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("frequentRules", () => {
  test("ranks rules by the departments they hit, not by how often they fire in one", () => {
    const many = Array.from({ length: 9 }, () => finding("error", "noisy"));
    const rules = frequentRules([
      result("a", [...many, finding("warning", "common")]),
      result("b", [finding("warning", "common"), finding("error", "common")]),
      result("c", [finding("warning", "common")]),
    ]);
    expect(rules).toEqual([
      { rule: "common", departments: 3, findings: 4, worst: "error" },
      { rule: "noisy", departments: 1, findings: 9, worst: "error" },
    ]);
  });

  test("leaves out 提示 and keeps the first `limit`", () => {
    const results = [
      result("a", [
        finding("info", "rounding", { rounding: true }),
        ...["r1", "r2", "r3"].map((r) => finding("warning", r)),
      ]),
    ];
    expect(frequentRules(results).map((r) => r.rule)).toEqual(["r1", "r2", "r3"]);
    expect(frequentRules(results, 2)).toHaveLength(2);
  });
});
