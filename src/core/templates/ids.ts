/**
 * The ids of the provinces the registry holds (registry.ts), in the order the CLI, the pane and the
 * reports offer them. It imports nothing, so that model.ts can name a province without pulling the
 * templates in. Adding a province: its id here, its module beside the others, a line in registry.ts.
 */
export const PROVINCE_IDS = ["hebei", "shanxi", "mof", "zhongyang"] as const;

/** The province layouts the engine knows. */
export type TemplateId = (typeof PROVINCE_IDS)[number];
