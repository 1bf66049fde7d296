// What `check` and `model` are doing, on stderr while a person watches a terminal: the phase and
// the files done out of the total, on one line that rewrites itself and is wiped before anything
// else is printed. A long run on a large project is otherwise silent for a minute. The CLI makes
// one only when stderr is a terminal: CI logs and pipes get nothing.
const CLEAR_LINE = '\r\x1b[K';

export class TerminalProgress {
  private shown = false;

  constructor(private readonly write: (text: string) => void) {}

  report(phase: string, done?: number, total?: number): void {
    const count = done !== undefined && total !== undefined ? ` ${done}/${total} files` : '';
    this.write(`${CLEAR_LINE}stackscope: ${phase}${count}…`);
    this.shown = true;
  }

  /** Wipes the line, so the output that follows starts on a clean one. */
  clear(): void {
    if (this.shown) this.write(CLEAR_LINE);
    this.shown = false;
  }
}
