/**
 * The document setting that keeps last year's disclosure with the workbook (previousYear.ts). Apart,
 * so that the pane can see that nothing is remembered without loading what reads it.
 */
export const PREVIOUS_SETTING = "budgetDisclosure.previousYear";
