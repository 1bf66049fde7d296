// Writes what is generated from the checks themselves: each rule's page under docs/rules/, the table of
// checks in the README (between its markers) and the check ids the `stackscope.checks` setting accepts.
// `npm run docs` after changing a check; a test fails while any of them is out of step.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from './generated-docs';

const root = join(__dirname, '..');
for (const [path, text] of generatedDocs(root)) {
  const full = join(root, path);
  let before = '';
  try {
    before = readFileSync(full, 'utf8');
  } catch {
    // A new rule's page.
  }
  if (before !== text) {
    writeFileSync(full, text);
    console.log(`wrote ${path}`);
  }
}
