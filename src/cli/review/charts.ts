/*
 * The report's charts as inline SVG strings: no library, no canvas, nothing fetched. Colours come
 * from CSS classes (see htmlStyle.ts), so the charts follow the page's palette and print in it.
 * Every shape carries a <title> (a tooltip, and what a screen reader reads); each chart is also
 * labelled as a whole.
 */
import { escapeHtml } from "./escape";

/** Width in ems of text in the report's fonts: CJK and full-width characters 1, the rest about half. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 1 : 0.56;
  return width;
}

/** Cuts `text` to fit `maxEm`, ending it with "…". */
export function fitText(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  let kept = "";
  for (const ch of text) {
    if (textWidthEm(kept + ch) + 1 > maxEm) break;
    kept += ch;
  }
  return kept + "…";
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export interface Slice {
  label: string;
  value: number;
  /** A CSS class giving its colour. */
  className: string;
}

/**
 * A ring divided by `slices`, with the total in the middle. `title` names the chart for assistive
 * technology; the legend is left to the page (it is HTML, so it can be read and clicked).
 */
export function donutChart(
  slices: readonly Slice[],
  options: { title: string; centerValue: string; centerLabel: string }
): string {
  const size = 180;
  const c = size / 2;
  const outer = 84;
  const inner = 54;
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const shapes: string[] = [];
  if (total === 0) {
    shapes.push(ring(c, outer, inner, "chart-empty", "没有文件"));
  } else {
    let angle = -Math.PI / 2;
    for (const slice of slices) {
      if (slice.value === 0) continue;
      const share = slice.value / total;
      const tip = `${slice.label}：${slice.value}（${Math.round(share * 1000) / 10}%）`;
      if (share >= 1) {
        shapes.push(ring(c, outer, inner, slice.className, tip));
        break;
      }
      const end = angle + share * 2 * Math.PI;
      shapes.push(
        `<path class="${slice.className}" d="${arcPath(c, outer, inner, angle, end)}"><title>${escapeHtml(tip)}</title></path>`
      );
      angle = end;
    }
  }
  return (
    `<svg class="chart donut" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${escapeHtml(options.title)}">` +
    shapes.join("") +
    `<text class="donut-value" x="${c}" y="${c + 4}" text-anchor="middle">${escapeHtml(options.centerValue)}</text>` +
    `<text class="donut-label" x="${c}" y="${c + 24}" text-anchor="middle">${escapeHtml(options.centerLabel)}</text>` +
    `</svg>`
  );
}

function ring(c: number, outer: number, inner: number, className: string, tip: string): string {
  // Two circles with even-odd filling: a full ring, which a single arc cannot draw.
  const circle = (r: number) =>
    `M${fmt(c + r)} ${fmt(c)}A${r} ${r} 0 1 0 ${fmt(c - r)} ${fmt(c)}A${r} ${r} 0 1 0 ${fmt(c + r)} ${fmt(c)}Z`;
  return `<path class="${className}" fill-rule="evenodd" d="${circle(outer)}${circle(inner)}"><title>${escapeHtml(tip)}</title></path>`;
}

function arcPath(c: number, outer: number, inner: number, start: number, end: number): string {
  const large = end - start > Math.PI ? 1 : 0;
  const point = (r: number, a: number) => `${fmt(c + r * Math.cos(a))} ${fmt(c + r * Math.sin(a))}`;
  return (
    `M${point(outer, start)}A${outer} ${outer} 0 ${large} 1 ${point(outer, end)}` +
    `L${point(inner, end)}A${inner} ${inner} 0 ${large} 0 ${point(inner, start)}Z`
  );
}

export interface Bar {
  label: string;
  /** A second, smaller line under the label (a rule's id, say). */
  sublabel?: string;
  value: number;
  /** Written after the bar, e.g. "12 个部门". */
  valueText: string;
  /** The tooltip: the full label and what the bar counts. */
  tip: string;
  className: string;
}

/**
 * Horizontal bars, one per row, labels on the left, longest bar the full width. The scale starts at
 * zero and bars keep at least a sliver, so a count of 1 is still visible next to one of 300.
 */
export function barChart(
  bars: readonly Bar[],
  options: { title: string; width?: number; labelWidth?: number }
): string {
  const width = options.width ?? 640;
  const labelWidth = options.labelWidth ?? 250;
  const valueWidth = 78;
  const rowHeight = bars.some((b) => b.sublabel) ? 34 : 24;
  const barHeight = 14;
  const top = 4;
  const height = top * 2 + bars.length * rowHeight;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = width - labelWidth - valueWidth - 12;
  // Labels are 13 px: what fits left of the axis, in ems.
  const labelEm = (labelWidth - 14) / 13;
  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight;
    const barY = y + (rowHeight - barHeight) / 2;
    const w = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * room);
    const labelY = bar.sublabel ? y + 14 : y + rowHeight / 2 + 4.5;
    const label = `<text class="bar-label" x="${labelWidth - 10}" y="${fmt(labelY)}" text-anchor="end">${escapeHtml(fitText(bar.label, labelEm))}</text>`;
    const sub = bar.sublabel
      ? `<text class="bar-sublabel" x="${labelWidth - 10}" y="${fmt(y + 28)}" text-anchor="end">${escapeHtml(fitText(bar.sublabel, labelEm * 1.6))}</text>`
      : "";
    return (
      `<g><title>${escapeHtml(bar.tip)}</title>${label}${sub}` +
      `<rect class="${bar.className}" x="${labelWidth}" y="${fmt(barY)}" width="${fmt(w)}" height="${barHeight}" rx="2"></rect>` +
      `<text class="bar-value" x="${fmt(labelWidth + w + 6)}" y="${fmt(barY + barHeight - 2.5)}">${escapeHtml(bar.valueText)}</text></g>`
    );
  });
  return (
    `<svg class="chart bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">` +
    `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"></line>` +
    rows.join("") +
    `</svg>`
  );
}
