import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../support/harness';

describe('event signals', () => {
  it('pairs NestJS @OnEvent handlers and EventEmitter listeners with their emit sites, not stream events', async () => {
    const analyzer = await analyzeFixture(join(__dirname, '..', 'fixtures', 'events'));
    const model = analyzer.model();
    assert.deepEqual(
      model.signals
        .filter((s) => s.stack === 'nest')
        .map((s) => [s.signal, s.handler])
        .sort(),
      [
        ['cache.flush', 'flushCache'],
        ['order.created', 'OrderService.sendConfirmation'],
      ],
    );
    assert.deepEqual(
      model.signalSources
        .filter((s) => s.stack === 'nest')
        .map((s) => s.signal)
        .sort(),
      ['cache.flush', 'order.created'],
    );
  });
});
