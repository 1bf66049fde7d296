import { relative } from 'node:path';
import { frontendFor, initFrontends } from '../frontends';
import { emptyFacts } from '../frontends/frontend';
import { buildProjectModel } from './project';
import type { FileFacts, Finding, ProjectModel } from '../model/types';
import { checksSelected, RULES } from '../rules';
import type { Rule } from '../rules/rule';
import { type Config, configuredSeverity, emptyConfig } from './config';
import { type Context, contextMatcher, mergeContexts } from './contexts';
import { withFixes } from './fixes';
import { toPosix } from '../model/paths';
import { checkText, discoverFiles, excludeMatcher, readSource, type ExcludeMatcher } from './files';
import { applySuppressions } from './suppression';
import { Timings } from './timings';

export interface AnalyzerOptions {
  config?: Config;
  /** Where problems go that a user should see in a log (a file that could not be read, a rule that crashed). */
  log?: (message: string) => void;
  /** Only these rules run (CLI `--rule`): rule ids, or check ids whose rules run and whose findings are kept. */
  onlyRules?: readonly string[];
  /** The rule set; every known rule unless given. */
  rules?: readonly Rule[];
}

export interface ScanOptions {
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The engine behind the language server and the CLI. It keeps each file's facts; editing one file
 * re-parses only that file, then re-assembles the model and re-runs the rules, both cheap.
 */
export class Analyzer {
  readonly files = new Map<string, FileFacts>();
  /** Files that were found but not analysed, with the reason (too large, binary, not UTF-8). */
  readonly skipped = new Map<string, string>();
  readonly timings = new Timings();
  private currentConfig: Config;
  private isExcluded: ExcludeMatcher;
  private cachedModel?: ProjectModel;
  private cachedFindings?: Finding[];
  private readonly loggedEngineErrors = new Set<string>();
  private readonly log: (message: string) => void;
  private readonly rules: readonly Rule[];
  private readonly onlyChecks?: ReadonlySet<string>;
  private contexts: Context[] = [];
  private contextOfPath: (relativePath: string) => Context | undefined = () => undefined;
  /** Each file's context, matched once: every analysis asks it of every file and every finding. */
  private readonly contextByFile = new Map<string, Context | undefined>();
  /** Findings a context left out in the last run, by context name and check: what the log says. */
  private leftOutCounts = new Map<string, Map<string, number>>();

  constructor(readonly root: string, options: AnalyzerOptions = {}) {
    this.currentConfig = options.config ?? emptyConfig();
    this.isExcluded = excludeMatcher(this.currentConfig.exclude);
    this.setContexts(this.currentConfig);
    this.log = options.log ?? (() => {});
    const rules = options.rules ?? RULES;
    const only = options.onlyRules?.flatMap((id) => checksSelected(id).map((check) => check.id));
    this.onlyChecks = only ? new Set(only) : undefined;
    this.rules = rules.filter((rule) => !this.onlyChecks || rule.checks.some((check) => this.onlyChecks!.has(check.id)));
  }

  get config(): Config {
    return this.currentConfig;
  }

  setConfig(config: Config): void {
    this.currentConfig = config;
    this.isExcluded = excludeMatcher(config.exclude);
    this.setContexts(config);
    for (const file of [...this.files.keys()]) if (!this.includes(file)) this.files.delete(file);
    this.invalidate();
  }

  private setContexts(config: Config): void {
    this.contexts = mergeContexts(config.contexts);
    this.contextOfPath = contextMatcher(this.contexts);
    this.contextByFile.clear();
  }

  /** The context a file is in (test code, a migration, seed data, a script), if any. */
  contextOf(file: string): Context | undefined {
    if (this.contextByFile.has(file)) return this.contextByFile.get(file);
    const context = this.contextOfPath(toPosix(relative(this.root, file)));
    this.contextByFile.set(file, context);
    return context;
  }

  /**
   * What the contexts left out of the last run, for the log: per context, its description and how many
   * findings of each check its settings turned off.
   */
  leftOut(): { context: Context; checks: Map<string, number> }[] {
    this.findings();
    return [...this.leftOutCounts].map(([name, checks]) => ({ context: this.contexts.find((c) => c.name === name)!, checks }));
  }

  /** Whether a file belongs to the analysis: some frontend reads it and no exclude pattern matches it. */
  includes(file: string): boolean {
    const rel = toPosix(relative(this.root, file));
    if (rel.startsWith('..')) return false;
    return frontendFor(file) !== undefined && !this.isExcluded(rel);
  }

  /** Discovers and analyses every supported file under the root. Yields to the event loop between files. */
  async scan(options: ScanOptions = {}): Promise<boolean> {
    await initFrontends();
    const found = discoverFiles(this.root, this.isExcluded);
    this.timings.resetParse();
    for (let i = 0; i < found.length; i++) {
      if (options.isCancelled?.()) return false;
      const read = readSource(found[i]);
      if (read.ok) this.analyzeText(found[i], read.text);
      else this.skip(found[i], read.reason);
      options.onProgress?.(i + 1, found.length);
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    return true;
  }

  /** Re-analyses one file from text (an editor buffer or a file changed on disk). */
  async updateFile(file: string, text: string): Promise<void> {
    await initFrontends();
    const checked = checkText(text);
    if (checked.ok) this.analyzeText(file, text);
    else this.skip(file, checked.reason);
  }

  /** Re-reads one file from disk. */
  async reloadFile(file: string): Promise<void> {
    await initFrontends();
    const read = readSource(file);
    if (read.ok) this.analyzeText(file, read.text);
    else this.skip(file, read.reason);
  }

  removeFile(file: string): void {
    this.contextByFile.delete(file);
    if (this.files.delete(file) || this.skipped.delete(file)) this.invalidate();
  }

  model(): ProjectModel {
    if (!this.cachedModel) {
      const started = performance.now();
      const fileContexts = new Map<string, { name: string; evidence: boolean }>();
      for (const file of this.files.keys()) {
        const context = this.contextOf(file);
        if (context) fileContexts.set(file, { name: context.name, evidence: context.evidence });
      }
      this.cachedModel = buildProjectModel(this.root, this.files, { queryFunctions: this.currentConfig.queryFunctions, fileContexts });
      this.timings.setModel(performance.now() - started);
      this.logPrismaEngine(this.cachedModel);
    }
    return this.cachedModel;
  }

  /** Says once why Prisma's schema engine did not confirm a schema (its facts then come from the parser alone). */
  private logPrismaEngine(model: ProjectModel): void {
    for (const schema of model.prismaSchemas ?? []) {
      const error = schema.engineError;
      if (!error) continue;
      const where = error.location ? `${relative(this.root, error.location.file)}:${error.location.range.start.line + 1}: ` : '';
      const message = `Prisma schema engine (${schema.engine}): ${where}${error.message}; using the parser's facts alone`;
      if (this.loggedEngineErrors.has(message)) continue;
      this.loggedEngineErrors.add(message);
      this.log(message);
    }
  }

  /** Every finding in the workspace, with configured severities and suppressions applied. */
  findings(): Finding[] {
    if (!this.cachedFindings) {
      const model = this.model();
      const all: Finding[] = [];
      this.leftOutCounts = new Map();
      for (const rule of this.rules) {
        const off = (context?: Context) => rule.checks.every((check) => configuredSeverity(this.currentConfig, { rule: rule.id, check: check.id, severity: check.severity }, context) === 'off');
        if (off() && this.contexts.every(off)) continue;
        const started = performance.now();
        try {
          for (const finding of rule.check(model)) {
            if (!this.files.has(finding.file) || (this.onlyChecks && !this.onlyChecks.has(finding.check))) continue;
            const context = this.contextOf(finding.file);
            const severity = configuredSeverity(this.currentConfig, finding, context);
            if (severity === 'off') {
              if (context && configuredSeverity(this.currentConfig, finding) !== 'off') this.countLeftOut(context, finding.check);
              continue;
            }
            all.push(withFixes(severity === finding.severity ? finding : { ...finding, severity }, model));
          }
        } catch (error) {
          // One rule's bug must not hide the other rules' findings.
          this.log(`rule ${rule.id} failed: ${(error as Error).stack ?? error}`);
        }
        this.timings.setRule(rule.id, performance.now() - started);
      }
      this.cachedFindings = applySuppressions(dedupe(all), (file) => this.files.get(file)?.comments ?? []);
    }
    return this.cachedFindings;
  }

  private countLeftOut(context: Context, check: string): void {
    const checks = this.leftOutCounts.get(context.name) ?? new Map<string, number>();
    checks.set(check, (checks.get(check) ?? 0) + 1);
    this.leftOutCounts.set(context.name, checks);
  }

  findingsFor(file: string): Finding[] {
    return this.findings().filter((finding) => finding.file === file);
  }

  private analyzeText(file: string, text: string): void {
    const frontend = frontendFor(file);
    if (!frontend) return;
    this.skipped.delete(file);
    const started = performance.now();
    try {
      this.files.set(file, frontend.analyze(file, text));
      this.timings.addParse(frontend.language, performance.now() - started);
    } catch (error) {
      // A frontend bug on one file: keep the file known (no stale facts) and report it, never crash.
      this.log(`failed to analyse ${file}: ${(error as Error).stack ?? error}`);
      const facts = emptyFacts(file, frontend.language);
      facts.problems.push({ message: `Stackscope could not analyse this file: ${(error as Error).message}`, range: zeroRange() });
      this.files.set(file, facts);
    }
    this.invalidate();
  }

  private skip(file: string, reason: string): void {
    this.files.delete(file);
    this.skipped.set(file, reason);
    this.log(`${file}: ${reason}`);
    this.invalidate();
  }

  private invalidate(): void {
    this.cachedModel = undefined;
    this.cachedFindings = undefined;
  }
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Split settings can make two paths reach one finding; keep one. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.check}|${f.file}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
