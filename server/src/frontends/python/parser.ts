// Loads tree-sitter and its Python grammar once per process. Both are wasm: bundled, they sit next
// to dist/server.js and dist/cli.js; run from source, they come from their npm packages.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

let parser: Parser | undefined;

function wasmPath(bundled: string, packaged: string): string {
  const next = join(__dirname, bundled);
  return existsSync(next) ? next : require.resolve(packaged);
}

export async function loadPythonParser(): Promise<void> {
  if (parser) return;
  const runtime = wasmPath('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(wasmPath('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'));
  const created = new Parser();
  created.setLanguage(language);
  parser = created;
}

/** Parses Python source; the caller must `delete()` the tree (it lives in wasm memory). */
export function parsePython(text: string): Tree {
  if (!parser) throw new Error('the Python parser is not loaded: call init() first');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
