// The extension's manifest against the engine: every rule has its severity setting, every view the
// client registers is contributed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { enum?: string[] }> }; views: Record<string, { id: string }[]> };
};

describe('package.json', () => {
  it('has a severity setting for every rule', () => {
    for (const rule of RULES) {
      const setting = manifest.contributes.configuration.properties[`stackscope.rules.${rule.id}`];
      assert.ok(setting, `no stackscope.rules.${rule.id} setting`);
      assert.deepEqual(setting.enum, ['default', 'off', 'hint', 'info', 'warning', 'error']);
    }
  });

  it('contributes the three explorer views', () => {
    assert.deepEqual(manifest.contributes.views.stackscope.map((view) => view.id), ['stackscope.models', 'stackscope.signals', 'stackscope.middleware']);
  });
});
