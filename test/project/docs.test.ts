// What is generated from the checks (each rule's docs page, the README's table of checks, the check ids
// the stackscope.checks setting accepts) must be in step with the code: `npm run docs` rewrites them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatedDocs } from '../../scripts/generated-docs';
import { CHECKS } from '../../server/src/rules';

const root = join(__dirname, '..', '..');

describe('generated docs', () => {
  for (const [path, text] of generatedDocs(root)) {
    it(`${path} is in step with the checks (npm run docs)`, () => {
      assert.equal(readFileSync(join(root, path), 'utf8'), text);
    });
  }

  it('lists every check in the README, with a link to its documentation', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const check of CHECKS) assert.match(readme, new RegExp(`\\[\`${check.id}\`\\]\\(docs/rules/${check.rule}\\.md#`));
  });
});
