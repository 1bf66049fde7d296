// One unreadable file, one empty exclude pattern, one frontend or fix-writer bug: each costs its own
// file (or finding) one line in the log, never the rest of the analysis.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import { pythonFrontend } from '../../../server/src/frontends/python';
import { buildProjectModel } from '../../../server/src/workspace/project';
import type { FileFacts } from '../../../server/src/model/types';
import { Analyzer } from '../../../server/src/workspace/analyzer';
import { buildIsolated } from '../../../server/src/workspace/model-guard';
import { cli } from '../../support/cli-in-process';
import { tempProject as project } from '../../support/temp-project';

const fs = require('node:fs') as typeof import('node:fs');
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'reliability');
/** A settings module with findings (SECRET_KEY, DEBUG, middleware order, cookies). */
const SETTINGS = readFileSync(join(FIXTURES, 'empty-exclude-pattern', 'settings.py'), 'utf8');

/** Makes `file` unreadable: by its mode, or, for a user who reads anything (root), by failing its read the same way. */
function makeUnreadable(file: string): void {
  chmodSync(file, 0);
  try {
    readFileSync(file);
  } catch {
    return;
  }
  const read = fs.readFileSync;
  mock.method(fs, 'readFileSync', (path: unknown, ...rest: unknown[]) => {
    if (path === file) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    return (read as (...args: unknown[]) => unknown).call(fs, path, ...rest);
  });
}

afterEach(() => mock.restoreAll());

describe('one bad file or setting blanks nothing', () => {
  it('an unreadable file is one line on stderr and a count; the other files keep their findings (CLI)', async () => {
    const root = project({ 'shop/settings.py': SETTINGS, 'shop/locked.py': 'x = 1\n' });
    makeUnreadable(join(root, 'shop', 'locked.py'));
    const { code, stdout, stderr } = await cli('check', root);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /SESSION_COOKIE_SECURE/);
    assert.match(stderr, /^stackscope: shop\/locked\.py: skipped, cannot read: EACCES/m);
    assert.match(stderr, /^stackscope: 1 of 2 files skipped: 1 unreadable$/m);
    assert.doesNotMatch(stderr, /internal error/);
  });

  it('an empty exclude pattern in stackscope.json is a located config error, with no stack trace (CLI)', async () => {
    // The config is the team's: a mistake in it fails the run (exit 2) and says where, instead of crashing
    // in the glob library; the editor's own exclude setting only warns (see the LSP tests).
    const { code, stdout, stderr } = await cli('check', join(FIXTURES, 'empty-exclude-pattern'));
    assert.equal(code, 2, stderr);
    assert.match(stderr, /^stackscope\.json:\d+:\d+: "exclude": an empty pattern matches nothing$/m);
    assert.doesNotMatch(stderr, /\n\s+at /);
    assert.equal(stdout, '');
  });

  it('a frontend that throws on one file skips that file, with its reason, and only it', async () => {
    const root = project({ 'settings.py': SETTINGS, 'broken.py': 'x = 1\n' });
    const analyze = pythonFrontend.analyze.bind(pythonFrontend);
    mock.method(pythonFrontend, 'analyze', (file: string, text: string) => {
      if (file.endsWith('broken.py')) throw new Error('frontend bug');
      return analyze(file, text);
    });
    const logged: string[] = [];
    const analyzer = new Analyzer(root, { log: (line) => logged.push(line) });
    await analyzer.scan();
    assert.deepEqual([...analyzer.skipped.values()], [{ kind: 'failed', reason: 'could not be analysed: frontend bug' }]);
    assert.ok(analyzer.findings().some((f) => f.message.startsWith('SESSION_COOKIE_SECURE')));
    assert.equal(logged.filter((line) => line.startsWith('broken.py: skipped, could not be analysed: frontend bug')).length, 1);
    assert.equal(analyzer.skippedSummary(), '1 of 2 files skipped: 1 failed');
  });

  it('a fix writer that throws costs its finding the fix, not the finding', async () => {
    const root = project({ 'settings.py': SETTINGS });
    // An optional method: mocked through a view of the frontend where it is required.
    mock.method(pythonFrontend as Required<typeof pythonFrontend>, 'writeChange', () => {
      throw new Error('writer bug');
    });
    const logged: string[] = [];
    const analyzer = new Analyzer(root, { log: (line) => logged.push(line) });
    await analyzer.scan();
    assert.ok(analyzer.findings().some((f) => f.message.startsWith('SESSION_COOKIE_SECURE')));
    assert.ok(logged.some((line) => line.includes('could not be written') && line.includes('writer bug')));
  });

  it('a file whose facts break linking is left out, and the model is built from the others', () => {
    const files = new Map<string, FileFacts>();
    for (const name of ['a.py', 'b.py', 'c.py', 'd.py'])
      files.set(name, {
        file: name,
        language: 'python',
        problems: [],
        comments: [],
        models: [],
        signals: [],
        middleware: [],
        sessions: [],
      });
    const left: string[] = [];
    const model = buildIsolated(
      files,
      (kept) => {
        if (kept.has('c.py')) throw new Error('linker bug');
        return buildProjectModel('/p', kept);
      },
      (file, error) => left.push(`${file}: ${error.message}`),
    );
    assert.deepEqual(left, ['c.py: linker bug']);
    assert.deepEqual([...model.files.keys()], ['a.py', 'b.py', 'd.py']);
  });
});
