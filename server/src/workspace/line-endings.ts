// Line endings as VS Code and the LSP count them: `\n`, `\r\n` and a lone `\r` each end a line.
// Frontends only split on `\n` (tree-sitter counts rows by `\n`, TypeScript also by U+2028), so text
// is handed to them with every ending turned into `\n`: a line keeps its characters, so every
// (line, character) position they report is the one the editor shows, whatever the file uses.

export type LineEnding = '\n' | '\r\n' | '\r';

const ENDINGS = /\r\n?/g;

/** The text with `\r\n` and lone `\r` turned into `\n`. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(ENDINGS, '\n') : text;
}

/** The file's line ending: its first one (editors keep one per file), `\n` when it has none. */
export function lineEndingOf(text: string): LineEnding {
  const at = text.search(/\r\n?|\n/);
  if (at === -1 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** The lines of a text, split where the editor splits them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

/** Text to insert into a file, with its `\n` written as the file writes line endings. */
export function withLineEnding(text: string, ending: LineEnding): string {
  return ending === '\n' ? text : text.replace(/\r\n?|\n/g, ending);
}
