import { isWellFormedCode } from "../codes";
import type { Catalog, CodeProblem, CodeSystem } from "../codes";
import type { Finding } from "../finding";
import type { TableRow } from "../read/table";
import { compactText } from "../read/text";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";

/**
 * A printed code must be well formed and exist in the catalog (shipped or user-supplied). A slip
 * the reader put right or worked round (O for 0, a space, the wrong number of digits) is named,
 * with how the row was read.
 */
const RULE_ID = "code.unknown";

const SYSTEM_NAME: Readonly<Record<CodeSystem, string>> = MESSAGES.codeSystemName;

function describe(problem: CodeProblem): string {
  switch (problem.kind) {
    case "lookalike":
      return MESSAGES.codeLookalike(problem.letter, problem.digit);
    case "space":
      return MESSAGES.codeSpace();
    case "character":
      return MESSAGES.codeCharacter([problem.character]);
    case "system":
      return MESSAGES.codeSystem(problem.first);
    case "length":
      return MESSAGES.codeLength(SYSTEM_NAME[problem.system], problem.digits, problem.lengths);
  }
}

function problemMessage(text: string, row: TableRow, catalog: Catalog): string {
  const problems = row.codeCell!.problems!;
  const characters = problems.flatMap((p) => (p.kind === "character" ? [p.character] : []));
  const described = [
    ...problems.filter((p) => p.kind !== "character").map(describe),
    ...(characters.length > 0 ? [MESSAGES.codeCharacter(characters)] : []),
  ];
  const reading = !row.code
    ? MESSAGES.codeUnplaced()
    : row.codeFrom === "name"
      ? MESSAGES.codePlacedByName(row.code, catalog.name(row.code) ?? row.label)
      : MESSAGES.codeReadAs(row.code) +
        (isWellFormedCode(row.code) && !catalog.has(row.code)
          ? MESSAGES.codeAlsoUnknown(row.code)
          : "");
  return MESSAGES.codeProblems(text, described, reading);
}

export const codeUnknown: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["code.unknown"],
  severity: "warning",
  scope: "table",
  run({ table, catalog }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      for (const row of side.rows) {
        if (!row.codeCell || row.role !== "item") continue;
        const text = compactText(row.codeCell.raw);
        if (text === "") continue;
        const base = {
          ruleId: RULE_ID,
          severity: "warning" as const,
          sheet: table.sheet,
          cell: row.codeCell.address,
          actual: text,
        };
        if (row.codeCell.problems && row.codeCell.problems.length > 0) {
          const raw = typeof row.codeCell.raw === "string" ? row.codeCell.raw.trim() : text;
          findings.push({
            ...base,
            actual: raw,
            ...(row.code ? { expected: row.code } : {}),
            message: problemMessage(raw, row, catalog),
          });
        } else if (!row.code || !isWellFormedCode(row.code))
          findings.push({ ...base, message: MESSAGES.malformedCode(text) });
        else if (!catalog.has(row.code))
          findings.push({ ...base, message: MESSAGES.unknownCode(row.code) });
      }
    }
    return findings;
  },
};
