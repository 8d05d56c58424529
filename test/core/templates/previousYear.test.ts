import {
  PREVIOUS_YEAR_TEMPLATES,
  TEMPLATES,
  parseFigureKey,
  templateProblems,
} from "../../../src/core/templates";
import type { TemplateId } from "../../../src/core/model";

const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

describe("the tables shown only beside last year's", () => {
  it.each(TEMPLATE_IDS)("are valid templates with sheet names of their own (%s)", (id) => {
    expect(
      templateProblems([...TEMPLATES[id], ...(PREVIOUS_YEAR_TEMPLATES[id] ?? [])], [])
    ).toEqual([]);
  });

  it("are unnumbered, so that the province's 表N stay as published", () => {
    for (const id of TEMPLATE_IDS)
      for (const t of PREVIOUS_YEAR_TEMPLATES[id] ?? []) expect(t.sheetName).not.toMatch(/^表\d/);
  });
});

describe("figure keys of last year", () => {
  it("take a period before the subject", () => {
    const parse = parseFigureKey("change:threePublic.abroad/fiscal.total");
    expect(parse).toMatchObject({
      ok: true,
      key: { period: "change", subject: "threePublic.abroad", group: "fiscal", measure: "total" },
    });
    expect(parseFigureKey("fiscal.total")).toMatchObject({ key: { period: "current" } });
    expect(parseFigureKey("last:fiscal.total").ok).toBe(false);
  });
});
