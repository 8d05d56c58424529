/** Pure functions from the pane's state to what each step shows. */
export { checkViewModel } from "./check";
export type {
  CheckViewModel,
  FindingGroupView,
  FindingItemView,
  Option,
  SelectView,
  SheetGroupView,
  TablesView,
} from "./check";
export { generateViewModel } from "./generate";
export type { GenerateViewModel } from "./generate";
export { exportViewModel } from "./export";
export type { ExportActionView, ExportViewModel } from "./export";
export { paneViewModel } from "./pane";
export { findingSentence } from "./labels";
export type { PaneViewModel } from "./pane";
export { fixViewModel, formatAmount } from "./fix";
export type { FixDialogView, FixRowView, FixViewModel, UndoEntryView } from "./fix";
export { previousYearViewModel } from "./previous";
export type { PreviousPickState, PreviousYearViewModel } from "./previous";
