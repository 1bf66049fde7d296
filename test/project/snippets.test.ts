// Every snippet, with its placeholders filled in as VS Code would by default, parses in its language
// and draws no finding from Stackscope itself: the snippets are the secure, fast way to write it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { initFrontends } from '../../server/src/frontends';
import { prismaFrontend } from '../../server/src/frontends/prisma';
import { pythonFrontend } from '../../server/src/frontends/python';
import { typescriptFrontend } from '../../server/src/frontends/typescript';
import { Analyzer } from '../../server/src/workspace/analyzer';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { snippets: { language: string; path: string }[] };
};
const FILES: Record<string, { frontend: typeof pythonFrontend; file: string }> = {
  python: { frontend: pythonFrontend, file: 'settings.py' },
  typescript: { frontend: typescriptFrontend, file: 'snippet.ts' },
  prisma: { frontend: prismaFrontend, file: 'schema.prisma' },
};

/** `${1:Book}` → Book, `${0}`/`$1` → nothing, the way a user who presses Tab through them gets it. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

before(() => initFrontends());

describe('snippets', () => {
  for (const { language, path } of manifest.contributes.snippets) {
    const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8')) as Record<
      string,
      { prefix: string; body: string[] }
    >;
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${language}: ${name} parses and draws no finding`, async () => {
        const { frontend, file } = FILES[language];
        const text = expand(snippet.body);
        assert.deepEqual(frontend.analyze(`/snippets/${file}`, text).problems, [], text);
        const dir = mkdtempSync(join(tmpdir(), 'stackscope-snippet-'));
        writeFileSync(join(dir, file), text);
        const analyzer = new Analyzer(dir);
        await analyzer.scan();
        assert.deepEqual(
          analyzer.findings().map((f) => f.message),
          [],
        );
      });
    }
  }
});
