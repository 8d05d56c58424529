import { matchesDepartment } from "../../../src/core/read/unitRows";

describe("matchesDepartment", () => {
  it("takes the department's own name, with or without a unit code, as exact", () => {
    expect(matchesDepartment("中共长治市屯留区委组织部", "中共长治市屯留区委组织部")).toBe("exact");
    expect(matchesDepartment("203001 中共长治市屯留区委组织部", "中共长治市屯留区委组织部")).toBe(
      "exact"
    );
    expect(matchesDepartment("中共长治市 屯留区委组织部", "中共长治市屯留区委组织部")).toBe(
      "exact"
    );
  });

  it("takes （本级）, (本级), 本级 and 机关 after the name as the department's own row", () => {
    for (const suffix of ["（本级）", "(本级)", "本级", "机关", "[本级]"])
      expect(matchesDepartment(`某某县教育局${suffix}`, "某某县教育局")).toBe("suffix");
  });

  it("takes no other name", () => {
    expect(matchesDepartment("屯留区委组织部", "中共长治市屯留区委组织部")).toBeUndefined();
    expect(matchesDepartment("某某县教育局第一中学", "某某县教育局")).toBeUndefined();
    expect(matchesDepartment("某某县教育局", "")).toBeUndefined();
  });
});
