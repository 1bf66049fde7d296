// The parse floor: reads and parses every file the engine would read, with the engine's own parsers
// (TypeScript's, tree-sitter's Python grammar, the Jinja grammar, the Prisma schema parser, JSON), and
// does nothing else. `check`'s CPU is measured against this process's. Bundled by bench/speed/bundle.ts.
import { jinjaLanguage } from '@codemirror/lang-jinja';
import { resolve } from 'node:path';
import { ts } from 'ts-morph';
import { frontendFor } from '../../server/src/frontends';
import { parsePrisma } from '../../server/src/frontends/prisma/parser';
import { loadPythonParser, parsePython } from '../../server/src/frontends/python/parser';
import { loadConfig } from '../../server/src/workspace/config';
import { discoverFiles, excludeMatcher, readSource } from '../../server/src/workspace/files';

function scriptKind(file: string): ts.ScriptKind {
  if (/\.[cm]?tsx?$/.test(file)) return file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return file.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

async function main() {
  const root = resolve(process.argv[2] ?? '.');
  await loadPythonParser();
  const files = discoverFiles(root, excludeMatcher(loadConfig(root).config.exclude));
  let parsed = 0;
  for (const file of files) {
    const read = readSource(file);
    if (!read.ok) continue;
    const language = frontendFor(file)?.language;
    if (language === 'python') parsePython(read.text).delete();
    // ts-morph asks the compiler for the same tree: parent pointers set, latest syntax.
    else if (language === 'typescript') ts.createSourceFile(file, read.text, ts.ScriptTarget.Latest, true, scriptKind(file));
    else if (language === 'django-template') jinjaLanguage.parser.parse(read.text);
    else if (language === 'prisma') parsePrisma(read.text);
    else JSON.parse(read.text);
    parsed++;
  }
  console.log(`parsed ${parsed} files`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
