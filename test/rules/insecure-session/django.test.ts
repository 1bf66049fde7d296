import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isDevelopmentModule } from '../../../server/src/model/django/settings-resolution';
import { isWeakSecret } from '../../../server/src/rules/insecure-session/django-secrets';
import { analyzeFixture, checkFix, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'insecure-session';

describe('insecure-session: Django settings', () => {
  it('flags every insecure setting where the effective assignment is written, through star imports', async () => {
    await checkFixture(join(fixtures, 'django-flagged'), RULE);
  });

  it('stays silent on secure, environment-read, development and look-alike settings; an overridden base value once, at info', async () => {
    await checkFixture(join(fixtures, 'django-clean'), RULE);
  });

  it('checks the module manage.py names, even when another settings module builds on it', async () => {
    await checkFixture(join(fixtures, 'django-named'), RULE);
  });

  it('names the deployable module that makes a base-module assignment effective', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-flagged'));
    const httponly = analyzer.findings().find((f) => f.check === 'insecure-session/cookie-not-httponly' && f.related?.length);
    assert.ok(httponly);
    assert.ok(httponly.file.endsWith(join('settings', 'base.py')));
    assert.match(httponly.related?.[0].message ?? '', /production\.py/);
  });

  it('uses severities that match the risk', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-flagged'));
    const severityOf = (start: string) => analyzer.findings().find((f) => f.rule === RULE && f.message.startsWith(start))?.severity;
    assert.equal(severityOf('SECRET_KEY'), 'error');
    assert.equal(severityOf('SESSION_SERIALIZER'), 'error');
    assert.equal(severityOf('DEBUG'), 'warning');
    assert.equal(severityOf('SESSION_COOKIE_HTTPONLY'), 'warning');
    assert.equal(severityOf('SESSION_ENGINE'), 'info');
  });

  it("follows Django's W009 test for secrets", () => {
    assert.equal(isWeakSecret('x'.repeat(60)), true, 'fewer than 5 unique characters');
    assert.equal(isWeakSecret('short-but-varied'), true);
    assert.equal(isWeakSecret(`django-insecure-${'k5Qx9vLr2pW8tZb4nY7mC1hJ6fD3sG0aE9uR2wT5'}`), true);
    assert.equal(isWeakSecret('k5Qx9vLr2pW8tZb4nY7mC1hJ6fD3sG0aE9uR2wT5yI8oP1lK4jH7'), false);
  });

  it('tells development and test settings modules from deployable ones by their names', () => {
    for (const file of [
      '/p/settings/dev.py',
      '/p/settings/local.py',
      '/p/test_settings.py',
      '/p/settings_test.py',
      '/p/local_settings.py',
      '/p/settings/testing.py',
    ]) {
      assert.equal(isDevelopmentModule(file), true, file);
    }
    for (const file of [
      '/p/settings.py',
      '/p/settings/production.py',
      '/p/settings/base.py',
      '/p/settings/__init__.py',
      '/p/latest.py',
      '/p/devices.py',
    ]) {
      assert.equal(isDevelopmentModule(file), false, file);
    }
  });
});

describe('insecure-session: Django views and cookies', () => {
  it('flags csrf_exempt views that change state and cookies set without Secure or HttpOnly', async () => {
    await checkFixture(join(fixtures, 'django-views-flagged'), RULE);
  });

  it('stays silent on read-only exempt views, protected views, secure cookies and tests', async () => {
    await checkFixture(join(fixtures, 'django-views-clean'), RULE);
  });

  it('adds the missing cookie flags', async () => {
    await checkFix({
      dir: join(fixtures, 'django-views-fixes'),
      rule: RULE,
      file: 'views.py',
      line: 2,
      title: 'Add secure=True, httponly=True',
      expected: { 'views.py': 'views.py.expected' },
    });
  });
});

describe('insecure-session: Django quick fixes', () => {
  const dir = join(fixtures, 'django-fixes');
  fixTests(dir, RULE, [
    ['Set SESSION_COOKIE_SECURE = True', 'settings.py', 18, 'settings.secure.py.expected'],
    ['Read SECRET_KEY from the environment', 'settings.py', 6, 'settings.secret.py.expected'],
    ['Read DEBUG from the environment', 'settings.py', 7, 'settings.debug.py.expected'],
    ['Set CSRF_COOKIE_SECURE = True', 'settings.py', 15, 'settings.csrf.py.expected'],
    ['Set SESSION_COOKIE_SAMESITE = "Lax"', 'settings.py', 19, 'settings.samesite.py.expected'],
    ['Use the JSONSerializer', 'settings.py', 20, 'settings.pickle.py.expected'],
  ]);
});
