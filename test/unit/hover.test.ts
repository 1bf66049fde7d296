// Hovers on middleware entries, asked the way the language server asks: a position in a file of an
// analysed project. They name what put the entry where it is: the Fastify context, the Nest stage
// and module, the setup function the app was handed to.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/lsp/hover';
import type { MiddlewareEntry } from '../../server/src/model/types';
import { analyzeFixture } from '../support/harness';

const fixtures = join(__dirname, '..', 'fixtures');

/** The hover's text over the entry `name` of the chain `app`, hovered in the middle of the entry. */
async function hoverOver(dir: string, app: string, name: string): Promise<{ text: string; entry: MiddlewareEntry }> {
  const analyzer = await analyzeFixture(dir);
  const model = analyzer.model();
  const entry = model.middleware
    .filter((c) => c.app === app)
    .flatMap((c) => c.entries)
    .find((e) => e.name === name);
  assert.ok(entry, `${name} in ${app}`);
  const { start, end } = entry.location.range;
  const at = start.line === end.line ? { line: start.line, character: Math.floor((start.character + end.character) / 2) } : start;
  const hover = hoverAt(model, analyzer.findings(), entry.location.file, at);
  assert.ok(hover, `a hover over ${name}`);
  return { text: (hover.contents as { value: string }).value, entry };
}

describe('hover: middleware entries', () => {
  it('names the Fastify context an entry is registered in by the plugin that opens it', async () => {
    const { text } = await hoverOver(join(fixtures, 'fastify'), 'cleanServer', 'GET /account');
    assert.match(text, /In the context opened by `accountRoutes`/);
    // An entry of the app's own context has none.
    const own = await hoverOver(join(fixtures, 'fastify'), 'cleanServer', 'accountRoutes');
    assert.doesNotMatch(own.text, /context opened by/);
  });

  it("names a Nest entry's stage and module", async () => {
    const order = join(fixtures, 'nestjs', 'order');
    assert.match((await hoverOver(order, 'app', 'passport.session')).text, /Module middleware of `AuthModule`/);
    assert.match((await hoverOver(order, 'app', 'session')).text, /Global middleware \(`app\.use`/);
    const guard = (await hoverOver(join(fixtures, 'nestjs', 'clean'), 'app', 'JwtAuthGuard')).text;
    assert.match(guard, /A global guard/);
    assert.doesNotMatch(guard, /Module middleware/);
    assert.match((await hoverOver(order, 'app', 'RolesGuard')).text, /A global guard, provided by `AppModule`\./);
    const bound = (await hoverOver(join(fixtures, 'nestjs', 'controller-guards'), 'app', "AuthGuard('session')")).text;
    assert.match(bound, /A guard bound to `UsersController` with @UseGuards: runs after the global guards\./);
  });

  it('names the setup call that registered an entry in another file', async () => {
    const split = join(__dirname, '..', 'rules', 'middleware-order', 'fixtures', 'express-split');
    const { text } = await hoverOver(split, 'app', 'express.static');
    assert.match(text, /Registered through `configure\(app\)` at src\/clean\/app\.ts:9\./);
    const own = await hoverOver(split, 'app', "set('trust proxy')");
    assert.doesNotMatch(own.text, /Registered through/);
  });
});
