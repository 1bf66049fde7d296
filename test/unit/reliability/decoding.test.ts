// Files are read as Python and editors read them (coding comments, byte-order marks, a Latin-1
// fallback that is said aloud), and every line ending puts a finding on the line the editor shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { codingCookie } from '../../../server/src/frontends/python/coding-cookie';
import type { Finding } from '../../../server/src/model/types';
import { Analyzer } from '../../../server/src/workspace/analyzer';
import { decodeSource } from '../../../server/src/workspace/decode';
import { lineEndingOf, normalizeLineEndings, splitLines } from '../../../server/src/workspace/line-endings';
import { cli } from '../../support/cli-in-process';
import { tempProject as project } from '../../support/temp-project';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'reliability');
const LF_SETTINGS = readFileSync(join(FIXTURES, 'empty-exclude-pattern', 'settings.py'), 'utf8');

async function findingsOf(files: Record<string, string | Buffer>): Promise<{ analyzer: Analyzer; findings: Finding[] }> {
  const analyzer = new Analyzer(project(files));
  await analyzer.scan();
  return { analyzer, findings: analyzer.findings() };
}

const placed = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message.slice(0, 40)}`).sort();

describe('decoding', () => {
  it('reads a PEP 263 coding comment on the first or second line, as CPython does', () => {
    assert.equal(codingCookie('# -*- coding: latin-1 -*-\nx = 1'), 'latin-1');
    assert.equal(codingCookie('#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n'), 'cp1252');
    assert.equal(codingCookie('import os\n# coding: latin-1\n'), undefined, 'not after code');
    assert.equal(codingCookie('x = 1\n'), undefined);
  });

  it('decodes by byte-order mark, then the declared encoding, then UTF-8', () => {
    const python = codingCookie;
    assert.deepEqual(decodeSource(Buffer.from('\uFEFFx = "é"\n'), python), { ok: true, text: 'x = "é"\n' });
    assert.deepEqual(decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x = "é"\n', 'utf16le')]), python), {
      ok: true,
      text: 'x = "é"\n',
    });
    const bigEndian = Buffer.from('x = "é"\n', 'utf16le').swap16();
    assert.deepEqual(decodeSource(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]), python), { ok: true, text: 'x = "é"\n' });
    assert.deepEqual(decodeSource(Buffer.from('# coding: latin-1\nx = "\xe9"\n', 'latin1'), python), {
      ok: true,
      text: '# coding: latin-1\nx = "é"\n',
    });
    assert.deepEqual(decodeSource(Buffer.from('# coding: iso-8859-15\nx = "\xa4"\n', 'latin1'), python), {
      ok: true,
      text: '# coding: iso-8859-15\nx = "€"\n',
    });
  });

  it('reads bytes that are not UTF-8 as Latin-1, with a warning naming the line', () => {
    const bytes = Buffer.from('x = 1\ny = "caf\xe9"\n', 'latin1');
    assert.deepEqual(decodeSource(bytes, codingCookie), {
      ok: true,
      text: 'x = 1\ny = "café"\n',
      warning: {
        message: 'not valid UTF-8; read as Latin-1 (save it as UTF-8, or declare its encoding in a coding comment on its first line)',
        line: 1,
      },
    });
    const unknown = decodeSource(Buffer.from('# coding: klingon\nx = 1\n'), codingCookie);
    assert.deepEqual(unknown, {
      ok: true,
      text: '# coding: klingon\nx = 1\n',
      warning: { message: 'declares the encoding "klingon", which Stackscope cannot decode; read as UTF-8', line: 0 },
    });
  });

  it('a settings module with one Latin-1 byte keeps its findings, and the CLI says how it read it', async () => {
    const { code, stdout, stderr } = await cli('check', join(FIXTURES, 'latin1-settings'));
    assert.equal(code, 1);
    assert.match(stdout, /settings\.py:64:1 {2}warning {2}SESSION_COOKIE_SECURE is False/);
    assert.match(stderr, /^stackscope: settings\.py:63: warning: not valid UTF-8; read as Latin-1/m);
  });

  it('a UTF-16 file with a byte-order mark is analysed like its UTF-8 twin', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LF_SETTINGS, 'utf16le')]);
    const [twin, wide] = await Promise.all([findingsOf({ 'settings.py': LF_SETTINGS }), findingsOf({ 'settings.py': utf16 })]);
    assert.ok(twin.findings.length > 0);
    assert.deepEqual(placed(wide.findings), placed(twin.findings));
    assert.equal(wide.analyzer.skipped.size, 0);
  });
});

describe('line endings', () => {
  it('are counted as the editor counts them: \\n, \\r\\n and a lone \\r', () => {
    assert.deepEqual(splitLines('a\rb\r\nc\nd'), ['a', 'b', 'c', 'd']);
    assert.equal(normalizeLineEndings('a\rb\r\nc\nd'), 'a\nb\nc\nd');
    assert.equal(lineEndingOf('a\r\nb\n'), '\r\n');
    assert.equal(lineEndingOf('a\rb'), '\r');
    assert.equal(lineEndingOf('ab'), '\n');
  });

  it('CR-only and CRLF settings put every finding where the LF file has it, no more and no fewer', async () => {
    const cr = readFileSync(join(FIXTURES, 'cr-only-line-endings', 'settings.py'), 'utf8');
    assert.equal(cr.replace(/\r/g, '\n'), LF_SETTINGS);
    const [lf, crOnly, crlf] = await Promise.all([
      findingsOf({ 'settings.py': LF_SETTINGS }),
      findingsOf({ 'settings.py': cr }),
      findingsOf({ 'settings.py': LF_SETTINGS.replace(/\n/g, '\r\n') }),
    ]);
    assert.ok(lf.findings.some((f) => f.message.startsWith('SESSION_COOKIE_SECURE is False') && f.range.start.line === 55));
    assert.deepEqual(placed(crOnly.findings), placed(lf.findings));
    assert.deepEqual(placed(crlf.findings), placed(lf.findings));
  });

  it('a fix in a CRLF file ends the lines it adds with CRLF', async () => {
    const { findings } = await findingsOf({ 'settings.py': LF_SETTINGS.replace(/\n/g, '\r\n') });
    const multiline = findings
      .flatMap((f) => f.fixes)
      .flatMap((fix) => fix.edits)
      .filter((edit) => /[\r\n]/.test(edit.newText));
    assert.ok(multiline.length > 0);
    for (const edit of multiline) assert.doesNotMatch(edit.newText.replace(/\r\n/g, ''), /[\r\n]/, JSON.stringify(edit.newText));
  });
});
