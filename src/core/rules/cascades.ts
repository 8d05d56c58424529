import { Finding, formatCellRef } from "../finding";
import type { CellRef } from "../finding";
import { Money } from "../money";
import { roundingTolerance } from "../rounding";
import { MESSAGES } from "../messages";

/**
 * One defect, one finding: a wrong cell breaks every sum and comparison it is in. Once some finding
 * names that cell as the wrong one (a `sum.root-cause`, a table outvoted by the others, a side its
 * own table contradicts), the other errors it explains — those that involve the cell and miss by
 * exactly its error — are folded into that finding: its `related` gains their cells and its message
 * says which checks it also breaks.
 */

/** Rules whose findings name the wrong cell itself; they win a tie at the same cell. */
const ROOT_RULES = new Set(["sum.root-cause"]);

/** Differences that agree within this much are taken as the same error (two rounded cells). */
const SAME_ERROR = roundingTolerance(2);

interface Candidate {
  finding: Finding;
  index: number;
  key: string;
  cells: Set<string>;
  gap: Money;
}

const keyOf = (ref: CellRef) => `${ref.sheet}!${ref.cell}`;

function candidate(finding: Finding, index: number): Candidate | undefined {
  if (finding.severity !== "error" || !finding.sheet || !finding.cell) return undefined;
  if (finding.expected === undefined || finding.actual === undefined) return undefined;
  let gap: Money;
  try {
    gap = new Money(finding.actual).minus(finding.expected);
  } catch {
    return undefined; // expected/actual that are not plain amounts (≥25, counts …)
  }
  const key = keyOf({ sheet: finding.sheet, cell: finding.cell });
  return {
    finding,
    index,
    key,
    cells: new Set([key, ...(finding.related ?? []).map(keyOf)]),
    gap,
  };
}

function rank(c: Candidate): number {
  return ROOT_RULES.has(c.finding.ruleId) ? 0 : 1;
}

/** Does `root` name the cell that `other` involves, wrong by the same amount? */
function explains(root: Candidate, other: Candidate): boolean {
  if (root === other || !other.cells.has(root.key)) return false;
  if (root.key === other.key) {
    if (rank(root) !== rank(other)) return rank(root) < rank(other);
    return root.index < other.index;
  }
  if (root.cells.has(other.key)) return false; // each points at the other: no telling
  return root.gap.abs().minus(other.gap.abs()).abs().lessThanOrEqualTo(SAME_ERROR);
}

export function foldCascades(findings: readonly Finding[]): Finding[] {
  const candidates = findings
    .map((f, i) => candidate(f, i))
    .filter((c): c is Candidate => c !== undefined);
  const parent = new Map<Candidate, Candidate>();
  for (const other of candidates) {
    const roots = candidates.filter((root) => explains(root, other));
    if (roots.length === 0) continue;
    roots.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
    parent.set(other, roots[0]);
  }
  const rootOf = (c: Candidate): Candidate => {
    const seen = new Set<Candidate>();
    let current = c;
    while (parent.has(current) && !seen.has(current)) {
      seen.add(current);
      current = parent.get(current)!;
    }
    // A cycle has no root: keep its members as they are.
    return seen.has(current) && parent.has(current) ? c : current;
  };
  const folded = new Map<Candidate, Candidate[]>();
  for (const c of candidates) {
    const root = rootOf(c);
    if (root === c) continue;
    folded.set(root, [...(folded.get(root) ?? []), c]);
  }
  const dropped = new Set([...folded.values()].flat().map((c) => c.finding));
  return findings
    .filter((f) => !dropped.has(f))
    .map((f) => {
      const root = candidates.find((c) => c.finding === f);
      const members = root ? folded.get(root) : undefined;
      if (!root || !members) return f;
      const related = [...(f.related ?? [])];
      const known = new Set([root.key, ...related.map(keyOf)]);
      const broken: string[] = [];
      const sameFigure: string[] = [];
      const add = (ref: CellRef) => {
        if (known.has(keyOf(ref))) return false;
        known.add(keyOf(ref));
        related.push(ref);
        return true;
      };
      for (const member of members) {
        if (member.key === root.key) {
          // The same cell found wrong by another check (the other tables that publish it).
          for (const ref of member.finding.related ?? [])
            if (add(ref) && ref.sheet !== f.sheet) sameFigure.push(formatCellRef(ref, f.sheet));
        } else {
          const ref = { sheet: member.finding.sheet!, cell: member.finding.cell! };
          add(ref);
          broken.push(formatCellRef(ref, f.sheet));
        }
      }
      const message =
        f.message +
        (sameFigure.length > 0 ? MESSAGES.alsoElsewhere(sameFigure) : "") +
        (broken.length > 0 ? MESSAGES.alsoBreaks([...new Set(broken)]) : "");
      return { ...f, message, related };
    });
}
