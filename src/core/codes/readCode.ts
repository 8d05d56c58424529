/**
 * Reading a code cell as a clerk typed it: a code with a letter O for the digit 0, an l for 1, a
 * space in the middle, too few or too many digits. The code it stands for is recovered where the
 * slip is unambiguous, and every slip is named so that the rules can say what is wrong.
 */
import type { CodeSystem } from "./types";

export type CodeProblem =
  /** A letter where a digit belongs: O for 0, l or I for 1. */
  | { kind: "lookalike"; letter: string; digit: string }
  /** Whitespace inside the code (or around it, in a code stored as text). */
  | { kind: "space" }
  /** A character that is neither a digit nor a look-alike: 20A3, 201.32. */
  | { kind: "character"; character: string }
  /** Digits that begin no classification: not 2 (功能), 3 (部门经济) or 5 (政府经济). */
  | { kind: "system"; first: string }
  /** The right system, the wrong number of digits. */
  | { kind: "length"; system: CodeSystem; digits: number; lengths: readonly number[] };

export interface CodeCellReading {
  /** The text as typed (NFKC, trimmed, without Excel's leading apostrophe). */
  text: string;
  /** The code it stands for once look-alike letters and spaces are put right: 3, 5 or 7 digits. */
  code?: string;
  problems: CodeProblem[];
}

const LOOKALIKES: Readonly<Record<string, string>> = {
  O: "0",
  o: "0",
  〇: "0",
  l: "1",
  I: "1",
  "|": "1",
};

export const CODE_LENGTHS: Readonly<Record<CodeSystem, readonly number[]>> = {
  function: [3, 5, 7],
  economic: [3, 5],
  govEconomic: [3, 5],
};

const SYSTEM_BY_FIRST_DIGIT: Readonly<Record<string, CodeSystem>> = {
  "2": "function",
  "3": "economic",
  "5": "govEconomic",
};

/**
 * Whether a cell's text is meant as a code at all: it has a digit and no Chinese (合计, 其中：, a
 * name typed into the code column are not codes with a slip in them).
 */
function looksLikeCode(text: string): boolean {
  return /\d/.test(text) && !/[\u3400-\u9fff]/.test(text.replace(/〇/g, ""));
}

/** A code cell's text as typed: NFKC, without Excel's leading apostrophe, zero-width marks, trimmed. */
export function typedCodeText(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/^'/, "")
    .replace(/[\u200b\ufeff]/g, "")
    .trim();
}

/** Undefined for a blank cell and for text that is not meant as a code. */
export function readCodeCell(value: unknown): CodeCellReading | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    const text = String(value);
    return /^\d+$/.test(text) ? judgeDigits(text, []) : { text, problems: badCharacters(text) };
  }
  if (typeof value !== "string") return undefined;
  const text = typedCodeText(value);
  if (text === "" || !looksLikeCode(text)) return undefined;
  const problems: CodeProblem[] = [];
  if (/\s/.test(text)) problems.push({ kind: "space" });
  let digits = "";
  for (const ch of text.replace(/\s/g, "")) {
    if (/\d/.test(ch)) digits += ch;
    else if (LOOKALIKES[ch] !== undefined) {
      if (!problems.some((p) => p.kind === "lookalike" && p.letter === ch))
        problems.push({ kind: "lookalike", letter: ch, digit: LOOKALIKES[ch] });
      digits += LOOKALIKES[ch];
    } else {
      return { text, problems: [...problems, ...badCharacters(text)] };
    }
  }
  return judgeDigits(digits, problems, text);
}

function badCharacters(text: string): CodeProblem[] {
  const bad = [...new Set([...text.replace(/\s/g, "")].filter((ch) => !/\d/.test(ch)))];
  return bad
    .filter((ch) => LOOKALIKES[ch] === undefined)
    .map((character) => ({ kind: "character" as const, character }));
}

function judgeDigits(digits: string, problems: CodeProblem[], text = digits): CodeCellReading {
  const system = SYSTEM_BY_FIRST_DIGIT[digits.charAt(0)];
  if (system === undefined) {
    // 3/5/7 digits that begin no system: still read as a code (the catalog says it is unknown).
    const fits = [3, 5, 7].includes(digits.length);
    return {
      text,
      ...(fits ? { code: digits } : {}),
      problems: [...problems, { kind: "system", first: digits.charAt(0) }],
    };
  }
  const lengths = CODE_LENGTHS[system];
  if (!lengths.includes(digits.length))
    return {
      text,
      problems: [...problems, { kind: "length", system, digits: digits.length, lengths }],
    };
  return { text, code: digits, problems };
}
