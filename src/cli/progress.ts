/*
 * A one-line progress bar on stderr, redrawn in place. Only for a person watching a terminal:
 * main.ts turns it on when stderr is a TTY and --no-progress is not given, so logs and pipes
 * never see carriage returns.
 */
import { displayWidth } from "./report";

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export interface Progress {
  /** One more file done. */
  tick(file: string): void;
  /** Erases the bar, so that what follows starts on a clean line. */
  done(): void;
}

export const NO_PROGRESS: Progress = { tick() {}, done() {} };

/** The bar's text for `done` of `total` files, fitted into `columns`; `label` says what is being done. */
export function progressLine(
  done: number,
  total: number,
  file: string,
  columns = 80,
  label = "检查中"
): string {
  const barWidth = 24;
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  const bar = "#".repeat(filled) + "-".repeat(barWidth - filled);
  const head = `${label} [${bar}] ${done}/${total} `;
  // A line wider than the terminal wraps, and \r would then redraw only its last part.
  return head + keepEnd(file, Math.max(0, columns - 1 - displayWidth(head)));
}

/** The end of a path (the file name matters most), within `room` terminal columns. */
function keepEnd(text: string, room: number): string {
  if (displayWidth(text) <= room) return text;
  if (room < 2) return "";
  const chars = [...text];
  let kept = "";
  for (let i = chars.length - 1; i >= 0 && displayWidth(chars[i] + kept) + 1 <= room; i--)
    kept = chars[i] + kept;
  return "…" + kept;
}

export function createProgress(
  total: number,
  stream: ProgressStream,
  intervalMs = 100,
  label = "检查中"
): Progress {
  let done = 0;
  let lastDraw = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write("\r\x1b[2K");
    drawn = false;
  };
  return {
    tick(file: string) {
      done++;
      const now = Date.now();
      if (now - lastDraw < intervalMs && done < total) return;
      lastDraw = now;
      stream.write("\r\x1b[2K" + progressLine(done, total, file, stream.columns || 80, label));
      drawn = true;
    },
    done: clear,
  };
}
