import type { Comment, Finding } from '../model/types';

// `# stackscope: ignore[rule-a, rule-b]` (Python) and `// stackscope-ignore rule-a rule-b` (TypeScript).
// Without rule ids, the comment silences every rule on its line. Only the comment's own text is read:
// the frontends have already found the comments with their parsers.
const PYTHON_STYLE = /stackscope:\s*ignore(?:\[([^\]]*)\])?/;
const TS_STYLE = /stackscope-ignore(?:\s+([\w\s,-]+))?/;

/** Rule ids a comment silences: a set, or `'all'`, or undefined when it is no suppression comment. */
export function suppressedRules(text: string): Set<string> | 'all' | undefined {
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
        const rules = suppressedRules(comment.text);
        if (rules) lines.set(comment.line, rules);
      }
      byFile.set(file, lines);
    }
    return lines;
  };
  return findings.filter((finding) => {
    const lines = linesOf(finding.file);
    const line = finding.range.start.line;
    return ![lines.get(line), lines.get(line - 1)].some((rules) => rules === 'all' || rules?.has(finding.rule));
  });
}
