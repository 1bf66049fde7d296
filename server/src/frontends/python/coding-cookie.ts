// PEP 263: a comment on the first or second line names the file's encoding
// (`# -*- coding: latin-1 -*-`, `# vim: set fileencoding=utf-8 :`). On the second line it counts
// only when the first is blank or a comment, as in CPython's tokenizer.
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(#.*)?$/;

/** The encoding a Python file declares, from its first bytes read as Latin-1. */
export function codingCookie(head: string): string | undefined {
  const [first = '', second = ''] = head.split(/\r\n?|\n/, 2);
  const found = COOKIE.exec(first) ?? (BLANK_OR_COMMENT.test(first) ? COOKIE.exec(second) : null);
  return found?.[1];
}
