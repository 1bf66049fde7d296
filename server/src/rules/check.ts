// A check: the unit a user switches off, a suppression comment names and SARIF lists. Each check owns
// its id, default severity, message templates and documentation; rules group checks and run them.
import type { Severity, Stack } from '../model/types';

export type RuleId = 'n-plus-one' | 'missing-index' | 'insecure-session' | 'middleware-order';

/** The four sections every check documents, as Markdown. */
export interface CheckDocs {
  /** What it finds: the shapes of code it reports, and the look-alikes it stays silent on. */
  what: string;
  /** Why it matters: what goes wrong at run time. */
  why: string;
  /** Code it reports (a fenced block). */
  example: string;
  /** What to write instead (a fenced block, or a sentence). */
  instead: string;
}

export interface CheckSpec<M extends string> {
  rule: RuleId;
  /** Unique within the rule, kebab-case: `hard-coded-secret`. */
  name: string;
  severity: Severity;
  /** One line, for rule lists and SARIF's shortDescription. */
  summary: string;
  /** The stacks it applies to, for docs and SARIF tags. */
  stacks: readonly Stack[];
  /**
   * Message templates by id. `{{key}}` is replaced by the value a report gives for `key`; a template
   * with no placeholder is used as it is. Fix titles live here too, so every sentence a user reads
   * about this check is in one place.
   */
  messages: Record<M, string>;
  docs: CheckDocs;
  /**
   * What a hover over the finding says first, in Markdown: the cost or the risk in a reader's words.
   * `{{place}}` is the first related place (`views.py:8`), when the finding has one.
   */
  hover?: string;
}

export interface Check<M extends string = string> extends CheckSpec<M> {
  /** `rule/name`: what settings, suppression comments, SARIF and the JSON output call it. */
  id: string;
  /** Renders one of the check's templates. */
  text(message: M, data?: TemplateData): string;
}

export type TemplateData = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function defineCheck<M extends string>(spec: CheckSpec<M>): Check<M> {
  const id = `${spec.rule}/${spec.name}`;
  return {
    ...spec,
    id,
    text(message, data = {}) {
      const template = spec.messages[message];
      if (template === undefined) throw new Error(`${id}: no message "${message}"`);
      return template.replace(PLACEHOLDER, (_, key: string) => {
        const value = data[key];
        // A missing value is a bug in the check: fail where a test sees it, never print "undefined".
        if (value === undefined) throw new Error(`${id}: message "${message}" needs "${key}"`);
        return String(value);
      });
    },
  };
}

/** The placeholders a template uses, for tests that check every report fills them. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** A check's documentation as one Markdown page: what `stackscope rule ID` prints and SARIF's help. */
export function checkMarkdown(check: Check): string {
  const { what, why, example, instead } = check.docs;
  return [
    `# ${check.id}`,
    '',
    `${check.summary} Default severity: ${check.severity}. Stacks: ${check.stacks.join(', ')}.`,
    '',
    '## What it finds',
    '',
    what.trim(),
    '',
    '## Why it matters',
    '',
    why.trim(),
    '',
    '## Example',
    '',
    example.trim(),
    '',
    '## Instead',
    '',
    instead.trim(),
    '',
  ].join('\n');
}
