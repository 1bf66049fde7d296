// Differential test: Django's own `check --deploy` (Debian's python3-django) and Stackscope read the
// same settings files; every session, CSRF, secret and debug check id Django reports must be in
// Stackscope's findings, and Stackscope must report none that Django does not.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Analyzer } from '../../server/src/workspace/analyzer';
import { ensurePackages, PYTHON } from '../support/debian-packages';

const fixtures = join(__dirname, '..', 'fixtures', 'django-deploy-check');
/** The checks this comparison covers: cookies, secret and debug (the rest of --deploy is about headers). */
const COMPARED = new Set(['W009', 'W010', 'W011', 'W012', 'W013', 'W014', 'W015', 'W016', 'W018'].map((id) => `security.${id}`));

/** The check ids `manage.py check --deploy` prints for one settings module. */
function djangoCheckIds(dir: string): Set<string> {
  const result = spawnSync(PYTHON, ['-m', 'django', 'check', '--deploy'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: dir, DJANGO_SETTINGS_MODULE: 'settings', PYTHONDONTWRITEBYTECODE: '1' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  assert.match(output, /System check identified/, `django check did not run in ${dir}:\n${output}`);
  return new Set([...output.matchAll(/^\?: \((\S+)\) /gm)].map((m) => m[1]));
}

async function stackscopeCheckIds(dir: string): Promise<Set<string>> {
  const analyzer = new Analyzer(dir, { onlyRules: ['insecure-session'] });
  await analyzer.scan();
  return new Set(analyzer.findings().flatMap((f) => [...f.message.matchAll(/security\.W\d{3}/g)].map((m) => m[0])));
}

const only = (ids: Set<string>) => [...ids].filter((id) => COMPARED.has(id)).sort();

describe('insecure-session agrees with Django check --deploy', () => {
  before(() => ensurePackages(['python3-django']), { timeout: 300_000 });

  for (const name of readdirSync(fixtures).sort()) {
    it(name, async () => {
      const dir = join(fixtures, name);
      const django = only(djangoCheckIds(dir));
      const stackscope = only(await stackscopeCheckIds(dir));
      assert.deepEqual(stackscope, django);
    });
  }

  it('the fixtures cover every compared check id', () => {
    const seen = new Set(readdirSync(fixtures).flatMap((name) => only(djangoCheckIds(join(fixtures, name)))));
    assert.deepEqual([...seen].sort(), [...COMPARED].sort());
  });
});
