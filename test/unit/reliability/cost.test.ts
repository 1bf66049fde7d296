// Generated constructs (a chain of 100,000 calls, a line of 400,000 `+`, thousands of nested
// brackets or loops) once took minutes. Each is analysed here beside a flagged settings module: the
// run ends, the settings keep their findings, and what was left unread is said in the log. The
// figures (CPU, memory) are in bench/pathological.ts; the fuzz test bounds the time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../../../server/src/workspace/analyzer';
import { PATHOLOGICAL_INPUTS } from '../../support/pathological';
import { tempProject as project } from '../../support/temp-project';

const SETTINGS = readFileSync(join(__dirname, '..', '..', 'fixtures', 'reliability', 'empty-exclude-pattern', 'settings.py'), 'utf8');

const REGRESSION_CASES = new Set(['chain8000.py', 'chain8000.ts', 'parens-100k.py', 'lists-100k.py', 'blocks-deep.py']);

describe("pathological inputs end, keep their neighbours' findings, and say what they skip", () => {
  // The Python and TypeScript inputs that run in seconds; the megabyte-sized ones and the templates are in the bench.
  for (const input of PATHOLOGICAL_INPUTS.filter((candidate) => REGRESSION_CASES.has(candidate.name))) {
    // The timeout only stops a hang: these once ran for minutes.
    it(input.name, { timeout: 120_000 }, async () => {
      const root = project({ [`generated/${input.file}`]: input.text(), 'shop/settings.py': SETTINGS });
      const logged: string[] = [];
      const analyzer = new Analyzer(root, { log: (line) => logged.push(line) });
      await analyzer.scan();
      const findings = analyzer.findings();
      assert.ok(
        findings.some((f) => f.file === join(root, 'shop', 'settings.py') && f.message.startsWith('SESSION_COOKIE_SECURE is False')),
        'the settings lost their findings',
      );
      assert.ok(analyzer.files.has(join(root, 'generated', input.file)), `skipped: ${JSON.stringify([...analyzer.skipped.values()])}`);
      const notes = logged.filter((line) => line.startsWith(`generated/${input.file}:`));
      if (input.degrades) assert.match(notes.join('\n'), /note: .*(nested|deeper)/);
      else assert.deepEqual(notes, []);
    });
  }
});
