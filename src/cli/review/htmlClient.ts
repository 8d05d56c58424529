/// <reference lib="dom" />
/*
 * The HTML report's script. It runs in the reviewer's browser, not in Node: html.ts inlines it as
 * `(${reportClient.toString()})(${expandMessage.toString()})`, so both functions must be
 * self-contained — they may use nothing from this module or any import (types aside), only the DOM
 * and their own inner functions. (Coverage
 * instrumentation would break that; jest.config.js leaves this file out of coverage.)
 *
 * It reads the data html.ts put in #report-data and adds to the static page: sorting and filtering
 * the department table, each department's findings on demand, and the one-department sheet to
 * print. Workbook text is only ever set as textContent, never as HTML.
 */
import type { CompactMessage } from "./messageShapes";

export function reportClient(
  expand: (shapes: string[][], message: CompactMessage) => string
): void {
  type Finding = [number, number, string, CompactMessage, string, string, number, number];
  interface Department {
    file: string;
    name: string | null;
    year: number | null;
    template: string | null;
    status: string;
    counts: [number, number, number];
    error: string | null;
    partial: string | null;
    /** What the department is asked to send again, for 未检查 and 无法读取 (review/model). */
    resubmit: string | null;
    findings: Finding[];
  }
  interface Data {
    about: { date: string; tool: string; rules: string };
    labels: {
      status: Record<string, string>;
      template: Record<string, string>;
      severity: [string, string, string];
    };
    urgency: Record<string, number>;
    strings: string[];
    shapes: string[][];
    titles: Record<string, string>;
    departments: Department[];
  }
  const F = {
    severity: 0,
    sheet: 1,
    cell: 2,
    message: 3,
    expected: 4,
    actual: 5,
    rule: 6,
    rounding: 7,
  } as const;
  const SEVERITY_CLASS = ["s-error", "s-warning", "s-info"];

  const dataElement = document.getElementById("report-data");
  if (!dataElement) return;
  const data = JSON.parse(dataElement.textContent || "{}") as Data;
  const URGENCY = data.urgency;
  const departments = data.departments;
  const collator = new Intl.Collator("zh-CN");

  function byId<T extends HTMLElement>(id: string): T {
    return document.getElementById(id) as T;
  }
  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function fileName(file: string): string {
    const parts = file.split(/[\\/]/);
    return parts[parts.length - 1];
  }
  function nameOf(d: Department): string {
    return d.name || fileName(d.file);
  }
  /** 3661.69 → 3,661.69; anything that is not a plain decimal stays as it is. */
  function amount(text: string): string {
    const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
    if (!m) return text;
    return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] || "");
  }
  function sheetOf(f: Finding): string {
    return f[F.sheet] < 0 ? "整个工作簿" : data.strings[f[F.sheet]];
  }
  function messageOf(f: Finding): string {
    return expand(data.shapes, f[F.message]);
  }
  function ruleOf(f: Finding): string {
    return data.strings[f[F.rule]];
  }
  function isFolded(f: Finding): boolean {
    // Rounding differences are folded while they are 提示; with --strict-rounding they are errors.
    return f[F.rounding] === 1 && f[F.severity] === 2;
  }

  // ---- the department table: rows, sorting, filtering ----
  const table = document.querySelector("table.departments") as HTMLTableElement;
  const bodies = Array.from(table.querySelectorAll<HTMLTableSectionElement>("tbody.dept"));
  const bodyOf = new Map<number, HTMLTableSectionElement>();
  for (const body of bodies) bodyOf.set(Number(body.dataset.i), body);

  let haystacks: string[] | undefined;
  function haystack(i: number): string {
    if (!haystacks) {
      haystacks = departments.map((d) => {
        const parts = [d.name || "", d.file, d.error || "", d.partial || ""];
        for (const f of d.findings) {
          const rule = ruleOf(f);
          parts.push(rule, data.titles[rule] || "", messageOf(f), sheetOf(f), f[F.cell]);
        }
        return parts.join("\n").toLowerCase();
      });
    }
    return haystacks[i];
  }

  const text = byId<HTMLInputElement>("filter-text");
  const statusSelect = byId<HTMLSelectElement>("filter-status");
  const templateSelect = byId<HTMLSelectElement>("filter-template");
  const yearSelect = byId<HTMLSelectElement>("filter-year");
  const shown = byId<HTMLElement>("shown");
  const noMatch = byId<HTMLElement>("no-match");
  const cards = Array.from(document.querySelectorAll<HTMLButtonElement>(".status-card"));

  // A thousand rows laid out at once would keep the page from opening promptly: the table lists
  // the first PAGE departments that match, in the current order, and more on request.
  const PAGE = 200;
  let limit = PAGE;
  let order = bodies.map((body) => Number(body.dataset.i));
  const more = byId<HTMLElement>("more");
  const moreButton = byId<HTMLButtonElement>("show-more");
  const allButton = byId<HTMLButtonElement>("show-all");

  function matches(i: number, words: string[]): boolean {
    const d = departments[i];
    return (
      (!statusSelect.value || d.status === statusSelect.value) &&
      (!templateSelect.value || (d.template || "none") === templateSelect.value) &&
      (!yearSelect.value || (d.year === null ? "none" : String(d.year)) === yearSelect.value) &&
      words.every((w) => haystack(i).includes(w))
    );
  }

  function render(): void {
    const words = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let matched = 0;
    for (const i of order) {
      const visible = matches(i, words);
      const body = bodyOf.get(i);
      if (body) body.hidden = !visible || matched >= limit;
      if (visible) matched++;
    }
    const listed = Math.min(matched, limit);
    const filtered = Boolean(
      words.length || statusSelect.value || templateSelect.value || yearSelect.value
    );
    shown.textContent =
      (filtered
        ? `显示 ${matched} / ${departments.length} 个部门`
        : `共 ${departments.length} 个部门`) + (listed < matched ? `，先列出前 ${listed} 个` : "");
    noMatch.hidden = matched > 0;
    more.hidden = listed >= matched;
    moreButton.textContent = `再列出 ${Math.min(PAGE, matched - listed)} 个`;
    allButton.textContent = `全部列出（${matched} 个）`;
    for (const card of cards)
      card.setAttribute("aria-pressed", String(card.dataset.status === statusSelect.value));
  }

  function applyFilters(): void {
    limit = PAGE;
    render();
  }
  moreButton.addEventListener("click", () => {
    limit += PAGE;
    render();
  });
  allButton.addEventListener("click", () => {
    limit = departments.length;
    render();
  });

  text.addEventListener("input", applyFilters);
  for (const select of [statusSelect, templateSelect, yearSelect])
    select.addEventListener("change", applyFilters);
  const form = document.querySelector("form.filters") as HTMLFormElement;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(applyFilters, 0));
  for (const card of cards) {
    card.addEventListener("click", () => {
      const status = card.dataset.status || "";
      statusSelect.value = statusSelect.value === status ? "" : status;
      applyFilters();
      byId("departments").scrollIntoView({ block: "start" });
    });
  }

  type Key = "name" | "year" | "template" | "status" | "errors" | "warnings" | "infos";
  const compare: Record<Key, (a: Department, b: Department) => number> = {
    name: (a, b) => collator.compare(nameOf(a), nameOf(b)) || collator.compare(a.file, b.file),
    year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
    template: (a, b) => collator.compare(a.template || "~", b.template || "~"),
    status: (a, b) => URGENCY[a.status] - URGENCY[b.status],
    errors: (a, b) => a.counts[0] - b.counts[0],
    warnings: (a, b) => a.counts[1] - b.counts[1],
    infos: (a, b) => a.counts[2] - b.counts[2],
  };
  const headers = Array.from(table.querySelectorAll<HTMLTableCellElement>("thead th[data-key]"));
  for (const th of headers) {
    const button = th.querySelector("button");
    if (!button) continue;
    button.addEventListener("click", () => {
      const key = th.dataset.key as Key;
      // Counts open with the largest first; names, years and formats in their natural order.
      const numeric = key === "errors" || key === "warnings" || key === "infos";
      const current = th.getAttribute("aria-sort");
      const direction =
        current === "ascending" ? -1 : current === "descending" ? 1 : numeric ? -1 : 1;
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
      order = departments
        .map((_, i) => i)
        .sort(
          (a, b) =>
            direction * compare[key](departments[a], departments[b]) ||
            URGENCY[departments[a].status] - URGENCY[departments[b].status] ||
            collator.compare(departments[a].file, departments[b].file)
        );
      const fragment = document.createDocumentFragment();
      for (const i of order) {
        const body = bodyOf.get(i);
        if (body) fragment.appendChild(body);
      }
      table.appendChild(fragment);
      render();
    });
  }

  // ---- one department's findings ----
  function findingsTable(list: Finding[], caption: string): HTMLTableElement {
    const t = el("table", "findings");
    t.appendChild(el("caption", "visually-hidden", caption));
    const head = t.createTHead().insertRow();
    for (const h of ["级别", "工作表", "单元格", "问题", "应为", "实为", "规则"]) {
      const th = el("th", "", h);
      th.scope = "col";
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const f of list) {
      const row = body.insertRow();
      const sev = row.insertCell();
      sev.appendChild(
        el("span", `sev ${SEVERITY_CLASS[f[F.severity]]}`, data.labels.severity[f[F.severity]])
      );
      row.appendChild(el("td", "sheet", sheetOf(f)));
      row.appendChild(el("td", "cell", f[F.cell]));
      row.appendChild(el("td", "message", messageOf(f)));
      row.appendChild(el("td", "amount", amount(f[F.expected])));
      row.appendChild(el("td", "amount", amount(f[F.actual])));
      const rule = ruleOf(f);
      const ruleCell = el("td", "rule", rule);
      if (data.titles[rule]) ruleCell.title = data.titles[rule];
      row.appendChild(ruleCell);
    }
    return t;
  }

  /** What the department is asked to send again, for the reason nothing was checked (review/model). */
  function resubmitHint(d: Department): string {
    return d.resubmit || "";
  }

  function countsText(d: Department): string {
    return `错误 ${d.counts[0]} 个，警告 ${d.counts[1]} 个，提示 ${d.counts[2]} 条`;
  }

  function fillDetail(i: number, cell: HTMLTableCellElement): void {
    const d = departments[i];
    const head = el("div", "detail-head");
    const summary = el("p");
    summary.textContent =
      d.error !== null
        ? `${d.file}：${data.labels.status[d.status]}`
        : `${[d.year ? `${d.year} 年` : "", d.template ? data.labels.template[d.template] : ""].filter(Boolean).join(" · ")}${d.year || d.template ? " · " : ""}${countsText(d)}`;
    head.appendChild(summary);
    const print = el("button", "button", "打印此部门的问题清单");
    print.type = "button";
    print.addEventListener("click", () => openPreview(i, print));
    head.appendChild(print);
    cell.appendChild(head);

    if (d.error !== null) {
      cell.appendChild(el("p", "unreadable-reason", `${data.labels.status[d.status]}：${d.error}`));
      cell.appendChild(el("p", "hint", resubmitHint(d)));
      return;
    }
    // What was not checked comes before what was found: the findings cover only the rest.
    if (d.partial !== null)
      cell.appendChild(el("p", "partial-note", `${data.labels.status.partial}：${d.partial}`));
    const main = d.findings.filter((f) => !isFolded(f));
    const folded = d.findings.filter(isFolded);
    const who = nameOf(d);
    if (main.length > 0) cell.appendChild(findingsTable(main, `${who}的问题`));
    else cell.appendChild(el("p", "none", "未发现错误或警告。"));
    if (folded.length > 0) {
      const details = el("details", "rounding");
      details.appendChild(
        el("summary", "", `舍入差异 ${folded.length} 处（在四舍五入允许范围内，无需修改）`)
      );
      details.appendChild(findingsTable(folded, `${who}的舍入差异`));
      cell.appendChild(details);
    }
  }

  function toggle(button: HTMLButtonElement): void {
    const body = button.closest("tbody.dept") as HTMLTableSectionElement;
    const i = Number(body.dataset.i);
    let detail = body.querySelector<HTMLTableRowElement>("tr.detail");
    const open = button.getAttribute("aria-expanded") !== "true";
    if (open && !detail) {
      // Made on first opening: a thousand empty rows would only slow the page down.
      detail = body.insertRow();
      detail.className = "detail";
      detail.id = `detail-${i}`;
      const cell = detail.insertCell();
      cell.colSpan = (body.rows[0] as HTMLTableRowElement).cells.length;
      fillDetail(i, cell);
      button.setAttribute("aria-controls", detail.id);
    }
    if (detail) detail.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    body.classList.toggle("open", open);
  }
  table.addEventListener("click", (event) => {
    const button = (event.target as Element).closest("button.toggle");
    if (button) toggle(button as HTMLButtonElement);
  });

  // ---- the sheet a bureau sends back to one department (A4 portrait) ----
  const dialog = byId<HTMLDialogElement>("print-dialog");
  const preview = byId<HTMLElement>("print-preview");
  const printArea = byId<HTMLElement>("print-area");
  const withRounding = byId<HTMLInputElement>("print-rounding");
  let returnFocus: HTMLElement | null = null;

  function sheetTable(list: Finding[]): HTMLTableElement {
    const t = el("table", "list");
    const head = t.createTHead().insertRow();
    for (const h of ["序号", "工作表", "单元格", "级别", "问题说明", "应为", "实为"]) {
      const th = el("th", "", h);
      th.scope = "col";
      head.appendChild(th);
    }
    const body = t.createTBody();
    list.forEach((f, n) => {
      const row = body.insertRow();
      row.appendChild(el("td", "n", String(n + 1)));
      row.appendChild(el("td", "s", sheetOf(f)));
      row.appendChild(el("td", "c", f[F.cell]));
      row.appendChild(el("td", "c", data.labels.severity[f[F.severity]]));
      row.appendChild(el("td", "", messageOf(f)));
      row.appendChild(el("td", "amount", amount(f[F.expected])));
      row.appendChild(el("td", "amount", amount(f[F.actual])));
    });
    return t;
  }

  function buildSheet(i: number): HTMLElement {
    const d = departments[i];
    const sheet = el("article", "sheet");
    if (withRounding.checked) sheet.classList.add("with-rounding");
    sheet.appendChild(el("h1", "", "部门预算公开审核意见"));
    const facts = el("table", "facts");
    const fact = (label: string, value: string) => {
      const row = facts.insertRow();
      const th = el("th", "", label);
      th.scope = "row";
      row.appendChild(th);
      row.appendChild(el("td", "", value));
    };
    fact("部门", d.name || "（未识别部门名称）");
    // The department knows its file by name; the bureau's folders mean nothing to it.
    fact("报送文件", fileName(d.file));
    if (d.error === null) {
      fact("预算年度", d.year ? `${d.year} 年` : "（未识别）");
      fact("公开表格式", d.template ? data.labels.template[d.template] : "（未识别）");
    }
    fact("检查时间", data.about.date);
    fact("检查工具", `部门预算公开助手 ${data.about.tool}，${data.about.rules}`);
    sheet.appendChild(facts);

    if (d.error !== null) {
      sheet.appendChild(
        el(
          "p",
          "verdict",
          d.status === "unchecked"
            ? "结论：文件中没有可以核对的部门预算公开表，未能检查。"
            : "结论：文件无法读取，未能检查。"
        )
      );
      sheet.appendChild(el("p", "", `原因：${d.error}`));
      sheet.appendChild(el("p", "closing", resubmitHint(d)));
    } else {
      const main = d.findings.filter((f) => !isFolded(f));
      const folded = d.findings.filter(isFolded);
      const verdict =
        d.counts[0] > 0
          ? `结论：有错误，需修改后重新报送（${countsText(d)}）。`
          : d.partial !== null
            ? `结论：部分检查，已检查的表中未发现错误（${countsText(d)}）。`
            : d.counts[1] > 0
              ? `结论：未发现错误，有 ${d.counts[1]} 个警告请核实（${countsText(d)}）。`
              : "结论：通过，未发现错误或警告。";
      sheet.appendChild(el("p", "verdict", verdict));
      if (d.partial !== null) sheet.appendChild(el("p", "", `未检查的内容：${d.partial}`));
      if (main.length > 0) {
        sheet.appendChild(el("h2", "", "需要核对修改的问题"));
        sheet.appendChild(sheetTable(main));
      }
      if (folded.length > 0) {
        sheet.appendChild(
          el(
            "p",
            "note",
            `另有舍入差异 ${folded.length} 处（±0.01，在四舍五入允许范围内），无需修改。`
          )
        );
        const list = el("div", "rounding-list");
        list.appendChild(el("h2", "", "舍入差异（无需修改）"));
        list.appendChild(sheetTable(folded));
        sheet.appendChild(list);
      }
      if (main.length > 0)
        sheet.appendChild(
          el(
            "p",
            "closing",
            "请对照以上问题逐条核对工作簿，修改后重新报送；如有疑问请与财政部门联系。"
          )
        );
    }
    const signature = el("div", "signature");
    for (const label of ["审核人：", "日期："]) {
      const part = el("div", "", label);
      part.appendChild(el("span"));
      signature.appendChild(part);
    }
    sheet.appendChild(signature);
    return sheet;
  }

  let previewIndex = -1;
  function renderPreview(): void {
    const sheet = buildSheet(previewIndex);
    preview.replaceChildren(sheet);
    printArea.replaceChildren(sheet.cloneNode(true));
  }
  function openPreview(i: number, opener: HTMLElement): void {
    previewIndex = i;
    returnFocus = opener;
    renderPreview();
    dialog.showModal();
    byId<HTMLButtonElement>("print-now").focus();
  }
  withRounding.addEventListener("change", renderPreview);
  byId<HTMLButtonElement>("print-now").addEventListener("click", () => window.print());
  byId<HTMLButtonElement>("print-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    printArea.replaceChildren();
    if (returnFocus) returnFocus.focus();
  });

  render();
  document.documentElement.dataset.ready = "true";
}

/**
 * A finding's message from its form in the page's data (messageShapes.ts): the text itself, a shape
 * without numbers, or a shape with its numbers put back between its pieces. Inlined into the page
 * beside reportClient, so it too may use nothing from outside itself.
 */
export function expandMessage(shapes: string[][], message: CompactMessage): string {
  if (typeof message === "string") return message;
  if (typeof message === "number") return shapes[message][0];
  const pieces = shapes[message[0]];
  const numbers = message[1].split(" ");
  let text = pieces[0];
  for (let k = 1; k < pieces.length; k++) text += numbers[k - 1] + pieces[k];
  return text;
}
