// A finding's fingerprint follows the code it flags, not its line: the CLI's JSON and SARIF carry it
// so that baselines and code scanning recognise a finding after unrelated edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { Analyzer } from '../../server/src/workspace/analyzer';
import { findingFingerprints, normaliseCode, numberedFingerprints, textOfRange } from '../../server/src/workspace/fingerprints';
import { tempProject } from '../support/temp-project';

const MODELS = `from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)
    email = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
`;

const VIEWS = `from django.http import HttpResponse

from .models import Book


def book_titles(request):
    lines = []
    for book in Book.objects.all():
        lines.append(book.author.name)
    return HttpResponse("\\n".join(lines))
`;

/** The n-plus-one findings' fingerprints after analysing `views` as an editor buffer. */
async function nPlusOnePrints(views: string) {
  const root = tempProject({ 'shop/models.py': MODELS, 'shop/views.py': VIEWS }, 'stackscope-fingerprints-');
  const analyzer = new Analyzer(root);
  await analyzer.scan();
  const viewsFile = join(root, 'shop', 'views.py');
  await analyzer.updateFile(viewsFile, views);
  const findings = analyzer.findings().filter((f) => f.rule === 'n-plus-one');
  const text = (file: string) => (file === viewsFile ? views : readFileSync(file, 'utf8'));
  const prints = findingFingerprints(findings, { root, model: analyzer.model(), text });
  return findings.map((f) => ({ line: f.range.start.line, fingerprint: prints.get(f) }));
}

describe('finding fingerprints', () => {
  it('stay the same when lines are added above the finding', async () => {
    const [original] = await nPlusOnePrints(VIEWS);
    assert.ok(original?.fingerprint, 'the fixture has its N+1 finding');
    const above = 'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef ping(request):\n    return HttpResponse("ok")\n\n';
    const [moved] = await nPlusOnePrints(VIEWS.replace('\n\ndef book_titles', `\n\n${above}\ndef book_titles`));
    assert.notEqual(moved.line, original.line);
    assert.equal(moved.fingerprint, original.fingerprint);
  });

  it('change when the flagged code changes', async () => {
    const [original] = await nPlusOnePrints(VIEWS);
    const [changed] = await nPlusOnePrints(VIEWS.replace('book.author.name', 'book.author.email'));
    assert.equal(changed?.line, original.line, 'the same finding, on the same line');
    assert.notEqual(changed.fingerprint, original.fingerprint);
  });

  it('are a sha-256 prefix and an occurrence number, counted in document order per key', () => {
    const at = (line: number) => ({ file: '/p/a.py', range: { start: { line, character: 4 }, end: { line, character: 9 } } });
    const items = [
      { key: 'same', place: at(9) },
      { key: 'other', place: at(5) },
      { key: 'same', place: at(3) },
    ];
    const prints = numberedFingerprints(
      items,
      (item) => [item.key],
      (item) => item.place,
    );
    assert.match(prints[0], /^[0-9a-f]{32}:2$/);
    assert.match(prints[2], /^[0-9a-f]{32}:1$/);
    assert.equal(prints[0].split(':')[0], prints[2].split(':')[0]);
    assert.match(prints[1], /:1$/);
  });

  it('read the flagged code with its whitespace collapsed', () => {
    const lines = ['x = (', '    Book.objects', '        .all()', ')'];
    const code = textOfRange(lines, { start: { line: 0, character: 4 }, end: { line: 3, character: 1 } });
    assert.equal(normaliseCode(code), '( Book.objects .all() )');
  });
});

describe('stackscope check: fingerprints in JSON and SARIF', () => {
  const root = tempProject({ 'shop/models.py': MODELS, 'shop/views.py': VIEWS }, 'stackscope-fingerprints-');
  const check = async (format: string) => {
    let out = '';
    await runCli(['check', root, '--format', format], { stdout: (text) => (out += text), stderr: () => {} });
    return JSON.parse(out);
  };

  it('gives every JSON finding a `fingerprint`, and every SARIF result the same one as partialFingerprints', async () => {
    const json = (await check('json')) as { findings: { fingerprint: string; file: string; line: number }[] };
    const sarif = (await check('sarif')) as {
      runs: {
        results: {
          partialFingerprints: Record<string, string>;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    assert.ok(json.findings.length > 0);
    for (const f of json.findings) assert.match(f.fingerprint, /^[0-9a-f]{32}:\d+$/);
    assert.equal(new Set(json.findings.map((f) => f.fingerprint)).size, json.findings.length, 'distinct');
    const results = sarif.runs[0].results;
    assert.deepEqual(
      results.map((r) => [
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region.startLine,
        r.partialFingerprints['stackscope/v1'],
      ]),
      json.findings.map((f) => [f.file, f.line, f.fingerprint]),
    );
  });
});
