/**
 * 比上年增减 as narrative runs, from previous/compare: “增加2.92万元，增长0.93%”, “减少69.70万元，
 * 下降11.14%”, “持平”, “增加5.00万元（上年无此项）” — every amount and rate a figure run, so the text
 * and the check read the same numbers. The generator (generate.ts) calls these; only the reasons
 * stay placeholders.
 */
import type { ThreePublicFigures } from "../figures/figures";
import type { Money } from "../money";
import { compareYears } from "../previous/compare";
import type { FigureRun, FigureUnit, LastYearFigures, NarrativeRun } from "./types";

const figure = (value: Money, source: string, unit: FigureUnit = "万元"): FigureRun => ({
  kind: "figure",
  value,
  unit,
  source,
});

/** The change of one figure, in words and figure runs (without a leading 比上年). */
export function yearChangeRuns(
  current: Money,
  last: Money | undefined,
  source: string
): (string | NarrativeRun)[] {
  const change = compareYears(current, last);
  switch (change.kind) {
    case "flat":
      return ["持平"];
    case "new":
      return ["增加", figure(change.amount, `${source}比上年增减`), "（上年无此项）"];
    default: {
      const up = change.amount.isPositive();
      const runs: (string | NarrativeRun)[] = [
        up ? "增加" : "减少",
        figure(change.amount.abs(), `${source}比上年增减`),
      ];
      if (change.rate)
        runs.push(up ? "，增长" : "，下降", figure(change.rate.abs(), `${source}增减率`, "%"));
      return runs;
    }
  }
}

const THREE_PUBLIC_ITEMS: readonly {
  key: keyof ThreePublicFigures & keyof LastYearFigures;
  label: string;
}[] = [
  { key: "abroad", label: "因公出国（境）费" },
  { key: "vehicle", label: "公务用车购置及运维费" },
  { key: "reception", label: "公务接待费" },
];

/**
 * “其中：因公出国（境）费持平；公务用车购置及运维费增加…；公务接待费减少…” — each 三公 item that last
 * year's figures give; nothing when none is given.
 */
export function threePublicItemChangeRuns(
  threePublic: ThreePublicFigures,
  last: LastYearFigures
): (string | NarrativeRun)[] {
  const items = THREE_PUBLIC_ITEMS.filter((i) => last[i.key] !== undefined);
  if (items.length === 0) return [];
  const runs: (string | NarrativeRun)[] = ["，其中："];
  items.forEach((item, i) => {
    if (i > 0) runs.push("；");
    runs.push(
      item.label,
      ...yearChangeRuns(threePublic[item.key].total, last[item.key], item.label)
    );
  });
  return runs;
}
