// The Middleware explorer: the JSON model's Express chains with the helper call each entry came
// through and each router's own entries under its mount point, and the view's rows built from them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chainRow } from '../../client/src/views/middleware-tree';
import type { JsonChain, JsonMiddlewareEntry } from '../../server/src/protocol/model-json';
import { jsonModelOf, rowLabelled } from '../support/view-rows';

const split = join(__dirname, '..', 'rules', 'middleware-order', 'fixtures', 'express-split');

describe('middleware view: Express routers and setup functions', () => {
  it('serializes the helper call an entry came through and the router a mount point mounts', async () => {
    const json = await jsonModelOf(split);
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
    assert.deepEqual(flagged.chain.find((e) => e.name === 'session')?.via, {
      call: 'setupSession(app)',
      file: 'src/flagged/app.ts',
      line: 12,
    });
    // Entries that are not mount points have no `mounted` key at all.
    assert.ok(!('mounted' in session));
  });

  it('shows the helper call beside an entry and the router entries under its mount point', async () => {
    const json = await jsonModelOf(split);
    const flagged = chainRow(json.middleware.find((c) => c.file === 'src/flagged/app.ts')!);
    const session = rowLabelled(flagged.children, '3. session');
    // The insecure-session finding on the same line follows.
    assert.match(session.description, /^session · via setupSession\(app\) · app\.ts:12 · /);
    assert.ok(session.tooltip.includes('Registered at src/flagged/session.ts:5, through `setupSession(app)` at src/flagged/app.ts:12'));
    assert.deepEqual(session.at, { file: 'src/flagged/session.ts', line: 5, column: 11 });
    const mount = rowLabelled(flagged.children, '5. /api api');
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
    assert.doesNotMatch(rowLabelled(flagged.children, '1. passport.initialize').description, /via/);
  });

  it("keeps the example app's router mount expandable to its routes", async () => {
    const json = await jsonModelOf(join(__dirname, '..', '..', 'examples', 'express-typeorm'));
    const app = chainRow(json.middleware.find((c) => c.file === 'src/app.ts' && c.app === 'app')!);
    const posts = app.children.find((row) => row.label.endsWith('/posts postsRouter'))!;
    assert.ok(posts, app.children.map((r) => r.label).join(', '));
    assert.deepEqual(
      posts.children.map((row) => row.label),
      ['1. GET /', '2. GET /reviewed'],
    );
  });

  it('marks each entry by its most severe finding, and keeps dotted Express names whole', async () => {
    const json = await jsonModelOf(join(__dirname, '..', '..', 'examples'));
    const django = chainRow(json.middleware.find((c) => c.stack === 'django')!);
    // AuthenticationMiddleware before SessionMiddleware is an error; Django's default session age is not reported.
    assert.equal(rowLabelled(django.children, '3. AuthenticationMiddleware').icon, 'error');
    assert.equal(rowLabelled(django.children, '4. SessionMiddleware').icon, 'entry');
    assert.equal(rowLabelled(django.children, '1. SecurityMiddleware').icon, 'entry');
    const express = chainRow(json.middleware.find((c) => c.file === 'express-typeorm/src/app.ts')!);
    assert.equal(rowLabelled(express.children, '5. express.static').icon, 'warning');
    assert.equal(rowLabelled(express.children, '1. express.json').icon, 'entry');
    assert.deepEqual(
      express.children.slice(1, 4).map((row) => row.label),
      ['2. session', '3. passport.initialize', '4. passport.session'],
    );
  });
});

describe('middleware view: routes folded', () => {
  const entry = (name: string, role?: string, worst?: JsonMiddlewareEntry['worst']): JsonMiddlewareEntry => ({
    name,
    ...(role ? { role } : {}),
    file: 'src/app.ts',
    line: 1,
    column: 1,
    findings: worst ? [`${name} is wrong`] : [],
    ...(worst ? { worst } : {}),
  });
  const chain = (entries: JsonMiddlewareEntry[]): JsonChain => ({
    app: 'app',
    stack: 'express',
    file: 'src/app.ts',
    line: 1,
    chain: entries,
  });

  it('folds each run of routes between middleware into one group, in place', () => {
    const row = chainRow(
      chain([
        entry('express.json', 'body-parser'),
        entry('GET /users', 'routes'),
        entry('POST /users', 'routes'),
        entry('GET /users/:id', 'routes'),
        entry('GET /orders', 'routes'),
        entry('(err, req, res, next) => {…}', 'error-handler'),
        entry('GET /late', 'routes'),
      ]),
    );
    assert.deepEqual(
      row.children.map((r) => [r.label, r.icon, r.expanded]),
      [
        ['1. express.json', 'entry', false],
        ['4 routes', 'routes', false],
        ['6. (err, req, res, next) => {…}', 'entry', false],
        // One route alone is not worth a group.
        ['7. GET /late', 'entry', false],
      ],
    );
    const group = rowLabelled(row.children, '4 routes');
    assert.equal(group.description, 'GET /users, POST /users, GET /users/:id, …');
    // The routes keep their place in the chain.
    assert.deepEqual(
      group.children.map((r) => r.label),
      ['2. GET /users', '3. POST /users', '4. GET /users/:id', '5. GET /orders'],
    );
    assert.deepEqual(group.at, group.children[0].at);
  });

  it('marks a group by its worst route', () => {
    const row = chainRow(
      chain([entry('helmet'), entry('GET /a', 'routes'), entry('GET /b', 'routes', 'warning'), entry('GET /c', 'routes', 'info')]),
    );
    assert.equal(rowLabelled(row.children, '3 routes').icon, 'warning');
  });

  it('folds a router, a chain of routes only, as a whole and leaves its routes as they are', async () => {
    const json = await jsonModelOf(join(__dirname, '..', '..', 'examples', 'express-typeorm'));
    const router = chainRow(json.middleware.find((c) => c.app === 'postsRouter')!);
    assert.deepEqual([router.icon, router.expanded, router.description], ['router', false, 'express · 2 routes · src/routes/posts.ts']);
    assert.deepEqual(
      router.children.map((r) => r.label),
      ['1. GET /', '2. GET /reviewed'],
    );
    const app = chainRow(json.middleware.find((c) => c.app === 'app')!);
    assert.equal(app.expanded, true);
  });

  it('folds the routes of a Fastify plugin beside its hook, and a plugin of routes only', async () => {
    const json = await jsonModelOf(join(__dirname, '..', '..', 'examples', 'fastify-app'));
    const app = chainRow(json.middleware.find((c) => c.stack === 'fastify')!);
    const account = rowLabelled(app.children, '6. accountRoutes');
    assert.equal(account.expanded, true);
    assert.deepEqual(
      account.children.map((r) => [r.label, r.expanded]),
      [
        ['1. preHandler: (request, reply) => {…}', false],
        ['2 routes', false],
      ],
    );
    assert.deepEqual(
      rowLabelled(account.children, '2 routes').children.map((r) => r.label),
      ['2. GET /', '3. POST /logout'],
    );
    const open = rowLabelled(app.children, '5. publicRoutes');
    assert.equal(open.expanded, false);
    assert.deepEqual(
      open.children.map((r) => r.label),
      ['1. GET /health', '2. POST /login'],
    );
  });
});
