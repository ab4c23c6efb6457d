// A one-line progress bar for a terminal; silent when the output is not a TTY (logs, pipes, CI).

/** Draws `label [#####.....] done/total` in place on `stream`, if it is a terminal. */
export class ProgressBar {
  private readonly active: boolean;
  constructor(private readonly stream: NodeJS.WriteStream, private readonly total: number, private readonly label: string,
    enabled = true) {
    this.active = enabled && Boolean(stream.isTTY) && total > 0;
  }

  update(done: number): void {
    if (!this.active) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    const pct = Math.floor((done / this.total) * 100);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${pct}%`);
  }

  finish(): void {
    if (this.active) this.stream.write('\n');
  }
}
