// What the explorer view tests share: a project folder's JSON model, as the server serves it to the
// views, and a row found by its label with a message that lists the ones there are.
import assert from 'node:assert/strict';
import type { Row } from '../../client/src/views/row';
import { serializeModel } from '../../server/src/model/serialize';
import type { JsonProjectModel } from '../../server/src/protocol/model-json';
import { analyzeFixture } from './harness';

export async function jsonModelOf(dir: string): Promise<JsonProjectModel> {
  const analyzer = await analyzeFixture(dir);
  return serializeModel(analyzer.model(), analyzer.findings());
}

export function rowLabelled<R extends Row>(rows: readonly R[], label: string): R {
  const row = rows.find((r) => r.label === label);
  assert.ok(row, `${label} among ${rows.map((r) => r.label).join(', ')}`);
  return row;
}
