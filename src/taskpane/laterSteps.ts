/**
 * What the pane shows only after the first findings: the 生成公开表 and 导出 steps, with their
 * view-models, and the 修正 dialog. App loads this module (its own chunk) once the first check has
 * reported, so that none of it (nor the Fluent UI components only they use: Dialog, ProgressBar,
 * Checkbox) is downloaded before the first findings (issue 12 §4).
 */
export { ExportStep } from "./components/ExportStep";
export { FixDialog } from "./components/FixDialog";
export { GenerateStep } from "./components/GenerateStep";
export { exportViewModel } from "./viewModels/export";
export { generateViewModel } from "./viewModels/generate";
