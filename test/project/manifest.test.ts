// The extension's manifest against the engine: every rule has its severity setting, every view the
// client registers is contributed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  activationEvents: string[];
  icon: string;
  galleryBanner: { color: string };
  categories: string[];
  keywords: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  contributes: {
    walkthroughs: { steps: { media: { markdown?: string }; completionEvents: string[] }[] }[];
    commands: { command: string }[];
    configuration: { properties: Record<string, { enum?: string[] }> };
    views: Record<string, { id: string }[]>;
  };
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
    assert.deepEqual(
      manifest.contributes.views.stackscope.map((view) => view.id),
      ['stackscope.models', 'stackscope.signals', 'stackscope.middleware'],
    );
  });

  it('has a walkthrough whose every step has a page and a way to complete it', () => {
    const steps = manifest.contributes.walkthroughs[0].steps;
    assert.ok(steps.length >= 3);
    for (const step of steps) {
      assert.ok(step.media.markdown && existsSync(join(__dirname, '..', '..', step.media.markdown)), `missing ${step.media.markdown}`);
      assert.ok(step.completionEvents.length > 0);
      for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:stackscope.'))) {
        assert.ok(
          manifest.contributes.commands.some((c) => `onCommand:${c.command}` === event),
          `${event} names no command`,
        );
      }
    }
  });

  it('activates on the project markers and declares that it runs no workspace code', () => {
    for (const marker of ['workspaceContains:**/manage.py', 'workspaceContains:**/schema.prisma'])
      assert.ok(manifest.activationEvents.includes(marker), marker);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('is ready for the marketplace: icon, banner, categories and keywords', () => {
    assert.ok(existsSync(join(__dirname, '..', '..', manifest.icon)));
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(manifest.categories.includes('Linters'));
    assert.ok(manifest.keywords.length <= 30, 'the marketplace takes at most 30 keywords');
  });
});
