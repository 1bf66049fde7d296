// Runs the engine in-process on a project, as `stackscope check` does, and keys each finding the way
// a ledger does.
import { enclosingSymbol } from '../../server/src/model/symbols';
import type { Finding, ProjectModel } from '../../server/src/model/types';
import { Analyzer, type AnalyzerOptions } from '../../server/src/workspace/analyzer';
import { loadConfig } from '../../server/src/workspace/config';
import { numberedFingerprints, relativeFile } from '../../server/src/workspace/fingerprints';
import { type FindingKey, stableMessage } from './ledger';

/** A finding as the benchmark compares it. */
export interface Reported extends FindingKey {
  /** The places the finding explains itself by (the queryset, the loop, the query using a column). */
  related: { file: string; line: number }[];
}

/** `rules`: every rule unless given (tests give their own, to control what is reported). */
export async function analyseProject(dir: string, rules?: AnalyzerOptions['rules']): Promise<Reported[]> {
  const analyzer = new Analyzer(dir, { config: loadConfig(dir).config, rules });
  await analyzer.scan();
  return reportedFindings(analyzer.findings(), analyzer.model());
}

export function reportedFindings(findings: readonly Finding[], model: ProjectModel): Reported[] {
  const keyed = findings.map((f) => ({
    finding: f,
    file: relativeFile(model.root, f.file),
    symbol: enclosingSymbol(model, f)?.name ?? '',
    stable: stableMessage(f.message),
  }));
  const where = (k: (typeof keyed)[number]) => k.finding;
  const fingerprints = numberedFingerprints(keyed, (k) => [k.finding.rule, k.finding.check, k.file, k.symbol, k.stable], where);
  return keyed.map((k, i) => ({
    fingerprint: fingerprints[i],
    rule: k.finding.rule,
    check: k.finding.check,
    file: k.file,
    symbol: k.symbol,
    line: k.finding.range.start.line + 1,
    message: k.finding.message,
    related: (k.finding.related ?? []).map((r) => ({
      file: relativeFile(model.root, r.location.file),
      line: r.location.range.start.line + 1,
    })),
  }));
}
