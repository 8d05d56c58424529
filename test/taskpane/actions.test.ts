import { SUPPLEMENT_TEMPLATES, TEMPLATES } from "../../src/core/templates";
import {
  exportDisclosure,
  generateTables,
  openInExcel,
  runCheck,
  toBase64,
} from "../../src/taskpane/actions";
import type { CheckOutcome } from "../../src/taskpane/actions";
import { changeText } from "../../src/core/format/disclosure";
import { cloneGrid, loadFixture } from "../helpers/fixtures";
import { fakeHost } from "./fakeHost";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

describe("pane actions", () => {
  let tunliu: CheckOutcome;
  beforeAll(async () => {
    tunliu = await runCheck(fakeHost(await loadFixture("tunliu-2024")));
  });

  test("runCheck reads the workbook once and checks it", async () => {
    const host = fakeHost(await loadFixture("tunliu-2024"));
    const outcome = await runCheck(host);
    expect(host.readWorkbook).toHaveBeenCalledTimes(1);
    expect(outcome.check.template).toBe("shanxi");
    expect(outcome.sheets).toHaveLength(13);
  });

  test("runCheck leaves tables it generated earlier out, so each table is read once", async () => {
    const source = await loadFixture("tunliu-2024");
    const generated = source.map((grid, i) => ({ ...grid, sheet: TEMPLATES.shanxi[i].sheetName }));
    const host = fakeHost([...source, ...generated]);
    const outcome = await runCheck(host);
    expect(outcome.check.model.tables.map((t) => t.table.sheet)).toEqual(
      source.map((g) => g.sheet)
    );
    // A workbook that holds only generated tables is checked as it is.
    const onlyGenerated = await runCheck(fakeHost(generated));
    expect(onlyGenerated.check.model.tables).toHaveLength(13);
  });

  test("generateTables writes the template's tables with the chart of 一般公共预算 by 类", async () => {
    const host = fakeHost([]);
    const progress: number[] = [];
    const result = await generateTables(host, tunliu.check, "shanxi", {
      replace: false,
      onProgress: (p) => progress.push(p.done),
    });
    const names = TEMPLATES.shanxi.map((t) => t.sheetName);
    expect(result).toEqual({
      ok: true,
      created: names,
      notes: expect.any(Array),
      changes: expect.any(Array),
    });
    // What the tables print differently from tunliu's own, for the pane's summary.
    expect(result.ok && result.changes.map(changeText)).toContain(
      "【支出总表】C7 “201 一般公共服务支出”的“合计”：1,813.51 → 1,813.52（+0.01）"
    );
    expect(progress).toEqual(names.map((_, i) => i + 1));
    const [specs, options] = host.writeSheets.mock.calls[0];
    expect(specs.map((s: { sheetName: string }) => s.sheetName)).toEqual(names);
    expect(options.replace).toBe(false);
    const chart = options.chart!;
    expect(specs.find((s: { kind: string }) => s.kind === "一般公共预算支出表").sheetName).toBe(
      chart.sheet
    );
    expect(chart.title).toBe("2024年一般公共预算支出结构（按支出功能分类科目，单位：万元）");
    expect(chart.categories.length).toBe(chart.values.length);
    expect(chart.categories).toContain("一般公共服务支出");
    expect(chart.values.every((v: number) => typeof v === "number" && v > 0)).toBe(true);
  });

  test("generateTables adds Hebei's 项目绩效目标, 政府采购 and 固定资产 when the workbook has them", async () => {
    const quyang = await runCheck(fakeHost(await loadFixture("quyang-2024")));
    const host = fakeHost([]);
    const result = await generateTables(host, quyang.check, "hebei", { replace: false });
    const names = [...TEMPLATES.hebei, ...SUPPLEMENT_TEMPLATES.hebei].map((t) => t.sheetName);
    // quyang's published figures come out as published: nothing changes.
    expect(result).toEqual({ ok: true, created: names, notes: expect.any(Array), changes: [] });
    // tunliu has none of them: the ten tables, and a note for each table left out.
    const fromTunliu = await generateTables(fakeHost([]), tunliu.check, "hebei", {
      replace: false,
    });
    expect(fromTunliu.ok && fromTunliu.created).toEqual(TEMPLATES.hebei.map((t) => t.sheetName));
    expect(
      fromTunliu.ok && fromTunliu.notes.filter((n) => n.ruleId === "supplement.missing")
    ).toHaveLength(3);
  });

  test("generateTables passes replace through and reports a failed write", async () => {
    const host = fakeHost([], { write: async () => ({ ok: false, message: "受保护" }) });
    const result = await generateTables(host, tunliu.check, "hebei", { replace: true });
    expect(host.writeSheets.mock.calls[0][1].replace).toBe(true);
    expect(result).toEqual({ ok: false, reason: "write", message: "受保护" });
  });

  test("generateTables has nothing to write without budget data", async () => {
    const empty = await runCheck(fakeHost([]));
    const host = fakeHost([]);
    expect(await generateTables(host, empty.check, "mof", { replace: false })).toMatchObject({
      ok: false,
      reason: "noData",
    });
    expect(host.writeSheets).not.toHaveBeenCalled();
  });

  test("exportDisclosure renders the xlsx and the docx under the CLI's names", async () => {
    const xlsx = await exportDisclosure(tunliu.check, undefined, "xlsx");
    const docx = await exportDisclosure(tunliu.check, undefined, "docx");
    if (!xlsx.ok || !docx.ok) throw new Error("export failed");
    expect(xlsx.file.fileName).toBe("中共长治市屯留区委组织部-2024-部门预算公开.xlsx");
    expect(docx.file.fileName).toBe("中共长治市屯留区委组织部-2024-部门预算公开.docx");
    expect(xlsx.file.mimeType).toMatch(/spreadsheetml/);
    expect(docx.file.mimeType).toMatch(/wordprocessingml/);
    expect([...xlsx.file.bytes.slice(0, 4)]).toEqual(ZIP);
    expect([...docx.file.bytes.slice(0, 4)]).toEqual(ZIP);
  });

  test("exportDisclosure lists the figures it changes, and stops at a change beyond rounding unless overridden", async () => {
    const done = await exportDisclosure(tunliu.check, undefined, "xlsx");
    expect(done.ok && done.changes.length).toBeGreaterThan(0);
    expect(done.ok && done.changes.every((c) => c.withinRounding)).toBe(true);
    // 50 万元 more in one project than the 项 it is booked under has.
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    const projects = grids.find((g) => g.sheet === "项目支出(本年)")!;
    const row = projects.values.findIndex((r) => r[0] === "公务员奖励奖金");
    projects.values[row] = projects.values[row].map((v) => (v === 50 ? 100 : v));
    const changed = await runCheck(fakeHost(grids));
    const stopped = await exportDisclosure(changed.check, undefined, "docx");
    expect(stopped).toMatchObject({ ok: false, reason: "changes" });
    expect(
      !stopped.ok && stopped.reason === "changes" && stopped.changes.some((c) => !c.withinRounding)
    ).toBe(true);
    // …and the builders' own problems (the project row that fits no 科目) come with it.
    expect(!stopped.ok && stopped.reason === "changes" && stopped.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: "figures.project-unmatched", severity: "error" }),
      ])
    );
    const anyway = await exportDisclosure(changed.check, undefined, "xlsx", { override: true });
    expect(anyway.ok).toBe(true);
  });

  test("exportDisclosure says what is missing", async () => {
    const empty = await runCheck(fakeHost([]));
    expect(await exportDisclosure(empty.check, "mof", "xlsx")).toEqual({
      ok: false,
      reason: "department",
    });
  });

  test("openInExcel hands the host the workbook as base64", async () => {
    const host = fakeHost([]);
    const bytes = Uint8Array.from([1, 2, 3, 250]);
    await openInExcel(host, { fileName: "a.xlsx", mimeType: "x", bytes });
    expect(host.createWorkbookFromXlsx).toHaveBeenCalledWith(Buffer.from(bytes).toString("base64"));
  });

  test("toBase64 agrees with Node's encoder for every padding", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 300]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });
});
