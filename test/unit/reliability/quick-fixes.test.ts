// The two quick fixes users met breaking or adding: applied as the editor applies them, the edited
// file still parses, the finding is gone, and no finding appears anywhere that was not there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/model/types';
import { analyzeFixture, applyEdits } from '../../support/harness';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

const key = (finding: Finding) => `${finding.check}|${finding.file}|${finding.message}`;

/** Applies the fix titled `title` (of a finding in `file`), re-analyses, and returns what changed. */
async function roundTrip(dir: string, file: string, title: string) {
  const analyzer = await analyzeFixture(dir);
  const before = analyzer.findings();
  const finding = before.find((f) => f.file === join(dir, file) && f.fixes.some((fix) => fix.title.startsWith(title)));
  assert.ok(finding, `no finding in ${file} with a fix "${title}"`);
  const fix = finding.fixes.find((candidate) => candidate.title.startsWith(title))!;
  const edited = new Map<string, string>();
  for (const edit of fix.edits)
    edited.set(
      edit.file,
      applyEdits(
        readFileSync(edit.file, 'utf8'),
        fix.edits.filter((e) => e.file === edit.file),
      ),
    );
  for (const [path, text] of edited) await analyzer.updateFile(path, text);
  const after = analyzer.findings();
  const had = new Set(before.map(key));
  return {
    fix,
    edited,
    problems: [...edited.keys()].flatMap((path) => analyzer.files.get(path)?.problems ?? [{ message: 'not analysed' }]),
    gone: !after.some((f) => key(f) === key(finding)),
    added: after.filter((f) => !had.has(key(f))).map((f) => `${f.check}: ${f.message.slice(0, 60)}`),
  };
}

describe('quick fixes that broke or added', () => {
  it('"Add an index … to Meta.indexes" after a field with a trailing comment writes Python that parses', async () => {
    const dir = join(FIXTURES, 'reliability', 'meta-indexes-fix-after-comment');
    const result = await roundTrip(dir, 'app/models.py', 'Add models.Index(fields=["author_name"]) to Book.Meta.indexes');
    assert.deepEqual(result.problems, []);
    assert.equal(result.gone, true);
    assert.deepEqual(result.added, []);
    const models = result.edited.get(join(dir, 'app', 'models.py'))!;
    assert.match(models, /author_name = models\.CharField\(max_length=100\) {2}# denormalised\n\n {4}class Meta:\n {8}indexes = /);
  });

  it('"Add CsrfViewMiddleware to MIDDLEWARE" also sets CSRF_COOKIE_SECURE, and says so: no finding follows it', async () => {
    const result = await roundTrip(
      join(__dirname, '..', '..', 'rules', 'middleware-order', 'fixtures', 'django-missing-fixes'),
      'settings.py',
      'Add CsrfViewMiddleware to MIDDLEWARE',
    );
    assert.equal(result.fix.title, 'Add CsrfViewMiddleware to MIDDLEWARE and set CSRF_COOKIE_SECURE = True');
    assert.deepEqual(result.problems, []);
    assert.equal(result.gone, true);
    assert.deepEqual(result.added, []);
  });
});
