import path from "path";
import ExcelJS from "exceljs";
import {
  Catalog,
  ECONOMIC_CODES,
  ECONOMIC_TO_GOV_ECONOMIC,
  FUNCTION_CODES,
  GOV_ECONOMIC_CODES,
  isWellFormedCode,
  levelOfCode,
  normalizeCode,
  normalizeName,
  parentCode,
  systemOfCode,
} from "../../../src/core/codes";
import type { CodeSystem } from "../../../src/core/codes";

const FIXTURES = path.join(__dirname, "../../../../shared/fixtures");

/** The 类 of the standard 收支总表, as DOMAIN.md lists them, with the names the tables print. */
const CLASSES: Array<[string, string]> = [
  ["201", "一般公共服务支出"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["209", "社会保险基金支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["233", "债务发行费用支出"],
  ["234", "抗疫特别国债安排的支出"],
];

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((r) => r.text).join("");
  return "";
}

interface PrintedCode {
  sheet: string;
  address: string;
  code: string;
  name: string;
}

/**
 * Code-looking cells of a workbook: text of 3/5/7 digits (2xx) or 3/5 digits (3xx) in a column
 * whose header says 编码 while the column to its right says 名称 (科目编码 | 科目名称).
 */
async function printedCodes(file: string): Promise<PrintedCode[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(FIXTURES, file));
  const found: PrintedCode[] = [];
  for (const sheet of workbook.worksheets) {
    const codeColumns = new Set<number>();
    sheet.eachRow((row) => {
      row.eachCell((cell, col) => {
        const text = cellText(cell.value).replace(/\s/g, "");
        const right = cellText(row.getCell(col + 1).value).replace(/\s/g, "");
        if (text.endsWith("编码") && right.endsWith("名称")) codeColumns.add(col);
      });
    });
    sheet.eachRow((row) => {
      for (const col of codeColumns) {
        const cell = row.getCell(col);
        const text = cellText(cell.value);
        if (/^(2\d{2}(\d{2}){0,2}|3\d{2}(\d{2})?)$/.test(text)) {
          found.push({
            sheet: sheet.name,
            address: cell.address,
            code: text,
            name: cellText(row.getCell(col + 1).value),
          });
        }
      }
    });
  }
  return found;
}

describe("code shapes", () => {
  it("tells the system of a code from its first digit and length", () => {
    expect(systemOfCode("2013201")).toBe("function");
    expect(systemOfCode("30101")).toBe("economic");
    expect(systemOfCode("50101")).toBe("govEconomic");
    expect(systemOfCode("4010101")).toBeUndefined();
    expect(systemOfCode("3010101")).toBeUndefined();
  });

  it("gives 类, 款 and 项 levels by code length", () => {
    expect(levelOfCode("201")).toBe(1);
    expect(levelOfCode("20132")).toBe(2);
    expect(levelOfCode("2013201")).toBe(3);
    expect(levelOfCode("302")).toBe(1);
    expect(levelOfCode("30213")).toBe(2);
    expect(levelOfCode("50905", "govEconomic")).toBe(2);
  });

  it("refuses a level for a code of another system than the one asked for", () => {
    expect(levelOfCode("30101", "function")).toBeUndefined();
    expect(levelOfCode("20132", "economic")).toBeUndefined();
  });

  it("rejects codes of the wrong length or with non-digits", () => {
    expect(isWellFormedCode("2013201")).toBe(true);
    expect(isWellFormedCode("201320")).toBe(false);
    expect(isWellFormedCode("3010101")).toBe(false);
    expect(isWellFormedCode("20l32")).toBe(false);
    expect(isWellFormedCode(" 20132")).toBe(false);
    expect(isWellFormedCode("")).toBe(false);
  });

  it("derives the parent code of a 项 and a 款, and none for a 类", () => {
    expect(parentCode("2013201")).toBe("20132");
    expect(parentCode("20132")).toBe("201");
    expect(parentCode("30101")).toBe("301");
    expect(parentCode("201")).toBeUndefined();
    expect(parentCode("abc")).toBeUndefined();
  });

  it("normalizes numbers, padded text and full-width digits into code text", () => {
    expect(normalizeCode(2013201)).toBe("2013201");
    expect(normalizeCode("  20132 ")).toBe("20132");
    expect(normalizeCode("２０１３２０１")).toBe("2013201");
    expect(normalizeCode("201 32 01")).toBe("2013201");
    expect(normalizeCode("'30101")).toBe("30101");
  });

  it("returns undefined for blank values", () => {
    expect(normalizeCode("")).toBeUndefined();
    expect(normalizeCode("   ")).toBeUndefined();
    expect(normalizeCode("\u3000")).toBeUndefined();
    expect(normalizeCode(null)).toBeUndefined();
    expect(normalizeCode(undefined)).toBeUndefined();
  });
});

describe("normalizeName", () => {
  it("treats full-width and ASCII parentheses and spaces as equal", () => {
    expect(normalizeName("维修(护)费")).toBe(normalizeName("维修（护）费"));
    expect(normalizeName(" 行政 运行\u3000")).toBe(normalizeName("行政运行"));
  });

  it("drops the list prefixes tables put before names", () => {
    expect(normalizeName("二十、住房保障支出")).toBe(normalizeName("住房保障支出"));
    expect(normalizeName("（一）基本工资")).toBe(normalizeName("基本工资"));
    expect(normalizeName("    其中：公务用车购置费")).toBe(normalizeName("公务用车购置费"));
    expect(normalizeName("一般公共服务支出")).toBe("一般公共服务支出");
  });
});

describe("standard catalog", () => {
  const catalog = Catalog.standard();

  it("has every 类 listed in DOMAIN.md at level 1 with the name printed in the tables", () => {
    for (const [code, name] of CLASSES) {
      const entry = catalog.get(code);
      expect(entry).toMatchObject({ code, name, system: "function", level: 1, source: "standard" });
      expect(entry?.parent).toBeUndefined();
    }
  });

  it("has the economic 类 of both economic classifications at level 1", () => {
    for (const code of ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"]) {
      expect(catalog.get(code)).toMatchObject({ system: "economic", level: 1 });
    }
    for (const code of ["501", "502", "503", "505", "506", "509", "599"]) {
      expect(catalog.get(code)).toMatchObject({ system: "govEconomic", level: 1 });
    }
  });

  it("contains the 款 and 项 ordinary departments use", () => {
    const expected: Record<string, string> = {
      "2013201": "行政运行",
      "2013202": "一般行政管理事务",
      "2013203": "机关服务",
      "2013250": "事业运行",
      "2069999": "其他科学技术支出",
      "2080501": "行政单位离退休",
      "2080502": "事业单位离退休",
      "2080505": "机关事业单位基本养老保险缴费支出",
      "2080506": "机关事业单位职业年金缴费支出",
      "2101101": "行政单位医疗",
      "2101102": "事业单位医疗",
      "2101103": "公务员医疗补助",
      "2130152": "对高校毕业生到基层任职补助",
      "2130705": "对村民委员会和村党支部的补助",
      "2130706": "对集体经济组织的补助",
      "2210201": "住房公积金",
      "2210202": "提租补贴",
      "2210203": "购房补贴",
      "30212": "因公出国（境）费用",
      "30217": "公务接待费",
      "30231": "公务用车运行维护费",
      "31013": "公务用车购置",
      "50101": "工资奖金津补贴",
      "50501": "工资福利支出",
      "50905": "离退休费",
    };
    for (const [code, name] of Object.entries(expected)) expect(catalog.name(code)).toBe(name);
    for (const code of [
      "2080599",
      "20801",
      "20802",
      "20808",
      "20899",
      "2101199",
      "2130701",
      "2130799",
      "20501",
      "20502",
    ]) {
      expect(catalog.has(code)).toBe(true);
    }
  });

  it("has no duplicate codes in the shipped data", () => {
    const codes = [...FUNCTION_CODES, ...ECONOMIC_CODES, ...GOV_ECONOMIC_CODES].map(
      ([code]) => code
    );
    const duplicates = codes.filter((code, i) => codes.indexOf(code) !== i);
    expect(duplicates).toEqual([]);
    expect(catalog.entries()).toHaveLength(codes.length);
  });

  it("ships only well-formed codes in the file of their own system", () => {
    const files: Array<[CodeSystem, ReadonlyArray<readonly [string, string]>]> = [
      ["function", FUNCTION_CODES],
      ["economic", ECONOMIC_CODES],
      ["govEconomic", GOV_ECONOMIC_CODES],
    ];
    for (const [system, rows] of files) {
      for (const [code, name] of rows) {
        expect({ code, system: systemOfCode(code) }).toEqual({ code, system });
        expect(name.trim()).not.toBe("");
      }
    }
  });

  it("has a parent in the catalog for every 款 and 项", () => {
    const orphans = catalog
      .entries()
      .filter((e) => e.parent !== undefined && !catalog.has(e.parent));
    expect(orphans).toEqual([]);
  });

  it("derives level and parent from the code", () => {
    expect(catalog.get("2013201")).toMatchObject({ level: 3, parent: "20132", system: "function" });
    expect(catalog.get("20132")).toMatchObject({ level: 2, parent: "201" });
    expect(catalog.get("30213")).toMatchObject({ level: 2, parent: "302", system: "economic" });
    expect(catalog.get("50102")).toMatchObject({ level: 2, parent: "501", system: "govEconomic" });
  });

  it("looks codes up from numbers and padded text", () => {
    expect(catalog.name(2013201)).toBe("行政运行");
    expect(catalog.name(" 30101 ")).toBe("基本工资");
    expect(catalog.has("9999999")).toBe(false);
    expect(catalog.get(undefined)).toBeUndefined();
  });

  it("returns the parent chain of a 项 code, nearest first", () => {
    expect(catalog.ancestors("2013201").map((e) => e.code)).toEqual(["20132", "201"]);
    expect(catalog.ancestors("30101").map((e) => e.code)).toEqual(["301"]);
    expect(catalog.ancestors("201")).toEqual([]);
  });

  it("lists the children of a 款 in code order", () => {
    expect(catalog.children("21011").map((e) => e.code)).toEqual([
      "2101101",
      "2101102",
      "2101103",
      "2101199",
    ]);
    expect(catalog.children("2013201")).toEqual([]);
  });

  it("lists the entries of one system in code order", () => {
    const economic = catalog.entries("economic");
    expect(economic.every((e) => e.system === "economic")).toBe(true);
    expect(economic.map((e) => e.code)).toEqual([...economic.map((e) => e.code)].sort());
    expect(economic[0]?.code).toBe("301");
  });

  it("is built once and shared", () => {
    expect(Catalog.standard()).toBe(catalog);
  });

  it("hands out entries that cannot be changed", () => {
    const entry = catalog.get("30101")!;
    expect(() => {
      (entry as { name: string }).name = "改名";
    }).toThrow();
    expect(catalog.name("30101")).toBe("基本工资");
  });
});

describe("findByName", () => {
  const catalog = Catalog.standard();

  it("finds a name printed with ASCII parentheses", () => {
    expect(catalog.findByName("维修(护)费", "economic")?.code).toBe("30213");
    expect(catalog.findByName("因公出国(境)费用", "govEconomic")?.code).toBe("50207");
  });

  it("accepts a missing 支出 suffix when only one entry matches", () => {
    expect(catalog.findByName("一般公共服务", "function")?.code).toBe("201");
    expect(catalog.findByName("债务还本", "function")?.code).toBe("231");
    expect(catalog.findByName("其他市场监督管理事务支出", "function")?.code).toBe("2013899");
  });

  it("accepts 费 for 费用 as 三公 tables print it", () => {
    expect(catalog.findByName("因公出国（境）费", "economic")?.code).toBe("30212");
  });

  it("returns nothing for an ambiguous name unless the parent is given", () => {
    expect(catalog.findByName("行政运行", "function")).toBeUndefined();
    expect(catalog.findAllByName("行政运行", "function").length).toBeGreaterThan(10);
    expect(catalog.findByName("行政运行", "function", "20132")?.code).toBe("2013201");
    expect(catalog.findByName("其他科学技术支出", "function", "206")?.code).toBe("20699");
    expect(catalog.findByName("其他科学技术支出", "function", "20699")?.code).toBe("2069999");
  });

  it("keeps the three systems apart", () => {
    expect(catalog.findByName("住房公积金", "function")?.code).toBe("2210201");
    expect(catalog.findByName("住房公积金", "economic")?.code).toBe("30113");
    expect(catalog.findByName("住房公积金", "govEconomic")?.code).toBe("50103");
  });

  it("returns nothing for an unknown name", () => {
    expect(catalog.findByName("不存在的科目", "function")).toBeUndefined();
  });
});

describe("fixture workbooks", () => {
  const catalog = Catalog.standard();

  it.each(["quyang-2024.xlsx", "tunliu-2024.xlsx"])(
    "knows every function and economic code printed in %s, with the printed name",
    async (file) => {
      const printed = await printedCodes(file);
      // Guard against a scan that silently finds nothing.
      expect(printed.length).toBeGreaterThan(40);
      const mismatches = printed
        .filter(({ code, name }) => normalizeName(catalog.name(code) ?? "") !== normalizeName(name))
        .map(
          (p) =>
            `${p.sheet}!${p.address} ${p.code} ${p.name} ≠ ${catalog.name(p.code) ?? "(missing)"}`
        );
      expect(mismatches).toEqual([]);
    }
  );

  it("resolves every 部门预算支出经济科目名称 of the Shanxi 基本支出表 by name", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(FIXTURES, "tunliu-2024.xlsx"));
    const sheet = workbook.getWorksheet("基本支出表")!;
    for (let r = 7; r <= 27; r++) {
      const name = cellText(sheet.getCell(`A${r}`).value);
      expect({ row: r, name, found: catalog.findByName(name, "economic") !== undefined }).toEqual({
        row: r,
        name,
        found: true,
      });
    }
  });

  it("maps each Shanxi 基本支出表 部门 款 to the 政府 款 printed beside it", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(FIXTURES, "tunliu-2024.xlsx"));
    const sheet = workbook.getWorksheet("基本支出表")!;
    let pairs = 0;
    for (let r = 7; r <= 27; r++) {
      const govName = cellText(sheet.getCell(`B${r}`).value);
      if (govName === "") continue; // 类 rows have no 政府 counterpart printed
      const economic = catalog.findByName(cellText(sheet.getCell(`A${r}`).value), "economic");
      const gov = catalog.findByName(govName, "govEconomic");
      expect(gov?.level).toBe(2);
      expect(ECONOMIC_TO_GOV_ECONOMIC[economic!.code]).toContain(gov!.code);
      pairs++;
    }
    expect(pairs).toBe(18);
  });
});

describe("ECONOMIC_TO_GOV_ECONOMIC", () => {
  const catalog = Catalog.standard();

  it("maps 部门 款 that exist to 政府 款 that exist", () => {
    for (const [from, targets] of Object.entries(ECONOMIC_TO_GOV_ECONOMIC)) {
      expect(catalog.get(from)).toMatchObject({ system: "economic", level: 2 });
      expect(targets.length).toBeGreaterThan(0);
      for (const to of targets)
        expect(catalog.get(to)).toMatchObject({ system: "govEconomic", level: 2 });
    }
  });
});

describe("withUserEntries", () => {
  const standard = Catalog.standard();

  it("lets a user row override a standard name", () => {
    const { catalog, problems } = standard.withUserEntries([
      { code: "2130706", name: "对村集体经济组织的补助" },
    ]);
    expect(problems).toEqual([]);
    expect(catalog.get("2130706")).toMatchObject({
      name: "对村集体经济组织的补助",
      source: "user",
      level: 3,
      parent: "21307",
    });
  });

  it("adds codes the standard catalog lacks, under their standard parent", () => {
    const { catalog, problems } = standard.withUserEntries([
      { code: 2013206, name: "自定义项" },
      { code: "20140", name: "信访事务" },
      { code: "2014001", name: "行政运行" },
    ]);
    expect(problems).toEqual([]);
    expect(catalog.name("2013206")).toBe("自定义项");
    expect(catalog.children("20140").map((e) => e.code)).toEqual(["2014001"]);
    expect(catalog.ancestors("2014001").map((e) => e.code)).toEqual(["20140", "201"]);
    // 2010308 is also 信访事务, so the name alone is ambiguous; under 类 201 it is the new 款.
    expect(catalog.findByName("信访事务", "function", "201")?.code).toBe("20140");
  });

  it("reports invalid codes as problems in Chinese instead of throwing", () => {
    const rows = [
      { code: "abc", name: "乱码" },
      { code: "201320", name: "六位" },
      { code: "40101", name: "四开头" },
      { code: "", name: "没有编码" },
      { code: "30101", name: "" },
      { code: { weird: true }, name: 42 },
    ];
    let result: ReturnType<Catalog["withUserEntries"]> | undefined;
    expect(() => {
      result = standard.withUserEntries(rows);
    }).not.toThrow();
    const problems = result!.problems;
    expect(problems.map((p) => p.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(problems[0]!.reason).toContain("非数字");
    expect(problems[1]!.reason).toContain("位数不对");
    expect(problems[2]!.code).toBe("40101");
    expect(problems[3]!.reason).toContain("缺少科目编码");
    expect(problems[4]!.reason).toContain("缺少科目名称");
    for (const p of problems) expect(p.reason).toMatch(/[\u4e00-\u9fff]/);
    // Unusable rows change nothing.
    expect(result!.catalog.name("30101")).toBe("基本工资");
    expect(result!.catalog.entries()).toHaveLength(standard.entries().length);
  });

  it("tolerates holes in a list coming from JavaScript", () => {
    const rows = [
      null,
      undefined,
      { code: "30101", name: "基本工资（自定义）" },
    ] as unknown as Array<{ code: unknown; name: unknown }>;
    const { catalog, problems } = standard.withUserEntries(rows);
    expect(problems).toEqual([]);
    expect(catalog.name("30101")).toBe("基本工资（自定义）");
  });

  it("skips rows whose code and name are both blank", () => {
    const { catalog, problems } = standard.withUserEntries([
      { code: "", name: "  " },
      { code: null, name: null },
    ]);
    expect(problems).toEqual([]);
    expect(catalog.entries()).toHaveLength(standard.entries().length);
  });

  it("reports a user 项 whose 款 is in neither list but still adds it", () => {
    const { catalog, problems } = standard.withUserEntries([{ code: "2019801", name: "孤立项" }]);
    expect(problems).toEqual([
      { row: 1, code: "2019801", reason: expect.stringContaining("上级科目“20198”") },
    ]);
    expect(catalog.has("2019801")).toBe(true);
  });

  it("reports duplicate user codes and keeps the later row", () => {
    const { catalog, problems } = standard.withUserEntries([
      { code: "30299", name: "第一" },
      { code: "30299", name: "第二" },
    ]);
    expect(problems).toEqual([
      { row: 2, code: "30299", reason: expect.stringContaining("第1行重复") },
    ]);
    expect(catalog.name("30299")).toBe("第二");
  });

  it("does not change the standard catalog", () => {
    const before = JSON.stringify(standard.entries());
    const { catalog } = standard.withUserEntries([
      { code: "30101", name: "改过的名字" },
      { code: "2013206", name: "新增项" },
    ]);
    expect(catalog).not.toBe(standard);
    expect(JSON.stringify(Catalog.standard().entries())).toBe(before);
    expect(Catalog.standard().name("30101")).toBe("基本工资");
    expect(Catalog.standard().has("2013206")).toBe(false);
    expect(
      Catalog.standard()
        .children("20132")
        .map((e) => e.code)
    ).not.toContain("2013206");
  });
});
