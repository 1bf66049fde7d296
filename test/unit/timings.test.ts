// The timings line the Output channel prints after a scan: one entry per parsed language with its
// file count, the model, and every rule that ran.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules';
import { Analyzer } from '../../server/src/workspace/analyzer';

describe('analysis timings', () => {
  it('counts the files of each language and names every rule', async () => {
    const analyzer = new Analyzer(join(__dirname, '..', '..', 'examples', 'django-shop'));
    await analyzer.scan();
    analyzer.findings();
    const line = analyzer.timings.describe();
    const python = [...analyzer.files.values()].filter((facts) => facts.language === 'python').length;
    assert.ok(python > 0);
    assert.match(line, new RegExp(`^parse python ${python} files \\d+ ms`));
    assert.match(line, / · model \d+ ms · rules /);
    for (const rule of RULES) assert.match(line, new RegExp(`${rule.id} \\d+ ms`));
  });

  it('starts counting again on a new scan', async () => {
    const analyzer = new Analyzer(join(__dirname, '..', '..', 'examples', 'express-prisma'));
    await analyzer.scan();
    const first = analyzer.timings.describe();
    await analyzer.scan();
    assert.equal(analyzer.timings.describe().match(/typescript (\d+) files/)?.[1], first.match(/typescript (\d+) files/)?.[1]);
  });
});
