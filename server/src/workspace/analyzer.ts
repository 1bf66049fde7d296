import { relative } from 'node:path';
import { frontendFor, initFrontends } from '../frontends';
import { buildProjectModel } from './project';
import type { FileFacts, Finding, ParseProblem, ProjectModel } from '../model/types';
import { checksSelected, RULES } from '../rules';
import type { Rule } from '../rules/rule';
import { type Config, emptyConfig } from './config';
import { type Context, contextMatcher, mergeContexts } from './contexts';
import { checkText, type Decoded, type Skip } from './decode';
import { withFixes, withLineEndings } from './fixes';
import { toPosix } from '../model/paths';
import { discoverFiles, excludeMatcher, readSource, type ExcludeMatcher } from './files';
import { type LineEnding, lineEndingOf, normalizeLineEndings } from './line-endings';
import { reachedWithoutLinks } from './links';
import { buildIsolated } from './model-guard';
import { type FileNote, FileNotes, notesOf } from './notes';
import { mayReport, overridesMatcher, type SettingsLayer, severityIn } from './severities';
import { applySuppressions } from './suppression';
import { Timings } from './timings';

export interface AnalyzerOptions {
  config?: Config;
  /** Where problems go that a user should see in a log (a file that could not be read, a rule that crashed): one line each. */
  log?: (message: string) => void;
  /**
   * Where the engine's own notes go, that change no finding (Prisma's schema engine declining a schema its
   * parser read): the editor's Output channel shows them; the CLI, whose stderr is for what the user must act on, does not.
   */
  trace?: (message: string) => void;
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
 * re-parses only that file, then re-assembles the model and re-runs the rules, both cheap. Every
 * file is read, decoded, parsed and linked under its own guard: one that fails is skipped with its
 * reason logged, and the others keep their findings.
 */
export class Analyzer {
  readonly files = new Map<string, FileFacts>();
  readonly timings = new Timings();
  private currentConfig: Config;
  private isExcluded: ExcludeMatcher;
  private cachedModel?: ProjectModel;
  private cachedFindings?: Finding[];
  private readonly loggedEngineErrors = new Set<string>();
  private readonly log: (message: string) => void;
  private readonly trace: (message: string) => void;
  private readonly notes: FileNotes;
  /** Each file's line ending, for the text fixes insert. */
  private readonly lineEndings = new Map<string, LineEnding>();
  private readonly rules: readonly Rule[];
  private readonly onlyChecks?: ReadonlySet<string>;
  private contexts: Context[] = [];
  private contextOfPath: (relativePath: string) => Context | undefined = () => undefined;
  private overridesOfPath: (relativePath: string) => SettingsLayer[] = () => [];
  /** Each file's context, matched once: every analysis asks it of every file and every finding. */
  private readonly contextByFile = new Map<string, Context | undefined>();
  /** Findings a context left out in the last run, by context name and check: what the log says. */
  private leftOutCounts = new Map<string, Map<string, number>>();

  constructor(
    readonly root: string,
    options: AnalyzerOptions = {},
  ) {
    this.currentConfig = options.config ?? emptyConfig();
    this.isExcluded = excludeMatcher(this.currentConfig.exclude);
    this.setContexts(this.currentConfig);
    this.log = options.log ?? (() => {});
    this.trace = options.trace ?? (() => {});
    this.notes = new FileNotes(root, this.log);
    const rules = options.rules ?? RULES;
    const only = options.onlyRules?.flatMap((id) => checksSelected(id).map((check) => check.id));
    this.onlyChecks = only ? new Set(only) : undefined;
    this.rules = rules.filter((rule) => !this.onlyChecks || rule.checks.some((check) => this.onlyChecks!.has(check.id)));
  }

  get config(): Config {
    return this.currentConfig;
  }

  /** Files that were found but not analysed, with the reason (unreadable, binary, too large, failed). */
  get skipped(): ReadonlyMap<string, Skip> {
    return this.notes.skipped;
  }

  /** Warnings on files (read as Latin-1), for the editor to show on the file itself. */
  fileNotes(): FileNote[] {
    return this.notes.shown();
  }

  /** `2 of 40 files skipped: 1 unreadable, 1 binary`, or undefined. */
  skippedSummary(): string | undefined {
    return this.notes.summary(this.files.size);
  }

  setConfig(config: Config): void {
    this.currentConfig = config;
    this.isExcluded = excludeMatcher(config.exclude);
    this.setContexts(config);
    for (const file of [...this.files.keys(), ...this.skipped.keys()]) if (!this.includes(file)) this.removeFile(file);
    this.invalidate();
  }

  private setContexts(config: Config): void {
    this.contexts = mergeContexts(config.contexts);
    this.contextOfPath = contextMatcher(this.contexts);
    this.overridesOfPath = overridesMatcher(config.overrides);
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

  /**
   * Whether a file belongs to the analysis: inside the root and reached without a symbolic link (the
   * scan follows none, so neither does an editor or a file-change event), read by some frontend, not excluded.
   */
  includes(file: string): boolean {
    const rel = toPosix(relative(this.root, file));
    if (rel.startsWith('..')) return false;
    return frontendFor(file) !== undefined && !this.isExcluded(rel) && reachedWithoutLinks(this.root, file);
  }

  /** Discovers and analyses every supported file under the root. Yields to the event loop between files. */
  async scan(options: ScanOptions = {}): Promise<boolean> {
    await initFrontends();
    const found = discoverFiles(this.root, this.isExcluded, (dir, reason) =>
      this.log(`${this.notes.where(dir)}: folder skipped, ${reason}`),
    );
    this.timings.resetParse();
    for (let i = 0; i < found.length; i++) {
      if (options.isCancelled?.()) return false;
      this.analyze(found[i], readSource(found[i]));
      options.onProgress?.(i + 1, found.length);
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    return true;
  }

  /** Re-analyses one file from text (an editor buffer or a file changed on disk). */
  async updateFile(file: string, text: string): Promise<void> {
    await initFrontends();
    this.analyze(file, checkText(text));
  }

  /** Re-reads one file from disk. */
  async reloadFile(file: string): Promise<void> {
    await initFrontends();
    this.analyze(file, readSource(file));
  }

  removeFile(file: string): void {
    this.contextByFile.delete(file);
    this.lineEndings.delete(file);
    const known = this.files.delete(file);
    if (this.notes.forget(file) || known) this.invalidate();
  }

  model(): ProjectModel {
    if (!this.cachedModel) {
      const started = performance.now();
      const fileContexts = new Map<string, { name: string; evidence: boolean }>();
      for (const file of this.files.keys()) {
        const context = this.contextOf(file);
        if (context) fileContexts.set(file, { name: context.name, evidence: context.evidence });
      }
      const build = (files: Map<string, FileFacts>) =>
        buildProjectModel(this.root, files, { queryFunctions: this.currentConfig.queryFunctions, fileContexts });
      this.cachedModel = buildIsolated(this.files, build, (file, error) => {
        this.files.delete(file);
        this.notes.skip(file, { kind: 'failed', reason: `its facts could not be linked into the project: ${error.message}` }, error.stack);
      });
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
      this.trace(message);
    }
  }

  /** Every finding in the workspace, with configured severities and suppressions applied. */
  findings(): Finding[] {
    if (!this.cachedFindings) {
      const model = this.model();
      const all: Finding[] = [];
      const endingOf = (file: string) => this.lineEndings.get(file) ?? '\n';
      this.leftOutCounts = new Map();
      for (const rule of this.rules) {
        const project = this.currentConfig.rules;
        if (!mayReport(rule, project, [...this.contexts.map((c) => c.rules), ...(this.currentConfig.overrides ?? []).map((o) => o.rules)]))
          continue;
        const started = performance.now();
        try {
          for (const finding of rule.check(model)) {
            if (!this.files.has(finding.file) || (this.onlyChecks && !this.onlyChecks.has(finding.check))) continue;
            const relativePath = toPosix(relative(this.root, finding.file));
            const context = this.contextOfPath(relativePath);
            const severity = severityIn([project, context?.rules, ...this.overridesOfPath(relativePath)], finding);
            if (severity === 'off') {
              // Counted for the log when it is the context that left the finding out.
              if (context && severityIn([project], finding) !== 'off' && severityIn([project, context.rules], finding) === 'off')
                this.countLeftOut(context, finding.check);
              continue;
            }
            all.push(withLineEndings(this.fixed(severity === finding.severity ? finding : { ...finding, severity }, model), endingOf));
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

  /** The files whose text could not be analysed (a schema that does not parse), with why and where. */
  unanalysed(): { file: string; problem: ParseProblem }[] {
    return [...this.files].flatMap(([file, facts]) =>
      facts.problems.filter((problem) => problem.stopsAnalysis).map((problem) => ({ file, problem })),
    );
  }

  findingsFor(file: string): Finding[] {
    return this.findings().filter((finding) => finding.file === file);
  }

  /** The finding with its fix plans written; a writer's bug costs that finding its fixes, not the finding. */
  private fixed(finding: Finding, model: ProjectModel): Finding {
    try {
      return withFixes(finding, model);
    } catch (error) {
      this.log(
        `${this.notes.where(finding.file, finding.range.start.line)}: the fixes of ${finding.check} could not be written: ${(error as Error).stack ?? error}`,
      );
      return finding;
    }
  }

  /**
   * Parses one decoded file under a guard. Frontends see `\n` line endings only (tree-sitter and
   * TypeScript count lines by `\n`): a lone `\r` ends a line for the editor, and a line keeps its
   * characters, so every position they report is the one the editor shows.
   */
  private analyze(file: string, decoded: Decoded): void {
    if (!decoded.ok) return this.skip(file, decoded.skip);
    const frontend = frontendFor(file);
    if (!frontend) return;
    const started = performance.now();
    let facts: FileFacts;
    try {
      facts = frontend.analyze(file, normalizeLineEndings(decoded.text));
    } catch (error) {
      // A frontend bug on one file: no stale facts, one line in the log, and the other files go on.
      return this.skip(file, { kind: 'failed', reason: `could not be analysed: ${(error as Error).message}` }, (error as Error).stack);
    }
    this.timings.addParse(frontend.language, performance.now() - started);
    this.files.set(file, facts);
    this.lineEndings.set(file, lineEndingOf(decoded.text));
    this.notes.set(file, notesOf(facts, decoded.warning));
    this.invalidate();
  }

  private skip(file: string, skip: Skip, detail?: string): void {
    this.files.delete(file);
    this.lineEndings.delete(file);
    this.notes.skip(file, skip, detail);
    this.invalidate();
  }

  private invalidate(): void {
    this.cachedModel = undefined;
    this.cachedFindings = undefined;
  }
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
