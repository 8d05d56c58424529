/** Public API of the classification catalog (政府收支分类科目). */
export type { CatalogEntry, CodeLevel, CodeSystem } from "./types";
export {
  Catalog,
  isWellFormedCode,
  levelOfCode,
  normalizeCode,
  normalizeName,
  parentCode,
  systemOfCode,
} from "./catalog";
export type { UserEntryProblem } from "./catalog";
export { FUNCTION_CODES } from "./functionCodes";
export { ECONOMIC_CODES } from "./economicCodes";
export { ECONOMIC_TO_GOV_ECONOMIC, GOV_ECONOMIC_CODES } from "./govEconomicCodes";
export { CODE_LENGTHS, readCodeCell, typedCodeText } from "./readCode";
export type { CodeCellReading, CodeProblem } from "./readCode";
