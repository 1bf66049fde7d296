import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { serializeModel } from '../../server/src/model/serialize';
import { analyzeFixture, checkFixture, fixTests } from '../support/harness';

const fixtures = join(__dirname, '..', 'fixtures', 'nestjs');

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
    assert.deepEqual(chain.entries.map((e) => e.reads ?? []), [[], ['user'], ['session'], [], [], ['user']]);
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
    assert.deepEqual(json.chain.map((e) => e.stage), ['global', 'global', 'global', 'module', 'module', 'guard', 'guard', 'interceptor', 'pipe', 'filter']);
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
    assert.deepEqual(json.chain.map((e) => e.scope), [undefined, 'UsersController', 'UsersController', 'UsersController.me', 'ProfileController.show', 'ProfileController.token', 'ProfileController.token', 'ProfileController.open']);
  });

  for (const dir of ['order', 'passport', 'no-session', 'clean', 'controller-guards', 'controller-guards-clean']) {
    it(`middleware-order: ${dir}`, async () => {
      await checkFixture(join(fixtures, dir), 'middleware-order');
    });
  }

  describe('quick fixes', () => {
    fixTests(join(fixtures, 'order'), 'middleware-order', [['Move session before sessionUser', 'src/admin/admin.module.ts', 11, 'src/admin/admin.module.ts.expected']]);
  });
});
