import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { serializeModel } from '../../../server/src/model/serialize';
import { analyzeFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'fastify');

const chainOf = async (file: string, app: string) => {
  const analyzer = await analyzeFixture(project);
  const chain = analyzer.model().middleware.find((c) => c.stack === 'fastify' && c.app === app && c.file.endsWith(file));
  assert.ok(chain, `${app} in ${file}`);
  return { analyzer, chain };
};

describe('fastify', () => {
  it('reads plugins, hooks and routes as a tree of encapsulation contexts', async () => {
    const { chain } = await chainOf('contexts-flagged.ts', 'app');
    assert.deepEqual(
      chain.entries.map((e) => [e.context ?? '', e.name, e.role, e.opens ?? '']),
      [
        ['', '@fastify/cookie', 'cookie-parser', ''],
        ['', '(auth) => {…}', 'plugin', 'app › plugin at line 11'],
        ['app › plugin at line 11', '@fastify/session', 'session', ''],
        ['app › plugin at line 11', 'POST /login', 'routes', ''],
        ['', '(account) => {…}', 'plugin', 'app › plugin at line 19'],
        ['app › plugin at line 19', 'preHandler: (request, reply) => {…}', 'hook', ''],
        ['app › plugin at line 19', 'GET /me', 'routes', ''],
      ],
    );
    assert.equal(chain.entries[5].hook, 'preHandler');
    assert.deepEqual(chain.entries[5].reads, ['session']);
  });

  it('a fastify-plugin wrapped plugin shares the registering context; a named function opens one', async () => {
    const { chain } = await chainOf('contexts-clean.ts', 'app');
    const session = chain.entries.find((e) => e.name === '@fastify/session')!;
    assert.equal(session.context, undefined);
    assert.equal(chain.entries.find((e) => e.name === '(shared) => {…}')?.opens, undefined);
    assert.equal(chain.entries.find((e) => e.name === 'GET /admin')?.context, 'app › adminRoutes');
  });

  it('expands plugins imported from other files, with or without fastify-plugin', async () => {
    const { analyzer, chain } = await chainOf('server.ts', 'server');
    assert.deepEqual(
      chain.entries.map((e) => [e.context ?? '', e.name, e.location.file.split('/').pop()]),
      [
        ['', 'authPlugin', 'server.ts'],
        ['server › authPlugin', '@fastify/cookie', 'auth.ts'],
        ['server › authPlugin', '@fastify/session', 'auth.ts'],
        ['', 'routes', 'server.ts'],
        ['server › routes', 'preHandler: (request, reply) => {…}', 'index.ts'],
      ],
    );
    const clean = analyzer.model().middleware.find((c) => c.app === 'cleanServer')!;
    assert.deepEqual(
      clean.entries.map((e) => [e.context ?? '', e.name]),
      [
        ['', 'sessionPlugin'],
        ['', '@fastify/cookie'],
        ['', '@fastify/session'],
        ['', 'accountRoutes'],
        ['cleanServer › accountRoutes', 'GET /account'],
      ],
    );
    // The JSON model carries the tree: additive fields on the entries.
    const json = serializeModel(analyzer.model()).middleware.find((c) => c.app === 'server')!;
    assert.deepEqual(
      json.chain.map((e) => [e.context, e.opens, e.hook]),
      [
        [undefined, 'server › authPlugin', undefined],
        ['server › authPlugin', undefined, undefined],
        ['server › authPlugin', undefined, undefined],
        [undefined, 'server › routes', undefined],
        ['server › routes', undefined, 'preHandler'],
      ],
    );
    assert.equal(json.chain[4].file, 'src/routes/index.ts');
  });

  it("splices in what a helper the app is called with registers, in the caller's context, each entry with its own file", async () => {
    const { analyzer, chain } = await chainOf('helpers/flagged-app.ts', 'flaggedApp');
    assert.deepEqual(
      chain.entries.map((e) => [e.context ?? '', e.name, e.location.file.split('/').pop(), e.via?.call ?? '']),
      [
        ['', '@fastify/session', 'session-setup.ts', 'registerSession(flaggedApp)'],
        ['', '@fastify/cookie', 'flagged-app.ts', ''],
      ],
    );
    const model = analyzer.model();
    const app = (name: string) => model.middleware.find((c) => c.app === name)!;
    // A local helper and an imported one, called in order: both join the root context.
    assert.deepEqual(
      app('cleanApp').entries.map((e) => [e.context ?? '', e.name, e.via?.call]),
      [
        ['', '@fastify/cookie', 'registerCookie(cleanApp)'],
        ['', '@fastify/session', 'registerSession(cleanApp)'],
      ],
    );
    // The same function registered as a plugin opens a context of its own.
    assert.deepEqual(
      app('pluginApp').entries.map((e) => [e.context ?? '', e.name, e.opens ?? '']),
      [
        ['', '@fastify/cookie', ''],
        ['', 'registerSession', 'pluginApp › registerSession'],
        ['pluginApp › registerSession', '@fastify/session', ''],
      ],
    );
    // Called inside a plugin: its entries (and the helper it calls) land in that plugin's context, and the
    // context its own inline plugin opens hangs under it.
    assert.deepEqual(
      app('nestedApp').entries.map((e) => [e.context ?? '', e.name, e.opens ?? '', e.location.file.split('/').pop()]),
      [
        ['', '(api) => {…}', 'nestedApp › /api', 'clean-app.ts'],
        ['nestedApp › /api', '@fastify/cookie', '', 'setup.ts'],
        ['nestedApp › /api', '@fastify/session', '', 'session-setup.ts'],
        ['nestedApp › /api', '(account) => {…}', 'nestedApp › /api › plugin at line 9', 'setup.ts'],
        ['nestedApp › /api › plugin at line 9', 'GET /me', '', 'setup.ts'],
      ],
    );
    const json = serializeModel(model).middleware.find((c) => c.app === 'flaggedApp')!;
    assert.deepEqual(json.chain[0].via, { call: 'registerSession(flaggedApp)', file: 'src/helpers/flagged-app.ts', line: 7 });
  });
});
