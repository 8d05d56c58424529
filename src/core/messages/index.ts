/*
 * Every text of the engine's rules that a clerk reads, in one place (issue 10): the wording stays
 * consistent, can be reviewed in one place, and the rules themselves hold no Chinese sentence
 * (test/lint/messages.test.ts). A message is a function of typed parameters that returns the
 * sentence; amounts go through the one formatter of amounts.ts.
 *
 * Only zh-CN: findings are written for the clerk, in Chinese; the CLI's bilingual messages
 * (src/cli/messages.ts) are about files and options, not findings, and stay with the CLI.
 */
export { formatAmount, formatPercent } from "./amounts";
export { MESSAGES, columnTitle } from "./rules";
export { RULE_TITLES, type RuleId } from "./titles";
export { WORKBOOK_MESSAGES, type NamedFigure } from "./workbook";
export { PREVIOUS_MESSAGES } from "./previous";
export { GOAL_MESSAGES } from "./goals";
export { NARRATIVE_MESSAGES } from "./narrative";
