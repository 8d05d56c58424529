/**
 * A small in-memory Excel: the part of the Excel JavaScript API the host adapter uses, over a
 * workbook held as plain data, with Office.js's proxy semantics:
 *
 * - every call queues a command; nothing happens until `context.sync()`, which runs the queue in
 *   order and counts one round trip;
 * - a property read before a sync that loaded it throws `PropertyNotLoaded`, as in Office.js;
 * - a failing command rejects the sync; the commands before it stay applied, the ones after it do
 *   not run, and no loaded value of that batch is delivered (as in Excel);
 * - a request or response bigger than the payload limit (Excel on the web: 5 MB) is refused with
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`;
 * - text written through `range.values` is converted the way Excel converts typed text (formulas,
 *   numbers, percentages, booleans, ISO dates) unless the cell's number format is Text ("@") or
 *   the text starts with an apostrophe (which is dropped).
 *
 * Tests build one from Grids and inspect `workbook`; `failOn("Range.merge", 5)` makes the fifth
 * merge fail. No Node API is used: the end-to-end page bundles this as its fake office.js.
 *
 * Command names for `failOn`: WorksheetCollection.add | getItem | getItemOrNullObject,
 * Worksheet.name | delete | activate | showGridlines | getRange | getUsedRangeOrNullObject,
 * Range.values | numberFormat | rowHidden | merge | unmerge | select | getRow | getColumn |
 * getMergedAreasOrNullObject,
 * RangeFormat.* (e.g. RangeFormat.columnWidth), RangeFont.*, RangeFill.color, RangeBorder.*,
 * FreezePanes.freezeRows, PageLayout.*, ChartCollection.add, Chart.*, CustomProperties.add,
 * Application.suspendApiCalculationUntilNextSync, and `<Type>.load` for every load.
 */
import type { CellRange, CellValue, Grid } from "../../src/core/grid";
import { a1, columnLetters, columnNumber } from "../../src/core/grid";

export type MemoryValue = string | number | boolean;

export interface MemoryBorder {
  style: string;
  weight?: string;
  color?: string;
}

export interface MemoryCellFormat {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** The lines drawn on each side of the cell. */
  borders?: {
    top?: MemoryBorder;
    bottom?: MemoryBorder;
    left?: MemoryBorder;
    right?: MemoryBorder;
  };
}

export interface MemoryCell {
  value: MemoryValue;
  /** Set when the cell holds a formula (then `value` stands for its result). */
  formula?: string;
  numberFormat: string;
  format?: MemoryCellFormat;
}

export interface MemoryChart {
  name: string;
  type: string;
  /** Source data: the sheet (by id, so renaming the sheet keeps it) and the address, e.g. "G1:H8". */
  sourceSheetId: string;
  source: string;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  position?: { from: string; to?: string };
}

export interface MemoryPageLayout {
  orientation?: string;
  paperSize?: string;
  centerHorizontally?: boolean;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
  margins?: Partial<Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>>;
  centerFooter?: string;
}

export interface MemorySheet {
  id: string;
  name: string;
  /** Keyed by A1 address ("B7"); cells never written are absent. */
  cells: Record<string, MemoryCell>;
  /** 1-based, inclusive. */
  merges: CellRange[];
  /** Points, keyed by column letters. */
  columnWidths: Record<string, number>;
  /** Points, keyed by row number. */
  rowHeights: Record<string, number>;
  frozenRows: number;
  showGridlines: boolean;
  pageLayout: MemoryPageLayout;
  charts: MemoryChart[];
  customProperties: Record<string, string>;
  /** Worksheet.visibility. */
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** 1-based rows and columns hidden (Range.rowHidden / columnHidden). */
  hiddenRows: number[];
  hiddenColumns: number[];
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  /** Id of the active sheet. */
  activeSheetId: string;
  selection?: { sheetId: string; address: string };
  /** base64 of every workbook opened with Excel.createWorkbook. */
  createdWorkbooks: string[];
}

export interface SyncRecord {
  commands: number;
  requestBytes: number;
  responseBytes: number;
  calculationSuspended: boolean;
  /** The error code when the sync was rejected. */
  error?: string;
}

export interface MemoryExcelOptions {
  /** Excel on the web refuses requests and responses over 5 MB; `Infinity` for desktop Excel. */
  payloadLimitBytes?: number;
  /** Highest ExcelApi requirement set reported as supported, "1.17" unless told otherwise. */
  apiVersion?: string;
  displayLanguage?: string;
}

export interface MemoryExcel {
  /** Stand-ins for the Office.js globals of the same names. */
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: { Error: typeof MemoryExcelError };
  /** The live state: inspect it, snapshot it, do not share it across tests. */
  workbook: MemoryWorkbook;
  syncCount(): number;
  syncLog: SyncRecord[];
  /** The `occurrence`-th execution (counted from now) of `command` throws a GeneralException. */
  failOn(command: string, occurrence?: number): void;
  sheet(name: string): MemorySheet | undefined;
  /** Each sheet's used range (values only) as a Grid, with number formats and every merge. */
  toGrids(): Grid[];
}

/** Thrown (as the rejection of a sync) the way Office.js throws OfficeExtension.Error. */
export class MemoryExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What a command costs in a request besides its arguments (object path, ids, action type). */
const COMMAND_OVERHEAD_BYTES = 64;
const GENERAL = "General";
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

// ---------------------------------------------------------------------------------------------
// Plain helpers

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

function versionAtMost(version: string, limit: string): boolean {
  const a = version.split(".").map(Number);
  const b = limit.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return true;
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function cellRef(ref: string): { row?: number; col?: number } | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** "B2:C5", "B2", "A:C", "3:4" → a 1-based rectangle; a sheet prefix is ignored. */
export function parseAddress(address: string): CellRange {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [first, second = first] = local.split(":");
  const p = cellRef(first);
  const q = cellRef(second);
  if (!p || !q)
    throw new MemoryExcelError("InvalidArgument", `The address "${address}" is not valid.`);
  const rect = {
    top: Math.min(p.row ?? 1, q.row ?? 1),
    left: Math.min(p.col ?? 1, q.col ?? 1),
    bottom: Math.max(p.row ?? MAX_ROWS, q.row ?? MAX_ROWS),
    right: Math.max(p.col ?? MAX_COLUMNS, q.col ?? MAX_COLUMNS),
  };
  if (rect.bottom > MAX_ROWS || rect.right > MAX_COLUMNS || rect.top < 1 || rect.left < 1)
    throw new MemoryExcelError("InvalidArgument", `The address "${address}" is outside the sheet.`);
  return rect;
}

function rectAddress(rect: CellRange): string {
  const wholeColumns = rect.top === 1 && rect.bottom === MAX_ROWS;
  const wholeRows = rect.left === 1 && rect.right === MAX_COLUMNS;
  if (wholeColumns && !wholeRows) return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  if (wholeRows && !wholeColumns) return `${rect.top}:${rect.bottom}`;
  const from = a1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? from
    : `${from}:${a1(rect.bottom, rect.right)}`;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function cellCount(rect: CellRange): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

/** Visits every position of a rectangle (bounded, so a stray whole-column write fails loudly). */
function forEachCell(rect: CellRange, visit: (row: number, col: number) => void): void {
  if (cellCount(rect) > 4_000_000)
    throw new MemoryExcelError(
      "OperationCellsExceedLimit",
      "The in-memory Excel writes at most 4M cells at once."
    );
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) visit(r, c);
}

function parseKey(key: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(key)!;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

const NUMBER_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const PERCENT_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const ISO_DATE_TEXT = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;

function excelDateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What Excel stores when a string is written to a cell of format `numberFormat` as if typed. */
function typedValue(
  text: string,
  numberFormat: string
): { value: MemoryValue; formula?: string; numberFormat?: string } {
  if (numberFormat === "@" || text === "") return { value: text };
  // A leading apostrophe keeps what follows as text, as when typed; the apostrophe is not stored.
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (NUMBER_TEXT.test(text)) return { value: Number(text) };
  if (/^[=+\-@]/.test(text))
    return { value: "#NAME?", formula: text.startsWith("=") ? text : `=${text}` };
  if (PERCENT_TEXT.test(text))
    return {
      value: Number(text.replace("%", "")) / 100,
      numberFormat: numberFormat === GENERAL ? "0%" : undefined,
    };
  if (/^\s*(true|false)\s*$/i.test(text)) return { value: /true/i.test(text) };
  const date = ISO_DATE_TEXT.exec(text);
  if (date)
    return {
      value: excelDateSerial(Number(date[1]), Number(date[2]), Number(date[3])),
      numberFormat: numberFormat === GENERAL ? "yyyy/m/d" : undefined,
    };
  return { value: text };
}

function isBlank(cell: MemoryCell): boolean {
  return (
    cell.value === "" && cell.formula === undefined && cell.numberFormat === GENERAL && !cell.format
  );
}

function validateSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    FORBIDDEN_IN_SHEET_NAME.test(name) ||
    /^'|'$/.test(name)
  )
    throw new MemoryExcelError("InvalidArgument", `"${String(name)}" is not a valid sheet name.`);
  return name;
}

// ---------------------------------------------------------------------------------------------
// The workbook model: what the commands act on

class Book {
  readonly state: MemoryWorkbook;
  syncLog: SyncRecord[] = [];
  private nextId: number;
  private readonly counts = new Map<string, number>();
  private readonly traps: Array<{ command: string; at: number }> = [];

  constructor(
    grids: readonly Grid[],
    readonly options: Required<MemoryExcelOptions>
  ) {
    const sheets = grids.map((grid, i) => sheetFromGrid(grid, `{${i + 1}}`));
    if (sheets.length === 0) sheets.push(emptySheet("Sheet1", "{1}"));
    this.nextId = sheets.length + 1;
    this.state = { sheets, activeSheetId: sheets[0].id, createdWorkbooks: [] };
  }

  newId(): string {
    return `{${this.nextId++}}`;
  }

  sheetNamed(name: string): MemorySheet | undefined {
    const wanted = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  alive(sheet: MemorySheet): MemorySheet {
    if (!this.state.sheets.includes(sheet))
      throw new MemoryExcelError("ItemNotFound", `The sheet "${sheet.name}" has been deleted.`);
    return sheet;
  }

  trap(command: string, occurrence: number): void {
    this.traps.push({ command, at: (this.counts.get(command) ?? 0) + occurrence });
  }

  /** Counts an execution of `command`, and throws when a test asked it to fail now. */
  execute(command: string): void {
    const count = (this.counts.get(command) ?? 0) + 1;
    this.counts.set(command, count);
    const trap = this.traps.findIndex((t) => t.command === command && t.at === count);
    if (trap >= 0) {
      this.traps.splice(trap, 1);
      throw new MemoryExcelError(
        "GeneralException",
        `Injected failure of ${command} (#${count}).`,
        command
      );
    }
  }
}

function emptySheet(name: string, id: string): MemorySheet {
  return {
    id,
    name,
    cells: {},
    merges: [],
    columnWidths: {},
    rowHeights: {},
    frozenRows: 0,
    showGridlines: true,
    pageLayout: {},
    charts: [],
    customProperties: {},
    visibility: "Visible",
    hiddenRows: [],
    hiddenColumns: [],
  };
}

function sheetFromGrid(grid: Grid, id: string): MemorySheet {
  const sheet = emptySheet(validateSheetName(grid.sheet), id);
  grid.values.forEach((row, r) =>
    row.forEach((value: CellValue, c) => {
      const numberFormat = grid.numberFormats?.[r]?.[c] ?? GENERAL;
      const cell: MemoryCell = {
        value: value === null || value === undefined ? "" : value,
        numberFormat: numberFormat || GENERAL,
      };
      if (!isBlank(cell)) sheet.cells[a1(grid.origin.row + r, grid.origin.col + c)] = cell;
    })
  );
  sheet.merges = (grid.merges ?? []).map((m) => ({ ...m }));
  sheet.hiddenRows = [...(grid.hiddenRows ?? [])];
  sheet.hiddenColumns = [...(grid.hiddenColumns ?? [])];
  if (grid.sheetHidden) sheet.visibility = "Hidden";
  // A Grid holds a date as its text (see CellNote); Excel holds a serial number in a date format.
  for (const note of grid.cellNotes ?? []) {
    if (note.kind !== "date" || !note.text) continue;
    const serial = serialOfDate(note.text);
    if (serial !== undefined)
      sheet.cells[a1(note.row, note.col)] = { value: serial, numberFormat: "yyyy/m/d" };
  }
  return sheet;
}

/** "2024-01-05" → Excel's serial number (1900 system), or undefined for other text. */
function serialOfDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const days =
    (Date.UTC(+match[1], +match[2] - 1, +match[3]) - Date.UTC(1899, 11, 31)) / 86_400_000;
  return days >= 60 ? days + 1 : days;
}

/** true when every row (column) of the span is hidden, false when none is, null when some are. */
function hiddenState(hidden: readonly number[], from: number, to: number): boolean | null {
  let count = 0;
  for (const n of hidden) if (n >= from && n <= to) count++;
  return count === 0 ? false : count === to - from + 1 ? true : null;
}

function cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell {
  const key = a1(row, col);
  let cell = sheet.cells[key];
  if (!cell) sheet.cells[key] = cell = { value: "", numberFormat: GENERAL };
  return cell;
}

function peekCell(sheet: MemorySheet, row: number, col: number): MemoryCell | undefined {
  return sheet.cells[a1(row, col)];
}

function dropIfBlank(sheet: MemorySheet, row: number, col: number): void {
  const key = a1(row, col);
  const cell = sheet.cells[key];
  if (cell && isBlank(cell)) delete sheet.cells[key];
}

function usedRect(sheet: MemorySheet, valuesOnly: boolean): CellRange | null {
  let rect: CellRange | null = null;
  for (const [key, cell] of Object.entries(sheet.cells)) {
    if (valuesOnly ? cell.value === "" && cell.formula === undefined : isBlank(cell)) continue;
    const { row, col } = parseKey(key);
    if (!rect) rect = { top: row, left: col, bottom: row, right: col };
    else {
      rect.top = Math.min(rect.top, row);
      rect.left = Math.min(rect.left, col);
      rect.bottom = Math.max(rect.bottom, row);
      rect.right = Math.max(rect.right, col);
    }
  }
  return rect;
}

function matrix<T>(rect: CellRange, read: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

/** A scalar applies to every cell; an array must have the range's shape. */
function cellInput<T>(input: T | T[][], rect: CellRange, r: number, c: number): T {
  if (!Array.isArray(input)) return input;
  return input[r - rect.top][c - rect.left];
}

function checkShape(input: unknown, rect: CellRange, what: string): void {
  if (!Array.isArray(input)) return;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
    throw new MemoryExcelError(
      "InvalidArgument",
      `The number of rows or columns in the ${what} array does not match the size of the range.`
    );
}

// ---------------------------------------------------------------------------------------------
// The request context: the command queue and the round trip

interface Command {
  name: string;
  bytes: number;
  /** Runs against the model; may return what to deliver to the proxies when the batch succeeds. */
  run: () => Delivery | void;
}

interface Delivery {
  bytes: number;
  deliver: () => void;
}

class Context {
  private queue: Command[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  private suspended = false;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly book: Book) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  enqueue(name: string, run: () => Delivery | void, payload?: unknown): void {
    this.queue.push({
      name,
      run,
      bytes: COMMAND_OVERHEAD_BYTES + (payload === undefined ? 0 : jsonBytes(payload)),
    });
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    this.suspended = false;
    const record: SyncRecord = {
      commands: commands.length,
      requestBytes: commands.reduce((sum, c) => sum + c.bytes, 0),
      responseBytes: 0,
      calculationSuspended: false,
    };
    this.book.syncLog.push(record);
    // A round trip is asynchronous: nothing the caller does after calling sync() sees it done.
    await Promise.resolve();
    const limit = this.book.options.payloadLimitBytes;
    try {
      if (record.requestBytes > limit)
        throw new MemoryExcelError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit."
        );
      const deliveries: Delivery[] = [];
      for (const command of commands) {
        try {
          this.book.execute(command.name);
          const delivery = command.run();
          if (typeof delivery === "object" && delivery !== null) deliveries.push(delivery);
        } catch (error) {
          if (error instanceof MemoryExcelError) {
            error.debugInfo.errorLocation ??= command.name;
            throw error;
          }
          throw new MemoryExcelError("GeneralException", String(error), command.name);
        }
      }
      record.calculationSuspended = this.suspended;
      record.responseBytes = deliveries.reduce((sum, d) => sum + d.bytes, 0);
      if (record.responseBytes > limit)
        throw new MemoryExcelError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      deliveries.forEach((d) => d.deliver());
    } catch (error) {
      record.error = (error as MemoryExcelError).code;
      throw error;
    } finally {
      this.suspended = false;
    }
  }
}

function propertyNotLoaded(type: string, property: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`
  );
}

/** "a, b" | ["a", "b"] | { select: "a,b" } → ["a", "b"]. */
function propertyNames(props?: string | string[] | { select?: string | string[] }): string[] {
  const list =
    props === undefined
      ? []
      : typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : typeof props.select === "string"
            ? props.select.split(",")
            : (props.select ?? []);
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * A proxy for one object of the workbook. Its target is found when the command that created the
 * proxy runs (in queue order, as in Excel), and is then kept.
 */
abstract class ClientObject<T> {
  protected target?: T | null;
  private nullObject?: boolean;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: Context,
    protected readonly typeName: string
  ) {}

  protected get book(): Book {
    return this.context.book;
  }

  /** Queues the lookup of this proxy's target; a missing target is an error unless `nullable`. */
  protected locate(command: string, find: () => T | null, nullable = false): this {
    this.context.enqueue(command, () => {
      const found = find();
      if (found === null && !nullable)
        throw new MemoryExcelError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          command
        );
      this.target = found;
      return { bytes: nullable ? 8 : 0, deliver: () => (this.nullObject = found === null) };
    });
    return this;
  }

  /** Binds a proxy to a target known already (items of a loaded collection). */
  bindTo(target: T): this {
    this.target = target;
    this.nullObject = false;
    return this;
  }

  protected get resolved(): T {
    if (this.target === undefined)
      throw new MemoryExcelError(
        "InvalidObjectPath",
        `The ${this.typeName} was used before it was found.`
      );
    if (this.target === null)
      throw new MemoryExcelError(
        "InvalidOperation",
        `The ${this.typeName} is a null object: check isNullObject before using it.`
      );
    return this.target;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw propertyNotLoaded(this.typeName, "isNullObject");
    return this.nullObject;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(this.typeName, property);
    return this.loaded.get(property) as V;
  }

  /** Queues a change to the target. */
  protected command(member: string, change: (target: T) => void, payload?: unknown): void {
    this.context.enqueue(`${this.typeName}.${member}`, () => void change(this.resolved), payload);
  }

  /** The value of a loadable property, read from the target when the load runs. */
  protected abstract snapshot(target: T, property: string): unknown;

  load(props?: string | string[] | { select?: string | string[] }): this {
    const names = propertyNames(props);
    this.context.enqueue(`${this.typeName}.load`, () => {
      if (this.target === null) return;
      const values = new Map(names.map((name) => [name, this.snapshot(this.resolved, name)]));
      return {
        bytes: jsonBytes(Object.fromEntries(values)),
        deliver: () => values.forEach((value, name) => this.loaded.set(name, value)),
      };
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies

class ApplicationProxy {
  constructor(private readonly context: Context) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue("Application.suspendApiCalculationUntilNextSync", () =>
      this.context.suspendCalculation()
    );
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(readonly context: Context) {
    this.worksheets = new WorksheetCollectionProxy(context);
  }
  get application(): ApplicationProxy {
    return this.context.application;
  }
}

class WorksheetCollectionProxy extends ClientObject<MemorySheet[]> {
  private items_?: WorksheetProxy[];

  constructor(context: Context) {
    super(context, "WorksheetCollection");
    this.target = context.book.state.sheets;
  }

  get items(): WorksheetProxy[] {
    if (!this.items_) throw propertyNotLoaded(this.typeName, "items");
    return this.items_;
  }

  protected snapshot(): unknown {
    return undefined;
  }

  override load(props?: string | string[] | { select?: string | string[] }): this {
    const names = propertyNames(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(`${this.typeName}.load`, () => {
      const sheets = [...this.book.state.sheets];
      const rows = sheets.map((sheet) =>
        Object.fromEntries(names.map((n) => [n, sheetProperty(sheet, n)]))
      );
      return {
        bytes: jsonBytes(rows),
        deliver: () =>
          (this.items_ = sheets.map((sheet, i) => {
            const proxy = new WorksheetProxy(this.context).bindTo(sheet);
            proxy.deliver(rows[i]);
            return proxy;
          })),
      };
    });
    return this;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context).find(
      "WorksheetCollection.getItem",
      () => this.book.sheetNamed(key) ?? null
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context).find(
      "WorksheetCollection.getItemOrNullObject",
      () => this.book.sheetNamed(key) ?? null,
      true
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context).find(
      "WorksheetCollection.getActiveWorksheet",
      () => this.book.state.sheets.find((s) => s.id === this.book.state.activeSheetId) ?? null
    );
  }

  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.context).find("WorksheetCollection.add", () => {
      const sheets = this.book.state.sheets;
      let sheetName = name;
      if (sheetName === undefined)
        for (let n = sheets.length + 1; !sheetName || this.book.sheetNamed(sheetName); n++)
          sheetName = `Sheet${n}`;
      validateSheetName(sheetName);
      if (this.book.sheetNamed(sheetName))
        throw new MemoryExcelError(
          "ItemAlreadyExists",
          `A sheet named "${sheetName}" already exists.`
        );
      const sheet = emptySheet(sheetName, this.book.newId());
      sheets.push(sheet);
      return sheet;
    });
  }
}

function sheetProperty(sheet: MemorySheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "visibility":
      return sheet.visibility;
    case "showGridlines":
      return sheet.showGridlines;
    default:
      throw new MemoryExcelError("InvalidArgument", `Worksheet.${name} cannot be loaded here.`);
  }
}

class WorksheetProxy extends ClientObject<MemorySheet> {
  constructor(context: Context) {
    super(context, "Worksheet");
  }

  find(command: string, locate: () => MemorySheet | null, nullable = false): this {
    return this.locate(command, locate, nullable);
  }

  deliver(values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) this.loaded.set(name, value);
  }

  protected snapshot(sheet: MemorySheet, property: string): unknown {
    return sheetProperty(this.book.alive(sheet), property);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.command(
      "name",
      (sheet) => {
        validateSheetName(value);
        const other = this.book.sheetNamed(value);
        if (other && other !== sheet)
          throw new MemoryExcelError(
            "ItemAlreadyExists",
            `A sheet named "${value}" already exists.`
          );
        this.book.alive(sheet).name = value;
      },
      value
    );
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): MemorySheet["visibility"] {
    return this.read("visibility");
  }
  get showGridlines(): boolean {
    return this.read("showGridlines");
  }
  set showGridlines(value: boolean) {
    this.command("showGridlines", (sheet) => (this.book.alive(sheet).showGridlines = value));
  }

  get freezePanes(): { freezeRows: (count?: number) => void } {
    return {
      freezeRows: (count = 1) =>
        this.context.enqueue("FreezePanes.freezeRows", () => {
          this.book.alive(this.resolved).frozenRows = count;
        }),
    };
  }

  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.context, () => this.book.alive(this.resolved));
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, () => this.book.alive(this.resolved));
  }

  get customProperties(): CustomPropertyCollectionProxy {
    return new CustomPropertyCollectionProxy(this.context, () => this.book.alive(this.resolved));
  }

  activate(): void {
    this.command(
      "activate",
      (sheet) => (this.book.state.activeSheetId = this.book.alive(sheet).id)
    );
  }

  delete(): void {
    this.command("delete", (sheet) => {
      const sheets = this.book.state.sheets;
      const index = sheets.indexOf(this.book.alive(sheet));
      if (sheets.length === 1)
        throw new MemoryExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      sheets.splice(index, 1);
      const state = this.book.state;
      if (state.activeSheetId === sheet.id) state.activeSheetId = sheets[Math.max(0, index - 1)].id;
      if (state.selection?.sheetId === sheet.id) state.selection = undefined;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context).find("Worksheet.getRange", () => ({
      sheet: this.book.alive(this.resolved),
      rect:
        address === undefined
          ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }
          : parseAddress(address),
    }));
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return new RangeProxy(this.context).find("Worksheet.getRangeByIndexes", () => {
      const rect = {
        top: startRow + 1,
        left: startColumn + 1,
        bottom: startRow + rowCount,
        right: startColumn + columnCount,
      };
      if (
        rowCount < 1 ||
        columnCount < 1 ||
        rect.top < 1 ||
        rect.left < 1 ||
        rect.bottom > MAX_ROWS ||
        rect.right > MAX_COLUMNS
      )
        throw new MemoryExcelError("InvalidArgument", "The range is outside the sheet.");
      return { sheet: this.book.alive(this.resolved), rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context).find(
      "Worksheet.getUsedRangeOrNullObject",
      () => {
        const sheet = this.book.alive(this.resolved);
        const rect = usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true
    );
  }
}

interface RangeTarget {
  sheet: MemorySheet;
  rect: CellRange;
}

class RangeProxy extends ClientObject<RangeTarget> {
  constructor(context: Context) {
    super(context, "Range");
  }

  find(command: string, locate: () => RangeTarget | null, nullable = false): this {
    return this.locate(command, locate, nullable);
  }

  protected snapshot({ sheet, rect }: RangeTarget, property: string): unknown {
    this.book.alive(sheet);
    switch (property) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case "addressLocal":
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top - 1;
      case "columnIndex":
        return rect.left - 1;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return cellCount(rect);
      case "values":
        return matrix(rect, (r, c) => peekCell(sheet, r, c)?.value ?? "");
      case "numberFormat":
        return matrix(rect, (r, c) => peekCell(sheet, r, c)?.numberFormat ?? GENERAL);
      case "formulas":
        return matrix(rect, (r, c) => {
          const cell = peekCell(sheet, r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "rowHidden":
        return hiddenState(sheet.hiddenRows, rect.top, rect.bottom);
      case "columnHidden":
        return hiddenState(sheet.hiddenColumns, rect.left, rect.right);
      default:
        throw new MemoryExcelError("InvalidArgument", `Range.${property} cannot be loaded here.`);
    }
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get formulas(): MemoryValue[][] {
    return this.read("formulas");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.command("rowHidden", ({ sheet, rect }) => {
      const rows = Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i);
      const others = sheet.hiddenRows.filter((r) => r < rect.top || r > rect.bottom);
      sheet.hiddenRows = hidden ? [...others, ...rows].sort((a, b) => a - b) : others;
    });
  }
  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }

  get values(): MemoryValue[][] {
    return this.read("values");
  }
  set values(input: MemoryValue[][] | MemoryValue) {
    this.command(
      "values",
      ({ sheet, rect }) => {
        checkShape(input, rect, "values");
        forEachCell(rect, (r, c) => {
          const value = cellInput<MemoryValue | null>(input, rect, r, c);
          if (value === null || value === undefined) return;
          const cell = cellAt(sheet, r, c);
          delete cell.formula;
          if (typeof value === "string") {
            const typed = typedValue(value, cell.numberFormat);
            cell.value = typed.value;
            if (typed.formula) cell.formula = typed.formula;
            if (typed.numberFormat) cell.numberFormat = typed.numberFormat;
          } else cell.value = value;
          dropIfBlank(sheet, r, c);
        });
      },
      input
    );
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: string[][] | string) {
    this.command(
      "numberFormat",
      ({ sheet, rect }) => {
        checkShape(input, rect, "numberFormat");
        forEachCell(rect, (r, c) => {
          const format = cellInput<string | null>(input, rect, r, c);
          if (format === null || format === undefined) return;
          cellAt(sheet, r, c).numberFormat = format;
          dropIfBlank(sheet, r, c);
        });
      },
      input
    );
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => this.live);
  }

  /** The range's sheet and rectangle; the sheet must still exist. */
  get live(): RangeTarget {
    const target = this.resolved;
    this.book.alive(target.sheet);
    return target;
  }

  protected override command(
    member: string,
    change: (target: RangeTarget) => void,
    payload?: unknown
  ): void {
    this.context.enqueue(`Range.${member}`, () => void change(this.live), payload);
  }

  merge(across = false): void {
    this.command("merge", ({ sheet, rect }) => {
      const areas: CellRange[] = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
            ...rect,
            top: rect.top + i,
            bottom: rect.top + i,
          }))
        : [rect];
      for (const area of areas) {
        if (cellCount(area) === 1) continue;
        if (sheet.merges.some((m) => intersects(m, area)))
          throw new MemoryExcelError(
            "MergedRangeConflict",
            `${rectAddress(area)} overlaps a merged area.`
          );
        // Excel keeps the upper-left value only.
        forEachCell(area, (r, c) => {
          if (r === area.top && c === area.left) return;
          const cell = peekCell(sheet, r, c);
          if (!cell) return;
          cell.value = "";
          delete cell.formula;
          dropIfBlank(sheet, r, c);
        });
        sheet.merges.push({ ...area });
      }
    });
  }

  unmerge(): void {
    this.command("unmerge", ({ sheet, rect }) => {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  select(): void {
    this.command("select", ({ sheet, rect }) => {
      this.book.state.activeSheetId = sheet.id;
      this.book.state.selection = { sheetId: sheet.id, address: rectAddress(rect) };
    });
  }

  /** Office.js Range.getRow: the `row`-th row (0-based) of the range. */
  getRow(row: number): RangeProxy {
    return new RangeProxy(this.context).find("Range.getRow", () => {
      const { sheet, rect } = this.live;
      const r = rect.top + row;
      return { sheet, rect: { top: r, left: rect.left, bottom: r, right: rect.right } };
    });
  }

  /** Office.js Range.getColumn: the `column`-th column (0-based) of the range. */
  getColumn(column: number): RangeProxy {
    return new RangeProxy(this.context).find("Range.getColumn", () => {
      const { sheet, rect } = this.live;
      const c = rect.left + column;
      return { sheet, rect: { top: rect.top, left: c, bottom: rect.bottom, right: c } };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context).find("Range.getCell", () => {
      const { sheet, rect } = this.live;
      const r = rect.top + row;
      const c = rect.left + column;
      return { sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context).find(() => {
      const { sheet, rect } = this.live;
      const areas = sheet.merges.filter((m) => intersects(m, rect));
      return areas.length > 0 ? { sheet, areas } : null;
    });
  }
}

class RangeAreasProxy extends ClientObject<{ sheet: MemorySheet; areas: CellRange[] }> {
  constructor(context: Context) {
    super(context, "RangeAreas");
  }

  find(locate: () => { sheet: MemorySheet; areas: CellRange[] } | null): this {
    return this.locate("Range.getMergedAreasOrNullObject", locate, true);
  }

  protected snapshot(
    { sheet, areas }: { sheet: MemorySheet; areas: CellRange[] },
    property: string
  ): unknown {
    if (property === "address")
      return areas.map((area) => `${quoteSheetName(sheet.name)}!${rectAddress(area)}`).join(", ");
    if (property === "areaCount") return areas.length;
    if (property === "cellCount") return areas.reduce((sum, area) => sum + cellCount(area), 0);
    throw new MemoryExcelError("InvalidArgument", `RangeAreas.${property} cannot be loaded here.`);
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

/** Changes to every cell of a range's format, queued under `<Type>.<property>`. */
class FormatPart {
  constructor(
    protected readonly context: Context,
    protected readonly range: () => RangeTarget,
    private readonly typeName: string
  ) {}

  protected change(property: string, apply: (format: MemoryCellFormat) => void): void {
    this.context.enqueue(`${this.typeName}.${property}`, () => {
      const { sheet, rect } = this.range();
      forEachCell(rect, (r, c) => {
        const cell = cellAt(sheet, r, c);
        apply((cell.format ??= {}));
      });
    });
  }

  protected notLoaded(property: string): never {
    throw propertyNotLoaded(this.typeName, property);
  }
}

class RangeFormatProxy extends FormatPart {
  constructor(context: Context, range: () => RangeTarget) {
    super(context, range, "RangeFormat");
  }
  get font(): RangeFontProxy {
    return new RangeFontProxy(this.context, this.range);
  }
  get fill(): RangeFillProxy {
    return new RangeFillProxy(this.context, this.range);
  }
  get borders(): { getItem: (edge: string) => RangeBorderProxy } {
    return { getItem: (edge: string) => new RangeBorderProxy(this.context, this.range, edge) };
  }
  get horizontalAlignment(): string {
    return this.notLoaded("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.change("horizontalAlignment", (f) => (f.horizontalAlignment = value));
  }
  get verticalAlignment(): string {
    return this.notLoaded("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.change("verticalAlignment", (f) => (f.verticalAlignment = value));
  }
  get wrapText(): boolean {
    return this.notLoaded("wrapText");
  }
  set wrapText(value: boolean) {
    this.change("wrapText", (f) => (f.wrapText = value));
  }
  get columnWidth(): number {
    return this.notLoaded("columnWidth");
  }
  set columnWidth(value: number) {
    this.context.enqueue("RangeFormat.columnWidth", () => {
      const { sheet, rect } = this.range();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths[columnLetters(c)] = value;
    });
  }
  get rowHeight(): number {
    return this.notLoaded("rowHeight");
  }
  set rowHeight(value: number) {
    this.context.enqueue("RangeFormat.rowHeight", () => {
      const { sheet, rect } = this.range();
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights[String(r)] = value;
    });
  }
  autofitRows(): void {
    this.context.enqueue("RangeFormat.autofitRows", () => undefined);
  }
  autofitColumns(): void {
    this.context.enqueue("RangeFormat.autofitColumns", () => undefined);
  }
}

class RangeFontProxy extends FormatPart {
  constructor(context: Context, range: () => RangeTarget) {
    super(context, range, "RangeFont");
  }
  get name(): string {
    return this.notLoaded("name");
  }
  set name(value: string) {
    this.change("name", (f) => ((f.font ??= {}).name = value));
  }
  get size(): number {
    return this.notLoaded("size");
  }
  set size(value: number) {
    this.change("size", (f) => ((f.font ??= {}).size = value));
  }
  get bold(): boolean {
    return this.notLoaded("bold");
  }
  set bold(value: boolean) {
    this.change("bold", (f) => ((f.font ??= {}).bold = value));
  }
  get italic(): boolean {
    return this.notLoaded("italic");
  }
  set italic(value: boolean) {
    this.change("italic", (f) => ((f.font ??= {}).italic = value));
  }
  get color(): string {
    return this.notLoaded("color");
  }
  set color(value: string) {
    this.change("color", (f) => ((f.font ??= {}).color = value));
  }
}

class RangeFillProxy extends FormatPart {
  constructor(context: Context, range: () => RangeTarget) {
    super(context, range, "RangeFill");
  }
  get color(): string {
    return this.notLoaded("color");
  }
  set color(value: string) {
    this.change("color", (f) => (f.fill = value));
  }
  clear(): void {
    this.change("clear", (f) => delete f.fill);
  }
}

type Side = "top" | "bottom" | "left" | "right";

/** Which side of which cells an Office.js border edge draws. */
function edgeSides(edge: string, rect: CellRange, r: number, c: number): Side[] {
  switch (edge) {
    case "EdgeTop":
      return r === rect.top ? ["top"] : [];
    case "EdgeBottom":
      return r === rect.bottom ? ["bottom"] : [];
    case "EdgeLeft":
      return c === rect.left ? ["left"] : [];
    case "EdgeRight":
      return c === rect.right ? ["right"] : [];
    case "InsideHorizontal":
      return [
        ...(r > rect.top ? (["top"] as const) : []),
        ...(r < rect.bottom ? (["bottom"] as const) : []),
      ];
    case "InsideVertical":
      return [
        ...(c > rect.left ? (["left"] as const) : []),
        ...(c < rect.right ? (["right"] as const) : []),
      ];
    default:
      throw new MemoryExcelError("InvalidArgument", `Unknown border index ${edge}.`);
  }
}

class RangeBorderProxy {
  constructor(
    private readonly context: Context,
    private readonly range: () => RangeTarget,
    private readonly edge: string
  ) {}

  private change(property: keyof MemoryBorder, value: string): void {
    this.context.enqueue(`RangeBorder.${property}`, () => {
      const { sheet, rect } = this.range();
      forEachCell(rect, (r, c) => {
        for (const side of edgeSides(this.edge, rect, r, c)) {
          const format = (cellAt(sheet, r, c).format ??= {});
          const borders = (format.borders ??= {});
          const border = (borders[side] ??= { style: "Continuous" });
          border[property] = value;
          if (property === "style" && value === "None") delete borders[side];
        }
      });
    });
  }

  get style(): string {
    throw propertyNotLoaded("RangeBorder", "style");
  }
  set style(value: string) {
    this.change("style", value);
  }
  get weight(): string {
    throw propertyNotLoaded("RangeBorder", "weight");
  }
  set weight(value: string) {
    this.change("weight", value);
  }
  get color(): string {
    throw propertyNotLoaded("RangeBorder", "color");
  }
  set color(value: string) {
    this.change("color", value);
  }
}

class PageLayoutProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => MemorySheet
  ) {}

  private change(property: string, apply: (layout: MemoryPageLayout) => void): void {
    this.context.enqueue(`PageLayout.${property}`, () => void apply(this.sheet().pageLayout));
  }
  private margin(side: keyof NonNullable<MemoryPageLayout["margins"]>, value: number): void {
    this.change(`${side}Margin`, (layout) => ((layout.margins ??= {})[side] = value));
  }

  set orientation(value: string) {
    this.change("orientation", (layout) => (layout.orientation = value));
  }
  set paperSize(value: string) {
    this.change("paperSize", (layout) => (layout.paperSize = value));
  }
  set centerHorizontally(value: boolean) {
    this.change("centerHorizontally", (layout) => (layout.centerHorizontally = value));
  }
  set zoom(value: MemoryPageLayout["zoom"]) {
    this.change("zoom", (layout) => (layout.zoom = { ...value }));
  }
  set leftMargin(value: number) {
    this.margin("left", value);
  }
  set rightMargin(value: number) {
    this.margin("right", value);
  }
  set topMargin(value: number) {
    this.margin("top", value);
  }
  set bottomMargin(value: number) {
    this.margin("bottom", value);
  }
  set headerMargin(value: number) {
    this.margin("header", value);
  }
  set footerMargin(value: number) {
    this.margin("footer", value);
  }
  setPrintTitleRows(rows: string): void {
    this.change("setPrintTitleRows", (layout) => {
      const rect = parseAddress(rows);
      if (rect.left !== 1 || rect.right !== MAX_COLUMNS)
        throw new MemoryExcelError("InvalidArgument", `${rows} is not a range of whole rows.`);
      layout.printTitleRows = rows;
    });
  }
  setPrintArea(area: string): void {
    this.change("setPrintArea", (layout) => {
      parseAddress(area);
      layout.printArea = area;
    });
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const change = (value: string) =>
      this.change("centerFooter", (layout) => (layout.centerFooter = value));
    return {
      defaultForAllPages: {
        get centerFooter(): string {
          throw propertyNotLoaded("HeaderFooter", "centerFooter");
        },
        set centerFooter(value: string) {
          change(value);
        },
      },
    };
  }
}

class ChartCollectionProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => MemorySheet
  ) {}

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let chart: MemoryChart | undefined;
    this.context.enqueue(
      "ChartCollection.add",
      () => {
        const sheet = this.sheet();
        const source = sourceData.live;
        if (cellCount(source.rect) < 2)
          throw new MemoryExcelError("EmptyChartSeries", "The chart has no data.");
        chart = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          sourceSheetId: source.sheet.id,
          source: rectAddress(source.rect),
          seriesBy,
        };
        sheet.charts.push(chart);
      },
      { type, seriesBy }
    );
    return new ChartProxy(this.context, () => {
      if (!chart) throw new MemoryExcelError("InvalidObjectPath", "The chart was not added.");
      return chart;
    });
  }
}

class ChartProxy {
  constructor(
    private readonly context: Context,
    private readonly chart: () => MemoryChart
  ) {}

  private change(property: string, apply: (chart: MemoryChart) => void): void {
    this.context.enqueue(`Chart.${property}`, () => void apply(this.chart()));
  }

  get title(): { text: string } {
    const change = (value: string) => this.change("title", (chart) => (chart.title = value));
    return {
      get text(): string {
        throw propertyNotLoaded("ChartTitle", "text");
      },
      set text(value: string) {
        change(value);
      },
    };
  }
  get legend(): { visible: boolean } {
    const change = (value: boolean) =>
      this.change("legend", (chart) => (chart.legendVisible = value));
    return {
      get visible(): boolean {
        throw propertyNotLoaded("ChartLegend", "visible");
      },
      set visible(value: boolean) {
        change(value);
      },
    };
  }
  set name(value: string) {
    this.change("name", (chart) => (chart.name = value));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.change("setPosition", (chart) => {
      parseAddress(startCell);
      if (endCell) parseAddress(endCell);
      chart.position = { from: startCell, ...(endCell ? { to: endCell } : {}) };
    });
  }
}

class CustomPropertyCollectionProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => MemorySheet
  ) {}

  add(key: string, value: string): void {
    this.context.enqueue(
      "CustomProperties.add",
      () => {
        this.sheet().customProperties[key] = String(value);
      },
      {
        key,
        value,
      }
    );
  }

  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context).find(() => {
      const value = this.sheet().customProperties[key];
      return value === undefined ? null : { key, value };
    });
  }
}

class CustomPropertyProxy extends ClientObject<{ key: string; value: string }> {
  constructor(context: Context) {
    super(context, "WorksheetCustomProperty");
  }
  find(locate: () => { key: string; value: string } | null): this {
    return this.locate("CustomProperties.getItemOrNullObject", locate, true);
  }
  protected snapshot(target: { key: string; value: string }, property: string): unknown {
    if (property === "key" || property === "value") return target[property];
    throw new MemoryExcelError(
      "InvalidArgument",
      `WorksheetCustomProperty.${property} cannot be loaded.`
    );
  }
  get key(): string {
    return this.read("key");
  }
  get value(): string {
    return this.read("value");
  }
}

// ---------------------------------------------------------------------------------------------
// The facade

function gridOf(sheet: MemorySheet): Grid {
  const rect = usedRect(sheet, true);
  const merges = sheet.merges.map((m) => ({ ...m }));
  const hidden = {
    ...(sheet.hiddenRows.length > 0 ? { hiddenRows: [...sheet.hiddenRows] } : {}),
    ...(sheet.hiddenColumns.length > 0 ? { hiddenColumns: [...sheet.hiddenColumns] } : {}),
    ...(sheet.visibility !== "Visible" ? { sheetHidden: true } : {}),
  };
  if (!rect)
    return {
      sheet: sheet.name,
      origin: { row: 1, col: 1 },
      values: [],
      numberFormats: [],
      merges,
      ...hidden,
    };
  return {
    sheet: sheet.name,
    origin: { row: rect.top, col: rect.left },
    values: matrix(rect, (r, c) => peekCell(sheet, r, c)?.value ?? ""),
    numberFormats: matrix(rect, (r, c) => peekCell(sheet, r, c)?.numberFormat ?? GENERAL),
    merges,
    ...hidden,
  };
}

/**
 * An in-memory Excel holding `grids` as its worksheets (values at their origin, number formats,
 * merges), with Office.js's `Excel`, `Office` and `OfficeExtension` objects over it.
 *
 * @example
 * const memory = createMemoryExcel(await loadFixture("quyang-2024"));
 * const host = createOfficeHost({ excel: memory.Excel, office: memory.Office });
 * await host.readWorkbook();
 * memory.syncCount(); // 2
 */
export function createMemoryExcel(
  grids: readonly Grid[],
  options: MemoryExcelOptions = {}
): MemoryExcel {
  const book = new Book(grids, {
    payloadLimitBytes: options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT,
    apiVersion: options.apiVersion ?? "1.17",
    displayLanguage: options.displayLanguage ?? "zh-CN",
  });

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: Context) => Promise<T>;
    const context = new Context(book);
    const result = await batch(context);
    // Excel.run sends what the batch left queued.
    if (context.pending > 0) await context.sync();
    return result;
  }

  const excel = {
    run,
    async createWorkbook(base64?: string): Promise<void> {
      book.state.createdWorkbooks.push(base64 ?? "");
    },
    ErrorCodes: { responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded" },
  };

  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: {
      displayLanguage: book.options.displayLanguage,
      requirements: {
        isSetSupported: (name: string, version = "1.1") =>
          name === "ExcelApi" && versionAtMost(version, book.options.apiVersion),
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };

  return {
    Excel: excel as unknown as typeof Excel,
    Office: office as unknown as typeof Office,
    OfficeExtension: { Error: MemoryExcelError },
    workbook: book.state,
    syncCount: () => book.syncLog.length,
    syncLog: book.syncLog,
    failOn: (command, occurrence = 1) => book.trap(command, occurrence),
    sheet: (name) => book.sheetNamed(name),
    toGrids: () => book.state.sheets.map(gridOf),
  };
}
