// The JSON Schema of stackscope.json, built from the same registry the config parser checks against
// (rule and check ids, severities, the default contexts). `npm run docs` writes it to
// schemas/stackscope.schema.json, which package.json contributes to VS Code through `jsonValidation`;
// a test keeps the file in step and checks that the schema and the parser accept the same configs.
import { RULES } from '../rules';
import { SEVERITIES } from '../rules/rule';
import { DEFAULT_CONTEXTS } from './contexts';

export const CONFIG_SCHEMA_PATH = 'schemas/stackscope.schema.json';

/** The keys of stackscope.json with what they mean: the parser's list of known keys, the schema's descriptions. */
export const CONFIG_KEYS = {
  $schema: 'The JSON Schema of this file (editors use it to complete and check it).',
  rules:
    'Severities by rule id (every check of the rule) or check id (a check\'s own setting wins over its rule\'s): "off", "hint", "info", "warning" or "error".',
  exclude: "Glob patterns, relative to this file's folder, of files and folders not to analyse.",
  queryFunctions:
    'Project functions that run one query each (repository wrappers such as getEntityOrThrow): a call per loop element is an N+1 query.',
  contexts:
    "Changes to the default contexts (test, migration, seed, script) by name, or contexts of the project's own: their files, severities and whether their queries are evidence for missing-index.",
  overrides:
    "Severities for the files that match globs, over the project's and the contexts' settings; a later override wins over an earlier one.",
  baseline:
    "A baseline file (relative to this file's folder): its findings are not reported by the CLI and are shown as hints or not at all in the editor.",
} as const;

export const CONTEXT_KEYS = {
  files: "Glob patterns of the context's files (they replace the default ones).",
  rules: "Severities by rule or check id in these files, over the project's.",
  evidence: 'Whether queries in these files count as evidence for missing-index.',
} as const;

export const OVERRIDE_KEYS = {
  files: "Glob patterns, relative to this file's folder, of the files this override applies to.",
  rules: 'Severities by rule or check id in these files.',
} as const;

/** Every value a severity setting takes. */
export const RULE_SETTINGS: readonly string[] = ['off', ...SEVERITIES];

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

/** The schema, draft-07 (what VS Code's JSON language service reads best). */
export function configSchema(): Record<string, unknown> {
  const ids: Record<string, unknown> = {};
  for (const rule of RULES) {
    ids[rule.id] = { ...ref('severity'), description: `Every check of ${rule.id}: ${rule.summary}` };
    for (const check of rule.checks) ids[check.id] = { ...ref('severity'), description: `${check.summary} Default: ${check.severity}.` };
  }
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  const contexts = Object.fromEntries(
    DEFAULT_CONTEXTS.map((context) => [
      context.name,
      { ...ref('context'), description: `${context.description}; by default ${context.files.join(', ')}` },
    ]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Stackscope project configuration (stackscope.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: CONFIG_KEYS.$schema },
      rules: { ...ref('ruleSettings'), description: CONFIG_KEYS.rules },
      exclude: { ...globs, description: CONFIG_KEYS.exclude },
      queryFunctions: { type: 'array', items: { type: 'string' }, description: CONFIG_KEYS.queryFunctions },
      contexts: { type: 'object', properties: contexts, additionalProperties: ref('context'), description: CONFIG_KEYS.contexts },
      overrides: { type: 'array', items: ref('override'), description: CONFIG_KEYS.overrides },
      baseline: { type: 'string', minLength: 1, description: CONFIG_KEYS.baseline },
    },
    definitions: {
      severity: { enum: RULE_SETTINGS },
      ruleSettings: { type: 'object', properties: ids, additionalProperties: false },
      context: {
        type: 'object',
        additionalProperties: false,
        properties: {
          files: { ...globs, description: CONTEXT_KEYS.files },
          rules: { ...ref('ruleSettings'), description: CONTEXT_KEYS.rules },
          evidence: { type: 'boolean', description: CONTEXT_KEYS.evidence },
        },
      },
      override: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { ...globs, minItems: 1, description: OVERRIDE_KEYS.files },
          rules: { ...ref('ruleSettings'), description: OVERRIDE_KEYS.rules },
        },
      },
    },
  };
}
