// The CLI's progress on a terminal: paced updates of the files parsed, each phase shown, the line
// wiped before the results; and nothing at all when stderr is not a terminal.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TerminalProgress } from '../../server/src/cli/progress';
import { runCli } from '../../server/src/cli/run';
import { paced } from '../../server/src/workspace/paced';

const examples = join(__dirname, '..', '..', 'examples', 'express-typeorm');

describe('paced progress', () => {
  it('passes the first and the last step and at most one per interval between them', () => {
    let now = 0;
    const seen: number[] = [];
    const report = paced(
      (done) => seen.push(done),
      100,
      () => now,
    );
    for (let done = 1; done <= 10; done++) {
      report(done, 10);
      now += 30;
    }
    // 1 at 0 ms, 5 at 120 ms, 9 at 240 ms, and 10 because it is the last.
    assert.deepEqual(seen, [1, 5, 9, 10]);
  });
});

describe('terminal progress', () => {
  it('rewrites one line and wipes it', () => {
    let out = '';
    const progress = new TerminalProgress((text) => (out += text));
    progress.report('finding files');
    progress.report('parsing', 3, 40);
    progress.clear();
    progress.clear();
    assert.equal(out, '\r\x1b[Kstackscope: finding files…\r\x1b[Kstackscope: parsing 3/40 files…\r\x1b[K');
  });
});

async function run(stderrIsTerminal: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', examples], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTerminal,
  });
  return { code, stdout, stderr };
}

describe('stackscope check progress', () => {
  it('shows the phases and the files parsed on a terminal, and wipes the line before the results', async () => {
    const { code, stdout, stderr } = await run(true);
    assert.equal(code, 1);
    assert.match(stderr, /^\r\x1b\[Kstackscope: finding files…/);
    const total = stderr.match(/parsing \d+\/(\d+) files/)![1];
    assert.ok(stderr.includes(`parsing ${total}/${total} files…`), stderr);
    assert.ok(stderr.endsWith('stackscope: linking and checking…\r\x1b[K'), JSON.stringify(stderr.slice(-80)));
    assert.doesNotMatch(stdout, /\r|stackscope:/);
  });

  it('is silent when stderr is not a terminal', async () => {
    const { stderr } = await run(false);
    assert.equal(stderr, '');
  });
});
