import type { Comment, Finding } from '../model/types';

// `# stackscope: ignore[insecure-session/default-cookie-name, n-plus-one]` (Python, templates) and
// `// stackscope-ignore insecure-session/default-cookie-name n-plus-one` (TypeScript). An id is a check id, or
// a rule id that silences every check of the rule; without ids the comment silences everything on
// its line. Only the comment's own text is read: the frontends have already found the comments.
const PYTHON_STYLE = /stackscope:\s*ignore(?:\[([^\]]*)\])?/;
const TS_STYLE = /stackscope-ignore(?:\s+([\w\s,/-]+))?/;

/** Ids a comment silences: a set, or `'all'`, or undefined when it is no suppression comment. */
export function suppressedIds(text: string): Set<string> | 'all' | undefined {
  const match = PYTHON_STYLE.exec(text) ?? TS_STYLE.exec(text);
  if (!match) return undefined;
  const ids = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
  return ids.length === 0 ? 'all' : new Set(ids);
}

/** Drops findings silenced by a comment on their first line or the line above it. */
export function applySuppressions(findings: Finding[], commentsOf: (file: string) => readonly Comment[]): Finding[] {
  const byFile = new Map<string, Map<number, Set<string> | 'all'>>();
  const linesOf = (file: string) => {
    let lines = byFile.get(file);
    if (!lines) {
      lines = new Map();
      for (const comment of commentsOf(file)) {
        const ids = suppressedIds(comment.text);
        if (ids) lines.set(comment.line, ids);
      }
      byFile.set(file, lines);
    }
    return lines;
  };
  return findings.filter((finding) => {
    const lines = linesOf(finding.file);
    const line = finding.range.start.line;
    const silences = (ids: Set<string> | 'all' | undefined) => ids === 'all' || ids?.has(finding.check) || ids?.has(finding.rule);
    return !silences(lines.get(line)) && !silences(lines.get(line - 1));
  });
}
