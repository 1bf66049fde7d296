import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chainRow } from '../../../client/src/views/middleware-tree';
import { serializeModel } from '../../../server/src/model/serialize';
import { analyzeFixture } from '../../support/harness';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'nestjs');

const appChain = async (dir: string, app = 'app') => {
  const analyzer = await analyzeFixture(join(fixtures, dir));
  const chain = analyzer.model().middleware.find((c) => c.stack === 'nest' && c.app === app);
  assert.ok(chain, `${app} in ${dir}`);
  return { analyzer, chain };
};

describe('nestjs', () => {
  it('assembles the pipeline across files: app.use, module middleware root module first, then APP_GUARD providers', async () => {
    const { chain } = await appChain('order');
    assert.deepEqual(
      chain.entries.map((e) => [e.stage, e.name, e.module ?? '', e.location.file.split('/').pop()]),
      [
        ['global', 'session', '', 'main.ts'],
        ['module', 'CurrentUserMiddleware', 'AppModule', 'app.module.ts'],
        ['module', 'auditTrail', 'UsersModule', 'users.module.ts'],
        ['module', 'passport.initialize', 'AuthModule', 'auth.module.ts'],
        ['module', 'passport.session', 'AuthModule', 'auth.module.ts'],
        ['guard', 'RolesGuard', 'AppModule', 'app.module.ts'],
      ],
    );
    // What the classes and functions of other files read from the request.
    assert.deepEqual(
      chain.entries.map((e) => e.reads ?? []),
      [[], ['user'], ['session'], [], [], ['user']],
    );
  });

  it('groups guards, interceptors, pipes and filters after the middleware, useGlobal* before APP_* providers', async () => {
    const { analyzer, chain } = await appChain('clean');
    assert.deepEqual(
      chain.entries.map((e) => [e.stage, e.name]),
      [
        ['global', 'session'],
        ['global', 'passport.initialize'],
        ['global', 'passport.session'],
        ['module', '(req, res, next) => {…}'],
        ['module', 'SessionTouchMiddleware'],
        ['guard', 'JwtAuthGuard'],
        ['guard', 'RolesGuard'],
        ['interceptor', 'LoggingInterceptor'],
        ['pipe', 'ValidationPipe'],
        ['filter', 'HttpErrorFilter'],
      ],
    );
    const json = serializeModel(analyzer.model()).middleware.find((c) => c.stack === 'nest')!;
    assert.deepEqual(
      json.chain.map((e) => e.stage),
      ['global', 'global', 'global', 'module', 'module', 'guard', 'guard', 'interceptor', 'pipe', 'filter'],
    );
    assert.equal(json.chain[6].module, 'AuthModule');
    assert.deepEqual(json.chain[6].reads, ['user']);
  });

  it('lists the guards @UseGuards binds to controllers and handlers after the global ones, each with its scope', async () => {
    const { analyzer, chain } = await appChain('controller-guards');
    assert.deepEqual(
      chain.entries.map((e) => [e.stage, e.name, e.scope ?? '', e.reads ?? []]),
      [
        ['guard', 'ThrottleGuard', '', []],
        ['guard', "AuthGuard('session')", 'UsersController', ['session']],
        ['guard', 'RolesGuard', 'UsersController', ['user']],
        ['guard', 'LoggedInGuard', 'UsersController.me', ['user']],
        ['guard', 'LoggedInGuard', 'ProfileController.show', ['user']],
        ['guard', "AuthGuard('jwt')", 'ProfileController.token', []],
        ['guard', 'LoggedInGuard', 'ProfileController.token', ['user']],
        ['guard', 'ThrottleGuard', 'ProfileController.open', []],
      ],
    );
    // A controller no module lists is not part of the app.
    assert.ok(!chain.entries.some((e) => e.location.file.endsWith('orphan.controller.ts')));
    const json = serializeModel(analyzer.model()).middleware.find((c) => c.stack === 'nest')!;
    assert.deepEqual(
      json.chain.map((e) => e.scope),
      [
        undefined,
        'UsersController',
        'UsersController',
        'UsersController.me',
        'ProfileController.show',
        'ProfileController.token',
        'ProfileController.token',
        'ProfileController.open',
      ],
    );
  });

  it('lists what @UseInterceptors, @UsePipes and @UseFilters bind, filters handler first, and the routes of module middleware', async () => {
    const { analyzer, chain } = await appChain('bound');
    assert.deepEqual(
      chain.entries.map((e) => [e.stage, e.name, e.scope ?? '', e.routes ?? '']),
      [
        ['global', 'session', '', ''],
        ['module', 'CurrentUserMiddleware', '', 'UsersController'],
        ['module', 'AuditMiddleware', '', 'GET users except POST users/login'],
        ['module', 'passport.initialize', '', 'AuthController'],
        ['module', 'passport.session', '', 'AuthController'],
        ['interceptor', 'LoggingInterceptor', 'UsersController', ''],
        ['pipe', 'ValidationPipe', 'UsersController.create', ''],
        // Exception filters run the other way: the handler's, the controller's, then the global ones.
        ['filter', 'MeFilter', 'UsersController.me', ''],
        ['filter', 'UsersFilter', 'UsersController', ''],
        ['filter', 'AllExceptionsFilter', '', ''],
      ],
    );
    const json = serializeModel(analyzer.model(), analyzer.findings()).middleware.find((c) => c.stack === 'nest')!;
    assert.deepEqual(
      json.chain.map((e) => e.routes),
      [
        undefined,
        'UsersController',
        'GET users except POST users/login',
        'AuthController',
        'AuthController',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ],
    );
    // The view shows each entry under its stage, with its scope or its routes.
    const stages = chainRow(json).children;
    assert.deepEqual(
      stages.map((row) => row.label),
      ['Global middleware (app.use)', 'Module middleware (consumer.apply)', 'Interceptors', 'Pipes', 'Exception filters'],
    );
    assert.match(stages[1].children[0].description, /for UsersController/);
    assert.match(stages[2].children[0].description, /UsersController/);
    assert.match(stages[4].children[0].description, /UsersController\.me/);
  });

  it("reads a Fastify-adapter app's register calls as its global middleware, helpers of other files included, in written order", async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'fastify'));
    const chains = analyzer.model().middleware;
    // One chain per app: the Fastify side joins the NestJS one.
    assert.deepEqual(chains.map((c) => [c.stack, c.file.split('/').slice(-2).join('/')]).sort(), [
      ['nest', 'admin/main.ts'],
      ['nest', 'clean/main.ts'],
      ['nest', 'src/main.ts'],
    ]);
    const clean = chains.find((c) => c.file.endsWith('clean/main.ts'))!;
    assert.equal(clean.nestAdapter, 'fastify');
    assert.deepEqual(
      clean.entries.map((e) => [e.stage, e.name, e.location.file.split('/').pop(), e.via?.call ?? '']),
      [
        ['global', 'helmet', 'main.ts', ''],
        ['global', '@fastify/cookie', 'main.ts', ''],
        ['global', '@fastify/session', 'session.ts', 'setupSession(app)'],
      ],
    );
    // Their session options are read, where they are written.
    assert.deepEqual(
      analyzer
        .model()
        .sessions.map((s) => [s.library, s.file.split('/').slice(-2).join('/')])
        .sort(),
      [
        ['@fastify/secure-session', 'src/main.ts'],
        ['@fastify/session', 'admin/main.ts'],
        ['@fastify/session', 'clean/session.ts'],
      ],
    );
  });
});
