// The Middleware explorer: the JSON model's Express chains with the helper call each entry came
// through and each router's own entries under its mount point, and the view's rows built from them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chainRow, type MiddlewareRow } from '../../client/src/views/middleware-tree';
import { serializeModel } from '../../server/src/model/serialize';
import { analyzeFixture } from '../support/harness';

const split = join(__dirname, '..', 'fixtures', 'middleware-order', 'express-split');

async function jsonOf(dir: string) {
  const analyzer = await analyzeFixture(dir);
  return serializeModel(analyzer.model(), analyzer.findings());
}

const find = (rows: readonly MiddlewareRow[], label: string) => {
  const row = rows.find((r) => r.label === label);
  assert.ok(row, `${label} among ${rows.map((r) => r.label).join(', ')}`);
  return row;
};

describe('middleware view: Express routers and setup functions', () => {
  it('serializes the helper call an entry came through and the router a mount point mounts', async () => {
    const json = await jsonOf(split);
    const chain = json.middleware.find((c) => c.file === 'src/clean/app.ts' && c.app === 'app')!;
    const session = chain.chain.find((e) => e.name === 'session')!;
    assert.equal(session.file, 'src/clean/setup/session.ts');
    assert.deepEqual(session.via, { call: 'configure(app)', file: 'src/clean/app.ts', line: 9 });
    // The app's own registrations came through no helper.
    assert.equal(chain.chain.find((e) => e.name === "set('trust proxy')")?.via, undefined);
    const mount = chain.chain.find((e) => e.name === '/users usersRouter')!;
    assert.equal(mount.via, undefined);
    assert.deepEqual(
      mount.mounted?.map((e) => [e.name, e.file, e.line]),
      [
        ['express.json', 'src/clean/routes/users.ts', 4],
        ['GET /', 'src/clean/routes/users.ts', 5],
      ],
    );
    // A router's entry that breaks a rule carries its finding in the mount point's list too.
    const flagged = json.middleware.find((c) => c.file === 'src/flagged/app.ts')!;
    const api = flagged.chain.find((e) => e.name === '/api api')!;
    assert.equal(api.mounted?.length, 3);
    assert.match(api.mounted![1].findings[0], /error handler is registered before GET \/health/);
    assert.deepEqual(flagged.chain.find((e) => e.name === 'session')?.via, { call: 'setupSession(app)', file: 'src/flagged/app.ts', line: 12 });
    // Entries that are not mount points have no `mounted` key at all.
    assert.ok(!('mounted' in session));
  });

  it('shows the helper call beside an entry and the router entries under its mount point', async () => {
    const json = await jsonOf(split);
    const flagged = chainRow(json.middleware.find((c) => c.file === 'src/flagged/app.ts')!);
    const session = find(flagged.children, '3. session');
    // The insecure-session finding on the same line follows.
    assert.match(session.description, /^session · via setupSession\(app\) · app\.ts:12 · /);
    assert.ok(session.tooltip.includes('Registered at src/flagged/session.ts:5, through `setupSession(app)` at src/flagged/app.ts:12'));
    assert.deepEqual(session.at, { file: 'src/flagged/session.ts', line: 5, column: 11 });
    const mount = find(flagged.children, '5. /api api');
    assert.equal(mount.icon, 'router');
    assert.equal(mount.expanded, false);
    assert.deepEqual(
      mount.children.map((row) => [row.label, row.icon, row.at?.file, row.at?.line]),
      [
        ['1. POST /orders', 'entry', 'src/flagged/routes/api.ts', 4],
        ['2. (err, _req, res, _next) => {…}', 'error', 'src/flagged/routes/api.ts', 5],
        ['3. GET /health', 'entry', 'src/flagged/routes/api.ts', 6],
      ],
    );
    // An entry the app registers itself says nothing about a helper.
    assert.doesNotMatch(find(flagged.children, '1. passport.initialize').description, /via/);
  });

  it('keeps the example app\'s router mount expandable to its routes', async () => {
    const json = await jsonOf(join(__dirname, '..', '..', 'examples', 'express-typeorm'));
    const app = chainRow(json.middleware.find((c) => c.file === 'src/app.ts' && c.app === 'app')!);
    const posts = app.children.find((row) => row.label.endsWith('/posts postsRouter'))!;
    assert.ok(posts, app.children.map((r) => r.label).join(', '));
    assert.deepEqual(posts.children.map((row) => row.label), ['1. GET /', '2. GET /reviewed']);
  });

  it('marks each entry by its most severe finding, and keeps dotted Express names whole', async () => {
    const json = await jsonOf(join(__dirname, '..', '..', 'examples'));
    const django = chainRow(json.middleware.find((c) => c.stack === 'django')!);
    // AuthenticationMiddleware before SessionMiddleware is an error; the session's idle timeout only a note.
    assert.equal(find(django.children, '3. AuthenticationMiddleware').icon, 'error');
    assert.equal(find(django.children, '4. SessionMiddleware').icon, 'info');
    assert.equal(find(django.children, '1. SecurityMiddleware').icon, 'entry');
    const express = chainRow(json.middleware.find((c) => c.file === 'express-typeorm/src/app.ts')!);
    assert.equal(find(express.children, '5. express.static').icon, 'warning');
    assert.equal(find(express.children, '1. express.json').icon, 'entry');
    assert.deepEqual(express.children.slice(1, 4).map((row) => row.label), ['2. session', '3. passport.initialize', '4. passport.session']);
  });
});
