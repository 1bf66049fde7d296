import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/model/types';
import { analyzeFixture, applyEdits, checkFix, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'middleware-order';

describe('middleware-order: Django MIDDLEWARE', () => {
  it('flags each entry that comes before a middleware it depends on', async () => {
    await checkFixture(join(fixtures, 'django-flagged'), RULE);
  });

  it('stays silent on the documented order, cookie storages, project classes and other lists', async () => {
    await checkFixture(join(fixtures, 'django-clean'), RULE);
  });

  it('quotes the error Django raises at request time and points at the entry it needs', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-flagged'));
    const auth = analyzer
      .findings()
      .find((f) => f.rule === RULE && f.message.startsWith('AuthenticationMiddleware comes before SessionMiddleware'));
    assert.ok(auth);
    assert.equal(auth.severity, 'error');
    assert.match(auth.message, /ImproperlyConfigured: "The Django authentication middleware requires session middleware to be installed/);
    assert.equal(auth.related?.[0].location.range.start.line, 4);
    const cache = analyzer.findings().find((f) => f.rule === RULE && f.message.startsWith('GZipMiddleware'));
    assert.equal(cache?.severity, 'warning');
  });

  it('moves SessionMiddleware above AuthenticationMiddleware, keeping the quotes as written', async () => {
    await checkFix({
      dir: join(fixtures, 'django-fixes'),
      rule: RULE,
      file: 'plain.py',
      line: 3,
      title: 'Move SessionMiddleware above AuthenticationMiddleware',
      expected: { 'plain.py': 'plain.py.expected' },
    });
  });

  it('offers no move where a whole line would carry a comment or another entry along', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-fixes'));
    const inSettings = analyzer.findings().filter((f) => f.rule === RULE && f.file.endsWith('settings.py'));
    assert.equal(inSettings.length, 2, 'Authentication and Message before Session');
    assert.deepEqual(
      inSettings.flatMap((f) => f.fixes),
      [],
    );
  });
});

describe('middleware-order: Django required middleware and placement', () => {
  it('flags missing Security/CSRF/X-Frame-Options middleware and what the admin needs, SecurityMiddleware placed late and fallbacks placed early', async () => {
    await checkFixture(join(fixtures, 'django-missing'), RULE);
  });

  it('stays silent on complete lists, subclasses, development settings and fragments', async () => {
    await checkFixture(join(fixtures, 'django-missing-clean'), RULE);
  });

  it('gives the missing entries Django check ids and severities', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-missing'));
    const severityOf = (id: string) => analyzer.findings().find((f) => f.message.includes(id))?.severity;
    assert.equal(severityOf('security.W001'), 'warning');
    assert.equal(severityOf('admin.E409'), 'error');
  });

  const dir = join(fixtures, 'django-missing-fixes');
  fixTests(dir, RULE, [
    ['Add SecurityMiddleware to MIDDLEWARE', 'settings.py', 2, 'settings.security.py.expected'],
    ['Add CsrfViewMiddleware to MIDDLEWARE and set CSRF_COOKIE_SECURE = True', 'settings.py', 2, 'settings.csrf.py.expected'],
    ['Add XFrameOptionsMiddleware to MIDDLEWARE', 'settings.py', 2, 'settings.xframe.py.expected'],
    ['Add XFrameOptionsMiddleware to MIDDLEWARE', 'inline.py', 2, 'inline.py.expected'],
    ['Add CsrfViewMiddleware to MIDDLEWARE and set CSRF_COOKIE_SECURE = True', 'secure_off.py', 2, 'secure_off.py.expected'],
    ['Add CsrfViewMiddleware to MIDDLEWARE', 'in_session.py', 2, 'in_session.py.expected'],
  ]);

  // Adding CsrfViewMiddleware or SessionMiddleware makes Django send a cookie that check --deploy wants Secure.
  const cases: [file: string, middleware: string][] = [
    ['settings.py', 'CsrfViewMiddleware'],
    ['secure_off.py', 'CsrfViewMiddleware'],
    ['in_session.py', 'CsrfViewMiddleware'],
    ['admin_site.py', 'SessionMiddleware'],
  ];
  for (const [file, middleware] of cases) {
    it(`adding ${middleware} in ${file} leaves no new finding of any rule`, async () => {
      const analyzer = await analyzeFixture(dir);
      const key = (f: Finding) => `${f.check} ${relative(dir, f.file)}:${f.range.start.line + 1} ${f.message}`;
      const before = new Set(analyzer.findings().map(key));
      const finding = analyzer
        .findings()
        .find((f) => f.file === join(dir, file) && f.message.startsWith(`MIDDLEWARE has no ${middleware}`));
      assert.ok(finding?.fixes[0], `no fix to add ${middleware} in ${file}`);
      const text = applyEdits(
        readFileSync(join(dir, file), 'utf8'),
        finding.fixes[0].edits.filter((edit) => edit.file === join(dir, file)),
      );
      await analyzer.updateFile(join(dir, file), text);
      assert.deepEqual(
        analyzer
          .findings()
          .map(key)
          .filter((k) => !before.has(k)),
        [],
      );
    });
  }
});
