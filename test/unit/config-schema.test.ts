// The JSON Schema VS Code checks stackscope.json with, against the parser the CLI and the server use:
// a config one accepts the other accepts, a broken one both refuse; the README's example is valid;
// the manifest contributes the schema file that `npm run docs` writes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { CHECKS, RULES } from '../../server/src/rules';
import { parseConfig } from '../../server/src/workspace/config';
import { CONFIG_SCHEMA_PATH, configSchema } from '../../server/src/workspace/config-schema';

const root = join(__dirname, '..', '..');
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(root, CONFIG_SCHEMA_PATH), 'utf8')));

/** The JSON blocks of the README's configuration section that are stackscope.json files. */
function readmeConfigs(): unknown[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => JSON.parse(m[1]))
    .filter((value) => typeof value === 'object' && value !== null && ('rules' in value || 'overrides' in value));
}

const GOOD: unknown[] = [
  {},
  { $schema: './node_modules/stackscope/schemas/stackscope.schema.json' },
  { rules: Object.fromEntries([...RULES.map((rule) => [rule.id, 'warning']), ...CHECKS.map((check) => [check.id, 'off'])]) },
  { exclude: ['legacy/**', 'vendor'], queryFunctions: ['getEntityOrThrow'], baseline: 'stackscope-baseline.json' },
  {
    contexts: { test: { files: ['spec/**'], rules: { 'n-plus-one': 'info' }, evidence: true }, fixtures: { files: ['data/**'] }, seed: {} },
  },
  { overrides: [] },
  {
    overrides: [
      { files: ['legacy/**'] },
      { files: ['a/**', 'b/*.py'], rules: { 'missing-index/foreign-key': 'hint', 'insecure-session': 'error' } },
    ],
  },
];

const BROKEN: [string, unknown][] = [
  ['not an object', []],
  ['an unknown key', { rule: {} }],
  ['an unknown rule', { rules: { 'n-plus-two': 'off' } }],
  ['an unknown check', { rules: { 'n-plus-one/django-forward': 'off' } }],
  ['an unknown severity', { rules: { 'n-plus-one': 'warn' } }],
  ['a severity that is not a string', { rules: { 'n-plus-one': false } }],
  ['rules as a list', { rules: ['n-plus-one'] }],
  ['exclude as a string', { exclude: 'legacy/**' }],
  ['an empty exclude pattern', { exclude: [''] }],
  ['a query function that is not a name', { queryFunctions: [1] }],
  ['an empty baseline path', { baseline: '' }],
  ['a context that is a list', { contexts: { test: [] } }],
  ['an unknown context key', { contexts: { test: { file: [] } } }],
  ['evidence as a string', { contexts: { test: { evidence: 'no' } } }],
  ['a context rule that does not exist', { contexts: { seed: { rules: { nope: 'off' } } } }],
  ['overrides as an object', { overrides: { files: ['a/**'] } }],
  ['an override without files', { overrides: [{ rules: { 'n-plus-one': 'off' } }] }],
  ['an override with no globs', { overrides: [{ files: [], rules: {} }] }],
  ['an override with an empty glob', { overrides: [{ files: [''] }] }],
  ['an unknown override key', { overrides: [{ files: ['a/**'], severity: 'off' }] }],
  ['an override with an unknown severity', { overrides: [{ files: ['a/**'], rules: { 'middleware-order': 'loud' } }] }],
];

describe('the stackscope.json schema', () => {
  it('is the one built from the checks (npm run docs), and VS Code is given it for stackscope.json', () => {
    assert.equal(readFileSync(join(root, CONFIG_SCHEMA_PATH), 'utf8'), `${JSON.stringify(configSchema(), null, 2)}\n`);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'stackscope.json', url: `./${CONFIG_SCHEMA_PATH}` }]);
    assert.ok(existsSync(join(root, CONFIG_SCHEMA_PATH)));
    assert.ok(manifest.files.includes(CONFIG_SCHEMA_PATH), 'the npm package ships the schema');
  });

  it('names every rule and check, so the editor completes them', () => {
    const ids = Object.keys((configSchema().definitions as { ruleSettings: { properties: object } }).ruleSettings.properties);
    assert.deepEqual(ids.sort(), [...RULES.map((rule) => rule.id), ...CHECKS.map((check) => check.id)].sort());
  });

  it("accepts the configs the parser accepts, the README's examples among them", () => {
    const examples = readmeConfigs();
    assert.ok(
      examples.some((example) => 'overrides' in (example as object)),
      'the README shows overrides',
    );
    for (const config of [...GOOD, ...examples]) {
      assert.ok(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(parseConfig(config).problems, [], JSON.stringify(config));
    }
  });

  for (const [what, config] of BROKEN) {
    it(`refuses ${what}, as the parser does`, () => {
      assert.equal(validate(config), false, `the schema accepts ${JSON.stringify(config)}`);
      assert.ok(parseConfig(config).problems.length > 0, `the parser accepts ${JSON.stringify(config)}`);
    });
  }
});
