/*
 * The report's stylesheet, inlined into the page. System fonts only (Windows: Microsoft YaHei and
 * SimSun; macOS: PingFang; Linux: Noto CJK), so the file works offline and looks native everywhere.
 * Colours: text on every background here keeps a contrast of at least 4.5:1 (WCAG AA).
 */
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --ground: #f3f4f6;
  --navy: #17324d; --navy-2: #234b70; --accent: #b3261e; --focus: #0b57d0;
  --passed: #1a7f37; --passed-bg: #e6f4ea; --passed-ink: #0d5a26;
  --errors: #c62828; --errors-bg: #fdecea; --errors-ink: #a1161b;
  --warnings: #d29b00; --warnings-bg: #fff4d6; --warnings-ink: #6f4a00;
  --unreadable: #6e7781; --unreadable-bg: #eceff1; --unreadable-ink: #3d444d;
  --unchecked: #8250df; --unchecked-bg: #f3effc; --unchecked-ink: #5a32a3;
  --partial: #0a7ea4; --partial-bg: #e3f4fa; --partial-ink: #075a75;
  --info-ink: #0b5394;
  font-family: "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif;
  font-size: 14px; line-height: 1.55; color: var(--ink); background: var(--ground);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: 8px; top: -40px; background: var(--paper); color: var(--navy);
  padding: 6px 10px; border-radius: 4px; z-index: 10; }
.skip:focus { top: 8px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button, input, select { font: inherit; color: inherit; }
h1, h2, h3 { line-height: 1.3; }

.masthead { background: var(--navy); color: #fff; border-bottom: 4px solid var(--accent); }
.masthead .wrap { padding-top: 20px; padding-bottom: 18px; display: flex; flex-wrap: wrap;
  align-items: flex-end; justify-content: space-between; gap: 8px 24px; }
.masthead h1 { margin: 2px 0 0; font-size: 24px; font-weight: 700; letter-spacing: 0.04em; }
.kicker { margin: 0; font-size: 13px; color: #d7e3f0; letter-spacing: 0.08em; }
.about { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; color: #e8eef5; }
.about dt { display: inline; color: #b9cbe0; }
.about dt::after { content: "："; }
.about dd { display: inline; margin: 0; font-variant-numeric: tabular-nums; }

main.wrap { padding-top: 24px; padding-bottom: 48px; }
section { margin-bottom: 22px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
.section-title { font-size: 17px; margin: 0 0 12px; color: var(--navy); }

.status-cards { list-style: none; margin: 0; padding: 0; display: grid;
  grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; }
.status-card { width: 100%; text-align: left; cursor: pointer; background: var(--paper);
  border: 1px solid var(--line); border-left: 6px solid var(--unreadable); border-radius: 8px;
  padding: 12px 16px; display: grid; grid-template-columns: auto 1fr; align-items: baseline;
  column-gap: 10px; }
.status-card:hover { background: #f8fafc; }
.status-card[aria-pressed="true"] { box-shadow: inset 0 0 0 2px var(--navy); background: #eef3f8; }
.status-card .count { font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; }
.status-card .label { font-size: 16px; font-weight: 600; }
.status-card .share { grid-column: 1 / -1; color: var(--muted); font-size: 13px; }
.status-card.s-passed { border-left-color: var(--passed); } .status-card.s-passed .count { color: var(--passed-ink); }
.status-card.s-errors { border-left-color: var(--errors); } .status-card.s-errors .count { color: var(--errors-ink); }
.status-card.s-warningsOnly { border-left-color: var(--warnings); } .status-card.s-warningsOnly .count { color: var(--warnings-ink); }
.status-card.s-unreadable { border-left-color: var(--unreadable); } .status-card.s-unreadable .count { color: var(--unreadable-ink); }
.status-card.s-unchecked { border-left-color: var(--unchecked); } .status-card.s-unchecked .count { color: var(--unchecked-ink); }
.status-card.s-partial { border-left-color: var(--partial); } .status-card.s-partial .count { color: var(--partial-ink); }
.totals { margin: 12px 2px 0; color: var(--muted); }
.totals strong { color: var(--ink); font-variant-numeric: tabular-nums; }

.charts { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(0, 2fr); gap: 12px; }
.charts figure { margin: 0; }
.charts .span-all { grid-column: 1 / -1; }
.charts h3 { margin: 0; font-size: 15px; color: var(--navy); }
.chart-note { margin: 2px 0 10px; font-size: 12.5px; color: var(--muted); }
.chart { display: block; max-width: 100%; height: auto; }
.chart text { font-family: inherit; }
.donut-row { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; }
.donut-value { font-size: 30px; font-weight: 700; fill: var(--ink); }
.donut-label { font-size: 12px; fill: var(--muted); }
.legend { list-style: none; margin: 0; padding: 0; font-size: 13.5px; }
.legend li { display: flex; align-items: center; gap: 8px; margin: 4px 0; font-variant-numeric: tabular-nums; }
.swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; flex: none; }
.bar-label { font-size: 13px; fill: var(--ink); }
.bar-sublabel { font-size: 11px; fill: var(--muted); font-family: ui-monospace, Consolas, monospace; }
.bar-value { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
.axis { stroke: var(--line); stroke-width: 1; }
.fill-passed, .swatch.s-passed { fill: var(--passed); background: var(--passed); }
.fill-errors, .swatch.s-errors { fill: var(--errors); background: var(--errors); }
.fill-warningsOnly, .swatch.s-warningsOnly { fill: var(--warnings); background: var(--warnings); }
.fill-unreadable, .swatch.s-unreadable { fill: var(--unreadable); background: var(--unreadable); }
.fill-unchecked, .swatch.s-unchecked { fill: var(--unchecked); background: var(--unchecked); }
.fill-partial, .swatch.s-partial { fill: var(--partial); background: var(--partial); }
.fill-error { fill: var(--errors); } .fill-warning { fill: var(--warnings); }
.chart-empty { fill: var(--line); }
.empty-chart { color: var(--muted); margin: 8px 0; }

.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-end; margin-bottom: 10px; }
.filters label { display: flex; flex-direction: column; font-size: 12.5px; color: var(--muted); gap: 3px; }
.filters input, .filters select { min-height: 34px; border: 1px solid #8c959f; border-radius: 6px;
  padding: 4px 8px; background: var(--paper); font-size: 14px; }
.filters input[type="search"] { width: 280px; }
.button { min-height: 34px; border: 1px solid #8c959f; background: var(--paper); border-radius: 6px;
  padding: 4px 14px; cursor: pointer; }
.button:hover { background: #f3f5f7; }
.button.primary { background: var(--navy); border-color: var(--navy); color: #fff; }
.button.primary:hover { background: var(--navy-2); }
.shown { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
.more { margin: 12px 0 0; display: flex; gap: 10px; justify-content: center; }

html.js:not([data-ready]) .table-scroll { display: none; }
.table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: var(--paper); }
table { border-collapse: collapse; width: 100%; }
.departments th, .departments td { padding: 8px 10px; border-bottom: 1px solid #e6e9ed; text-align: left; vertical-align: top; }
.departments thead th { position: sticky; top: 0; background: #eef2f6; z-index: 1; font-weight: 600;
  border-bottom: 1px solid var(--line); white-space: nowrap; }
.departments .num { text-align: right; font-variant-numeric: tabular-nums; width: 4.5em; }
.departments .col-year { width: 5em; } .departments .col-template { width: 7.5em; } .departments .col-status { width: 7em; }
.sort { border: 0; background: none; padding: 0; font-weight: 600; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; }
.sort::after { content: "↕"; color: #8c959f; font-size: 12px; }
th[aria-sort="ascending"] .sort::after { content: "▲"; color: var(--navy); }
th[aria-sort="descending"] .sort::after { content: "▼"; color: var(--navy); }
tbody.dept:hover > tr.row { background: #f7f9fb; }
tbody.dept.open > tr.row { background: #eef3f8; }
.toggle { border: 0; background: none; padding: 0; cursor: pointer; text-align: left; display: flex; gap: 6px; font-weight: 600; color: var(--navy); }
.toggle::before { content: "▸"; color: var(--muted); flex: none; width: 1em; transition: transform 0.1s; }
.toggle[aria-expanded="true"]::before { transform: rotate(90deg); }
.toggle:hover .name { text-decoration: underline; }
.unknown { color: var(--muted); font-weight: 400; }
.file { color: var(--muted); font-size: 12.5px; font-weight: 400; word-break: break-all; }
.zero { color: var(--muted); }
.reason { color: var(--unreadable-ink); font-size: 12.5px; font-weight: 400; margin-top: 2px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12.5px; font-weight: 600; white-space: nowrap; }
.badge.s-passed, .sev.s-info { background: var(--passed-bg); color: var(--passed-ink); }
.badge.s-errors, .sev.s-error { background: var(--errors-bg); color: var(--errors-ink); }
.badge.s-warningsOnly, .sev.s-warning { background: var(--warnings-bg); color: var(--warnings-ink); }
.badge.s-unreadable { background: var(--unreadable-bg); color: var(--unreadable-ink); }
.badge.s-unchecked { background: var(--unchecked-bg); color: var(--unchecked-ink); }
.badge.s-partial { background: var(--partial-bg); color: var(--partial-ink); }
.partial-note { margin: 0 0 8px; color: var(--partial-ink); }
.sev { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12.5px; font-weight: 600; white-space: nowrap; }
.sev.s-info { background: #e8f0fe; color: var(--info-ink); }
tr.detail > td { background: #fafbfc; padding: 12px 16px 16px 34px; }
.detail-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px; margin-bottom: 8px; }
.detail-head p { margin: 0; color: var(--muted); }
.findings { font-size: 13.5px; background: var(--paper); border: 1px solid #e6e9ed; }
.findings th, .findings td { padding: 6px 8px; border-bottom: 1px solid #eceff2; text-align: left; vertical-align: top; }
.findings th { background: #f3f5f7; font-weight: 600; white-space: nowrap; }
.findings .cell, .findings .amount, .findings .rule { white-space: nowrap; font-variant-numeric: tabular-nums; }
.findings .sheet { min-width: 5.5em; }
.findings .rule { color: var(--muted); font-size: 12px; }
.findings .message { min-width: 22em; }
.findings .amount { text-align: right; }
.rounding { margin-top: 10px; }
.rounding summary { cursor: pointer; color: var(--info-ink); padding: 4px 0; }
.unreadable-reason { margin: 0; padding: 10px 12px; border-left: 4px solid var(--unreadable); background: var(--unreadable-bg); color: var(--unreadable-ink); }
.unreadable-reason + .hint { margin: 8px 0 0; color: var(--muted); }
.none { margin: 0; color: var(--passed-ink); }
footer.colophon { color: var(--muted); font-size: 12.5px; padding: 0 24px 32px; text-align: center; }

dialog.preview { width: min(900px, calc(100vw - 32px)); max-height: calc(100vh - 32px); padding: 0;
  border: 0; border-radius: 10px; box-shadow: 0 12px 48px rgba(0, 0, 0, 0.35); }
dialog.preview::backdrop { background: rgba(23, 50, 77, 0.55); }
.preview-bar { position: sticky; top: 0; display: flex; flex-wrap: wrap; gap: 10px; align-items: center;
  justify-content: space-between; padding: 10px 16px; background: #eef2f6; border-bottom: 1px solid var(--line); z-index: 1; }
.preview-bar h2 { margin: 0; font-size: 15px; color: var(--navy); }
.preview-bar .actions { display: flex; gap: 10px; align-items: center; }
.preview-bar label { display: inline-flex; gap: 6px; align-items: center; font-size: 13px; }
.preview-body { padding: 24px; background: #d9dde3; }
.preview-body .sheet { background: #fff; margin: 0 auto; max-width: 210mm; padding: 16mm 15mm;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.2); }
#print-area { display: none; }

.sheet { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  color: #000; font-size: 10.5pt; line-height: 1.5; }
.sheet h1 { text-align: center; font-size: 17pt; margin: 0 0 4mm; letter-spacing: 0.1em;
  font-family: "SimHei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
.sheet .facts { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
.sheet .facts th { text-align: left; font-weight: 700; white-space: nowrap; padding: 1mm 2mm 1mm 0; width: 6em; vertical-align: top; }
.sheet .facts td { padding: 1mm 4mm 1mm 0; vertical-align: top; word-break: break-all; }
.sheet .verdict { margin: 0 0 3mm; font-weight: 700; }
.sheet table.list { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
.sheet table.list th, .sheet table.list td { border: 0.75pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
.sheet table.list th { background: #e8e8e8; font-weight: 700; white-space: nowrap; }
.sheet table.list td.n, .sheet table.list td.amount { text-align: right; white-space: nowrap; }
.sheet table.list td.c { white-space: nowrap; }
.sheet table.list td.s { min-width: 5.5em; }
.sheet table.list tr { break-inside: avoid; }
.sheet h2 { font-size: 11pt; margin: 5mm 0 2mm; }
.sheet .note { font-size: 9.5pt; margin: 2mm 0; }
.sheet .rounding-list { display: none; }
.sheet.with-rounding .rounding-list { display: block; }
.sheet .closing { margin-top: 6mm; }
.sheet .signature { display: flex; justify-content: flex-end; gap: 14mm; margin-top: 10mm; }
.sheet .signature span { display: inline-block; min-width: 38mm; border-bottom: 0.75pt solid #000; }

@media (max-width: 900px) {
  .status-cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .charts { grid-template-columns: minmax(0, 1fr); }
}

@page { size: A4 portrait; margin: 14mm 14mm 16mm; }
@media print {
  .swatch, .badge, .sev, .status-card, .sheet table.list th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  :root { background: #fff; font-size: 10pt; }
  .skip, .filters, .shown, .more, .toggle::before, .sort::after, .detail-head .button, dialog { display: none !important; }
  .masthead { background: none; color: #000; border-bottom: 2px solid #000; }
  .masthead .kicker, .about, .about dt { color: #000; }
  .card, .table-scroll { border-color: #999; box-shadow: none; }
  .card { break-inside: avoid; }
  .status-card { border-color: #999; }
  .departments thead th { position: static; }
  tbody.dept { break-inside: avoid; }
  /* With one department's sheet open, the page is that sheet and nothing else. */
  body:has(dialog[open]) > :not(#print-area) { display: none !important; }
  body:has(dialog[open]) > #print-area { display: block; }
  #print-area .sheet { padding: 0; box-shadow: none; max-width: none; }
}
`;
