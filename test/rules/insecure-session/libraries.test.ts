// Quick fixes of insecure-session for koa-session, @fastify/session, @fastify/secure-session, iron-session
// and cookie-session: each is applied, compared with its `.expected` file and re-analysed, and the fix must
// remove its finding without bringing in another.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixFindings, checkFixture } from '../../support/harness';
import type { Finding } from '../../../server/src/model/types';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'insecure-session';
const SAME_SITE = "Set sameSite to 'lax'";

/** Applies the fix and asserts that the rule's findings afterwards are the ones before, less the fixed one. */
async function fixes(dir: string, file: string, line: number, title: string, expected: string): Promise<void> {
  const { before, after, fixed } = await checkFixFindings({ dir, rule: RULE, file, line, title, expected: { [file]: expected } });
  // Lines may move (a fix can add or remove some): findings are compared by file and message.
  const key = (f: Finding) => `${f.file}: ${f.message}`;
  const remaining = before
    .filter((f) => f !== fixed)
    .map(key)
    .sort();
  assert.deepEqual(after.map(key).sort(), remaining, 'the fix brought in a finding');
  // Exactly what the title says: one preferred fix.
  assert.equal(fixed.fixes.filter((x) => x.title === title).length, 1);
}

/** The titles of the fixes offered for each finding of a file, by 1-based line. */
async function titlesByLine(dir: string, file: string): Promise<Map<number, string[]>> {
  const analyzer = await analyzeFixture(dir);
  const byLine = new Map<number, string[]>();
  for (const f of analyzer.findings().filter((x) => x.rule === RULE && x.file === join(dir, file))) {
    byLine.set(f.range.start.line + 1, [...(byLine.get(f.range.start.line + 1) ?? []), ...f.fixes.map((x) => x.title)]);
  }
  return byLine;
}

describe('insecure-session quick fixes: koa-session', () => {
  const dir = join(fixtures, 'koa-fixes');

  it('flags exactly the expected places', async () => {
    await checkFixture(dir, RULE);
  });
  it('reads hard-coded app.keys from the environment, kept a list for Keygrip', () =>
    fixes(dir, 'app.ts', 5, 'Read the keys from process.env.SESSION_KEY', 'app.ts.keys.expected'));
  it('signs the cookie when the app sets keys', () => fixes(dir, 'app.ts', 10, 'Set signed to true', 'app.ts.signed.expected'));
  it('sets httpOnly to true', () => fixes(dir, 'app.ts', 11, 'Set httpOnly to true', 'app.ts.http-only.expected'));
  it('sets secure to true', () => fixes(dir, 'app.ts', 12, 'Set secure to true', 'app.ts.secure.expected'));
  it("adds sameSite: 'lax' to the options (koa-session's cookie options are top-level)", () =>
    fixes(dir, 'app.ts', 8, SAME_SITE, 'app.ts.same-site.expected'));

  it('offers no signing fix without app.keys and no rewrite of a key rotation', async () => {
    const titles = await titlesByLine(dir, 'unkeyed.ts');
    // The only fixes there add the missing sameSite.
    assert.deepEqual(
      [...titles].sort(([a], [b]) => a - b),
      [
        [6, [SAME_SITE]],
        [10, []],
        [11, [SAME_SITE]],
      ],
    );
  });
});

describe('insecure-session quick fixes: @fastify/session', () => {
  const dir = join(fixtures, 'fastify-session-fixes');

  it('flags exactly the expected places', async () => {
    await checkFixture(dir, RULE);
  });
  it('reads a hard-coded secret from the environment', () =>
    fixes(dir, 'session.ts', 9, 'Read the secret from process.env.SESSION_SECRET', 'session.ts.secret.expected'));
  it('adds a missing secret read from the environment', () =>
    fixes(dir, 'missing-secret.ts', 8, 'Read the secret from process.env.SESSION_SECRET', 'missing-secret.ts.expected'));
  it('sets cookie.secure to true', () => fixes(dir, 'session.ts', 12, 'Set cookie.secure to true', 'session.ts.secure.expected'));
  it('sets cookie.httpOnly to true', () => fixes(dir, 'session.ts', 13, 'Set cookie.httpOnly to true', 'session.ts.http-only.expected'));
  it("adds sameSite: 'lax' to the cookie options", () => fixes(dir, 'session.ts', 11, SAME_SITE, 'session.ts.same-site.expected'));

  it('does not rewrite a secret rotation that mixes the environment and a literal', async () => {
    // The one fix on the line adds the missing sameSite.
    assert.deepEqual([...(await titlesByLine(dir, 'rotation.ts'))], [[9, [SAME_SITE]]]);
  });
});

describe('insecure-session quick fixes: @fastify/secure-session', () => {
  const dir = join(fixtures, 'secure-session-fixes');

  it('flags exactly the expected places', async () => {
    await checkFixture(dir, RULE);
  });
  it('reads a hard-coded key from the environment', () =>
    fixes(dir, 'key.ts', 6, 'Read the key from process.env.SESSION_KEY', 'key.ts.key.expected'));
  it('reads a hard-coded secret from the environment', () =>
    fixes(dir, 'secret.ts', 5, 'Read the secret from process.env.SESSION_SECRET', 'secret.ts.secret.expected'));
  it('adds a salt read from the environment', () =>
    fixes(dir, 'secret.ts', 8, 'Read the salt from process.env.SESSION_SALT', 'secret.ts.salt.expected'));
  it('sets cookie.httpOnly to true', () => fixes(dir, 'key.ts', 7, 'Set cookie.httpOnly to true', 'key.ts.http-only.expected'));
  it("adds sameSite: 'lax' to the cookie options", () => fixes(dir, 'key.ts', 7, SAME_SITE, 'key.ts.same-site.expected'));
  it('adds secure to the cookie options, or cookie options with it', async () => {
    await fixes(dir, 'key.ts', 7, 'Set cookie.secure to true', 'key.ts.secure.expected');
    await fixes(dir, 'secret.ts', 10, 'Set cookie.secure to true', 'secret.ts.secure.expected');
    await fixes(dir, 'secret.ts', 5, 'Set cookie.secure to true', 'secret.ts.cookie.expected');
  });
});

describe('insecure-session quick fixes: iron-session', () => {
  const dir = join(fixtures, 'iron-session-fixes');

  it('flags exactly the expected places', async () => {
    await checkFixture(dir, RULE);
  });
  it('reads a hard-coded password from the environment', () =>
    fixes(dir, 'session.ts', 6, 'Read the password from process.env.SESSION_PASSWORD', 'session.ts.password.expected'));
  it('sets cookieOptions.secure to true', () =>
    fixes(dir, 'session.ts', 9, 'Set cookieOptions.secure to true', 'session.ts.secure.expected'));
  it('sets cookieOptions.httpOnly to true', () =>
    fixes(dir, 'session.ts', 10, 'Set cookieOptions.httpOnly to true', 'session.ts.http-only.expected'));
});

describe('insecure-session quick fixes: cookie-session', () => {
  const dir = join(fixtures, 'cookie-session-fixes');
  const MOVE = 'Move the cookie options to the top level';

  it('flags exactly the expected places', async () => {
    await checkFixture(dir, RULE, ['nested.ts']);
  });
  it('moves a multi-line nested cookie object to the top level, keeping the maxAge already set there', () =>
    fixes(dir, 'nested.ts', 7, MOVE, 'nested.ts.multi-line.expected'));
  it('moves a one-line nested cookie object to the top level', () => fixes(dir, 'nested.ts', 14, MOVE, 'nested.ts.one-line.expected'));
  it('reads hard-coded keys from the environment, kept a list', () =>
    fixes(dir, 'nested.ts', 23, 'Read the key from process.env.SESSION_KEY', 'nested.ts.keys.expected'));
  it("adds sameSite: 'lax' at the top level, where cookie-session reads it", () =>
    fixes(dir, 'nested.ts', 23, SAME_SITE, 'nested.ts.same-site.expected'));
  it('leaves a sameSite written in the nested cookie object to the move', async () => {
    const titles = await titlesByLine(dir, 'nested.ts');
    assert.deepEqual(titles.get(14), ['Move the cookie options to the top level']);
  });

  it('offers no move when nothing is left to move or the options are written elsewhere', async () => {
    const titles = await titlesByLine(dir, 'nested.ts');
    assert.deepEqual(titles.get(17), [SAME_SITE]);
    assert.deepEqual(titles.get(20), []);
  });
});
