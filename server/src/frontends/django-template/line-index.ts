import type { Position, Range } from '../../model/types';

/** Offsets to LSP positions (0-based line, UTF-16 character): Lezer counts UTF-16 code units, as LSP does. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  range(from: number, to: number): Range {
    return { start: this.position(from), end: this.position(to) };
  }
}
