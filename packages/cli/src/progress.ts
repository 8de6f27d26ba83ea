import type { ConvertProgress } from "./convert.js";
import { integer } from "./units.js";

/** A terminal stream, as much of one as the progress line needs. */
export interface TerminalOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** One progress line's text. */
export function progressLine(p: ConvertProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.read / seconds : 0;
  const percent =
    p.bytesTotal > 0 ? ` · ${Math.min(100, Math.floor((p.bytesRead / p.bytesTotal) * 100))}%` : "";
  return `vitrin catalog: ${integer.format(p.read)} items · ${integer.format(rate)} items/s${percent}`;
}

/**
 * A one-line progress display on a terminal (stderr), redrawn at most every `intervalMs`.
 * `clear()` removes it before other output.
 */
export class ProgressBar {
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: TerminalOutput,
    private readonly intervalMs = 100,
  ) {}

  update(progress: ConvertProgress, force = false): void {
    const now = performance.now();
    if (!force && now - this.last < this.intervalMs) return;
    this.last = now;
    const width = Math.max(20, (this.out.columns || 80) - 1);
    this.out.write(`\r\x1b[2K${progressLine(progress).slice(0, width)}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.out.write("\r\x1b[2K");
    this.shown = false;
  }
}
