// One policy for symbolic links, in the CLI's scan and in the language server alike: a file reached
// through a link is not analysed, so nothing outside the workspace is read, reported or edited.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../../../server/src/workspace/analyzer';
import { inProcessServer, uri } from '../../support/lsp-editor';
import { cli } from '../../support/cli-in-process';

const SETTINGS = readFileSync(join(__dirname, '..', '..', 'fixtures', 'reliability', 'empty-exclude-pattern', 'settings.py'), 'utf8');

/** A workspace whose `shop/settings.py` and `vendor/` link out of it, and whose `app/settings.py` is its own. */
function linkedWorkspace(): { workspace: string; link: string; own: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'stackscope-links-'));
  const outside = join(base, 'outside');
  const workspace = join(base, 'workspace');
  mkdirSync(join(outside, 'lib'), { recursive: true });
  mkdirSync(join(workspace, 'shop'), { recursive: true });
  mkdirSync(join(workspace, 'app'), { recursive: true });
  writeFileSync(join(outside, 'settings.py'), SETTINGS);
  writeFileSync(join(outside, 'lib', 'settings.py'), SETTINGS);
  writeFileSync(join(workspace, 'app', 'settings.py'), SETTINGS);
  symlinkSync(join(outside, 'settings.py'), join(workspace, 'shop', 'settings.py'));
  symlinkSync(join(outside, 'lib'), join(workspace, 'vendor'));
  return { workspace, link: join(workspace, 'shop', 'settings.py'), own: join(workspace, 'app', 'settings.py'), outside };
}

describe('symbolic links out of the workspace are not followed', () => {
  it('by the scan (the CLI)', async () => {
    const { workspace } = linkedWorkspace();
    const { stdout } = await cli('check', workspace, '--format', 'json');
    const files = new Set((JSON.parse(stdout).findings as { file: string }[]).map((finding) => finding.file));
    assert.deepEqual([...files], ['app/settings.py']);
  });

  it('by the analyzer, whoever asks it about a path', () => {
    const { workspace, link, own } = linkedWorkspace();
    const analyzer = new Analyzer(workspace);
    assert.equal(analyzer.includes(own), true);
    assert.equal(analyzer.includes(link), false);
    assert.equal(analyzer.includes(join(workspace, 'vendor', 'settings.py')), false);
    assert.equal(analyzer.includes(join(workspace, 'app', 'new.py')), true, 'a file not saved yet');
  });

  it('by the language server: not on an open editor, not on a file-change event, and no fix edits the outside file', async () => {
    const { workspace, link, own, outside } = linkedWorkspace();
    const editor = inProcessServer();
    try {
      await editor.initialize(workspace);
      await editor.diagnosticsOf(own, (d) => d.length > 0, 'the workspace findings');
      editor.open(link, SETTINGS);
      await editor.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri(join(workspace, 'vendor', 'settings.py')), type: 1 }],
      });
      // A later edit of the workspace's own file: once it is published, the link's turn has passed.
      editor.open(own, `${SETTINGS}SESSION_COOKIE_HTTPONLY = False\n`);
      await editor.diagnosticsOf(own, (d) => d.some((x) => x.message.startsWith('SESSION_COOKIE_HTTPONLY')), 'the edit of the own file');
      assert.deepEqual(editor.diagnostics.get(uri(link)) ?? [], []);
      assert.deepEqual(editor.diagnostics.get(uri(join(workspace, 'vendor', 'settings.py'))) ?? [], []);
      const actions = await editor.codeActions(link, { range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
      assert.deepEqual(actions, []);
      for (const [file] of editor.diagnostics) assert.ok(!file.startsWith(uri(outside)), `published on ${file}`);
    } finally {
      await editor.dispose();
    }
  });
});
