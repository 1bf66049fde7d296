import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { onlyBelow } from '../../../server/src/model/dependencies';
import { analyzeFixture, checkFixture } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'insecure-session';

describe('insecure-session: session fixation with Passport', () => {
  it('flags logins that keep the session ID when package.json pins passport below 0.6', async () => {
    await checkFixture(join(fixtures, 'fixation-flagged'), RULE);
  });

  it('stays silent with passport 0.6 or later, a range that allows it, a regenerated session or no session', async () => {
    await checkFixture(join(fixtures, 'fixation-clean'), RULE);
  });

  it('reports one finding per package.json, at its first login, with the handler, the pin and the other logins as related places', async () => {
    const dir = join(fixtures, 'fixation-flagged');
    const analyzer = await analyzeFixture(dir);
    const findings = analyzer.findings().filter((f) => f.rule === RULE);
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0].related?.map((r) => [r.location.file.slice(dir.length + 1), r.location.range.start.line + 1, r.message]),
      [
        ['packages/legacy/src/login.js', 5, 'the login handler'],
        ['package.json', 1, 'passport ^0.5.3 is declared here'],
        ['src/controllers/auth.ts', 5, 'req.login() also logs the user in here'],
        ['src/nest/auth.controller.ts', 9, 'incoming.logIn() also logs the user in here'],
        ['src/nest/local-auth.guard.ts', 9, 'super.logIn() also logs the user in here'],
        ['src/routes.ts', 8, "passport.authenticate('local') also logs the user in here"],
        ['src/routes.ts', 13, 'req.logIn() also logs the user in here'],
        ['src/routes.ts', 19, "passport.authenticate('local') also logs the user in here"],
      ],
    );
    assert.ok(findings[0].message.length <= 400);
  });

  it('follows package.json edits: upgrading passport silences the findings', async () => {
    const dir = join(fixtures, 'fixation-flagged');
    const analyzer = await analyzeFixture(dir);
    const count = () => analyzer.findings().filter((f) => f.rule === RULE && f.message.startsWith('Session fixation')).length;
    assert.equal(count(), 1);
    await analyzer.updateFile(join(dir, 'package.json'), JSON.stringify({ dependencies: { passport: '^0.6.0' } }));
    assert.equal(count(), 0);
    // A half-typed manifest says nothing about the version.
    await analyzer.updateFile(join(dir, 'package.json'), '{ "dependencies": { "passport": "^0.5');
    assert.equal(count(), 0);
  });
});

describe('npm ranges that only allow versions below 0.6.0', () => {
  const below = (range: string) => onlyBelow(range, '0.6.0');

  it('reads exact versions, carets, tildes, x-ranges, upper bounds and hyphen ranges', () => {
    for (const range of [
      '0.5.3',
      'v0.4.1',
      '=0.5.0',
      '^0.5.3',
      '^0.4',
      '~0.5.3',
      '~0.4',
      '0.5.x',
      '0.5',
      '0.5.*',
      '<0.6.0',
      '<0.6',
      '<=0.5.9',
      '>=0.4.0 <0.6.0',
      '0.4.0 - 0.5.3',
      '^0.4.0 || ^0.5.0',
      '^0.0.3',
    ]) {
      assert.equal(below(range), true, range);
    }
  });

  it('does not claim a range that may install 0.6 or later, or one it cannot read', () => {
    for (const range of [
      '0.6.0',
      '^0.6.0',
      '~0.7.0',
      '^0',
      '0.x',
      '~0',
      '>=0.4.0',
      '<=0.6.0',
      '<0.7',
      '0.4.0 - 0.6',
      '^0.5.0 || ^0.6.0',
      '*',
      '',
      'latest',
      'github:jaredhanson/passport',
      'workspace:*',
      '^1.0.0',
      '0.6.0-beta.1',
    ]) {
      assert.equal(below(range), false, range);
    }
  });
});
