// The baseline in the editor: findings a team accepted (stackscope.json `baseline`) are not shown, or
// shown as hints (the `stackscope.baseline` setting), so only new findings draw attention — the same file
// the CLI's `--baseline` reads.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding } from '../model/types';
import type { Analyzer } from '../workspace/analyzer';
import { inBaseline, readBaseline } from '../workspace/baseline';
import { findingFingerprints } from '../workspace/fingerprints';

export type BaselineDisplay = 'hidden' | 'hint';

export class BaselineView {
  private cached?: { path: string; mtimeMs: number; keys: ReadonlySet<string> };

  constructor(private readonly log: (message: string) => void) {}

  /** The findings as the editor shows them: without those the baseline holds, or with them as hints. */
  apply(analyzer: Analyzer, findings: Finding[], text: (file: string) => string | undefined, display: BaselineDisplay): Finding[] {
    const keys = analyzer.config.baseline ? this.keys(resolve(analyzer.root, analyzer.config.baseline)) : undefined;
    if (!keys || findings.length === 0) return findings;
    const held = inBaseline(
      analyzer.root,
      findings,
      findingFingerprints(findings, { root: analyzer.root, model: analyzer.model(), text }),
      keys,
    );
    if (display === 'hidden') return findings.filter((f) => !held.has(f));
    return findings.map((f) => (held.has(f) ? { ...f, severity: 'hint' as const } : f));
  }

  /** The baseline's keys, read again only when the file changed; none (and one log line) when it cannot be read. */
  private keys(path: string): ReadonlySet<string> | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      this.log(`baseline ${path} not found: every finding is shown`);
      return undefined;
    }
    if (this.cached?.path !== path || this.cached.mtimeMs !== mtimeMs) {
      try {
        this.cached = { path, mtimeMs, keys: readBaseline(path) };
      } catch (error) {
        this.log((error as Error).message);
        return undefined;
      }
    }
    return this.cached.keys;
  }
}
