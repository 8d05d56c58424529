/*
 * The findings' messages in the HTML report's data, stored once per wording. A bureau's thousand
 * departments fill in the same template, so the checks say the same sentences over and over and
 * only the numbers differ: “‘合计’行的‘基本支出’为 286.49，各项相加为 286.48，相差 0.01…（另见
 * D7、D13…）”. A message is split into its wording with the numbers taken out (its shape, kept once
 * in the page) and its numbers (kept with the finding). The page puts them back together
 * (expandMessage in htmlClient.ts): the text is the same, character for character.
 */

/** Runs of digits, with the thousands commas and decimal points inside them (1,813.52; 2024; 7). */
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * A message as the page's data holds it:
 * - the text itself, when no other message has its shape (a table entry used once only adds bytes);
 * - the index of its shape, when it has no numbers;
 * - the index of its shape and its numbers, separated by spaces (numbers hold none).
 */
export type CompactMessage = string | number | [shape: number, numbers: string];

export interface MessageShapes {
  /** Each shape once: the pieces of text between a message's numbers. */
  shapes: string[][];
  compact(message: string): CompactMessage;
}

function split(message: string): { pieces: string[]; numbers: string[] } {
  return { pieces: message.split(NUMBER), numbers: message.match(NUMBER) ?? [] };
}

/**
 * Learns the shapes of all the messages first, so that a shape only one message has stays out of
 * the table; then `compact` gives each message's form in the data.
 */
export function messageShapes(messages: Iterable<string>): MessageShapes {
  const uses = new Map<string, number>();
  for (const message of messages) {
    const key = JSON.stringify(split(message).pieces);
    uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  const shapes: string[][] = [];
  const indexOf = new Map<string, number>();
  return {
    shapes,
    compact(message) {
      const { pieces, numbers } = split(message);
      const key = JSON.stringify(pieces);
      if ((uses.get(key) ?? 0) < 2) return message;
      let index = indexOf.get(key);
      if (index === undefined) {
        index = shapes.length;
        shapes.push(pieces);
        indexOf.set(key, index);
      }
      return numbers.length === 0 ? index : [index, numbers.join(" ")];
    },
  };
}
