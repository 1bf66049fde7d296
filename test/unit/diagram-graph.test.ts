// The entity-relationship diagram: its graph built from the real JSON model of the examples (as the
// panel builds it from the explorer's model and the Problems panel's findings), and its webview page.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { diagramElements } from '../../client/src/diagram/graph';
import { diagramHtml } from '../../client/src/diagram/html';
import type { DiagramElement, FindingMark, ModelNodeData, RelationEdgeData } from '../../client/src/diagram/protocol';
import { serializeModel } from '../../server/src/model/serialize';
import { analyzeFixture } from '../support/harness';

const root = join(__dirname, '..', '..');
const examples = join(root, 'examples');

/** The diagram of a project folder, with its findings reduced the way the panel reduces Stackscope's diagnostics. */
async function diagramOf(dir: string, options: { findings?: boolean } = {}) {
  const analyzer = await analyzeFixture(dir);
  const findings: FindingMark[] = analyzer
    .findings()
    .map((f) => ({ file: f.file, line: f.range.start.line + 1, severity: f.severity, message: f.message }));
  const elements = diagramElements(
    [{ folder: dir, model: serializeModel(analyzer.model(), analyzer.findings()) }],
    options.findings === false ? [] : findings,
  );
  const models = new Map<string, DiagramElement & { group: 'nodes' }>();
  for (const e of elements) if (e.group === 'nodes' && e.data.kind === 'model') models.set(e.data.name, e);
  const model = (name: string) => {
    const node = models.get(name);
    assert.ok(node, `no node for ${name}`);
    return { data: node.data as ModelNodeData, classes: node.classes.split(' '), lines: node.data.label.split('\n') };
  };
  const nameOf = (id: string) => elements.find((e) => e.data.id === id)!.data as { name: string };
  const relations = elements
    .filter((e): e is DiagramElement & { group: 'edges' } => e.group === 'edges')
    .map((e) => `${nameOf(e.data.source).name}.${e.data.field} ${e.data.kind} ${nameOf(e.data.target).name} [${e.classes}]`)
    .sort();
  const externals = elements.flatMap((e) => (e.group === 'nodes' && e.data.kind === 'external' ? [e.data.name] : []));
  return { elements, models, model, relations, externals };
}

describe('diagram graph: express-typeorm', () => {
  const dir = join(examples, 'express-typeorm');

  it('has one node per entity and one edge per relation field, with its kind', async () => {
    const { models, relations, externals } = await diagramOf(dir);
    assert.deepEqual([...models.keys()], ['Post', 'User']);
    assert.deepEqual(relations, [
      'Post.author many-to-one User [many-to-one]',
      'Post.reviewer many-to-one User [many-to-one]',
      'User.posts one-to-many Post [one-to-many]',
    ]);
    assert.deepEqual(externals, []);
  });

  it('lists fields with key, index and relation markers, and the indexes over several columns', async () => {
    const { model } = await diagramOf(dir, { findings: false });
    const post = model('Post');
    assert.deepEqual(post.lines.slice(0, 2), ['Post', 'posts · typeorm']);
    assert.match(post.lines[2], /^─+$/);
    assert.deepEqual(post.lines.slice(3), [
      'id: number PK',
      'title: string',
      'body: text',
      'publishedAt: timestamptz ◆ indexed',
      'createdAt: Date',
      'author → User',
      'reviewer → User',
      '◆ (publishedAt, title)',
    ]);
    const user = model('User');
    assert.ok(user.lines.includes('email: string ◆ unique'));
    assert.ok(user.lines.includes('displayName: string'));
    assert.ok(user.lines.includes('posts → Post'));
    // The primary key's and email's single-column indexes are shown on the fields, not repeated.
    assert.ok(!user.lines.some((line) => line.startsWith('◆')));
    assert.equal(post.data.file, join(dir, 'src', 'entities', 'Post.ts'));
    assert.equal(post.data.line, 6);
  });

  it('marks the entity and the fields that findings point at, and not an entity whose lines match a finding in another file', async () => {
    const { model } = await diagramOf(dir);
    const post = model('Post');
    assert.ok(post.classes.includes('findings'));
    assert.equal(post.data.severity, 'warning');
    assert.ok(post.lines.includes('author → User ⚠'));
    assert.ok(post.lines.includes('reviewer → User ⚠'));
    assert.ok(post.lines.includes('createdAt: Date ⚠'));
    assert.ok(post.lines.includes('title: string'));
    assert.equal(post.data.findings.length, 3);
    assert.ok(
      post.data.findings.some((message) => message.includes('`Post.author` is a many-to-one relation') && message.includes('has no index')),
    );
    // src/app.ts has findings on lines 10, 11 and 14; User.email is on line 10 of User.ts.
    const user = model('User');
    assert.deepEqual(user.classes, ['model']);
    assert.deepEqual(user.data.findings, []);
    assert.equal(user.data.severity, undefined);
    assert.ok(!user.lines.some((line) => line.includes('⚠')));
  });

  it('marks nothing without findings', async () => {
    const { elements } = await diagramOf(dir, { findings: false });
    assert.ok(elements.every((e) => !e.classes.includes('findings') && !(e.data as ModelNodeData).label?.includes('⚠')));
  });
});

describe('diagram graph: django-shop', () => {
  const dir = join(examples, 'django-shop');

  it('draws many-to-many relations apart from foreign keys', async () => {
    const { models, relations } = await diagramOf(dir);
    assert.deepEqual([...models.keys()].sort(), ['Author', 'Book', 'Customer', 'Order', 'OrderLine', 'Publisher', 'Tag']);
    assert.deepEqual(relations, [
      'Author.publisher many-to-one Publisher [many-to-one]',
      'Book.author many-to-one Author [many-to-one]',
      'Book.tags many-to-many Tag [many-to-many]',
      'Order.customer many-to-one Customer [many-to-one]',
      'OrderLine.book many-to-one Book [many-to-one]',
      'OrderLine.order many-to-one Order [many-to-one]',
    ]);
  });

  it('marks Book, whose title field has a finding, with the worst severity, and leaves the others clean', async () => {
    const { model } = await diagramOf(dir);
    const book = model('Book');
    assert.ok(book.classes.includes('findings'));
    // `icontains` on title, which its index cannot serve; the default ordering alone is no finding.
    assert.equal(book.data.severity, 'hint');
    assert.ok(book.lines.includes('title: CharField ◆ indexed ⚠'));
    assert.ok(book.lines.includes('published: DateField'));
    assert.ok(book.lines.includes('isbn: CharField ◆ indexed'));
    assert.ok(book.lines.includes('tags → Tag'));
    assert.ok(book.lines.includes('◆ (title, published)'));
    for (const name of ['Author', 'Publisher', 'Tag']) assert.deepEqual(model(name).classes, ['model'], name);
    assert.ok(model('Author').lines.includes('publisher → Publisher ◆ indexed'));
  });
});

describe('diagram graph: a project without relations between its models', () => {
  const write = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'stackscope-diagram-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('has nodes and no edges', async () => {
    const dir = write({
      'shop/models.py':
        'from django.db import models\n\n\nclass Shelf(models.Model):\n    label = models.CharField(max_length=20)\n\n\nclass Lamp(models.Model):\n    watts = models.IntegerField(db_index=True)\n',
    });
    try {
      const { elements, models } = await diagramOf(dir);
      assert.deepEqual([...models.keys()], ['Shelf', 'Lamp']);
      assert.deepEqual(
        elements.filter((e) => e.group === 'edges'),
        [],
      );
      assert.deepEqual(model(elements, 'Lamp').label.split('\n').slice(3), ['watts: IntegerField ◆ indexed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws a relation to a model outside the project to a node of its own', async () => {
    const dir = write({
      'shop/models.py':
        'from django.db import models\n\n\nclass Lamp(models.Model):\n    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)\n',
    });
    try {
      const { relations, externals } = await diagramOf(dir);
      assert.deepEqual(externals, ['auth.User']);
      assert.deepEqual(relations, ['Lamp.owner many-to-one auth.User [many-to-one]']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function model(elements: DiagramElement[], name: string): ModelNodeData {
  const node = elements.find((e) => e.group === 'nodes' && e.data.name === name);
  assert.ok(node);
  return node.data as ModelNodeData;
}

describe('diagram webview page', () => {
  const scriptUri = 'vscode-webview-resource://panel/dist/diagram.js';
  const html = diagramHtml({ scriptUri, nonce: 'n0nce+/=' });

  it('has a Content-Security-Policy that allows only its own nonce, with no network source', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta tag');
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-n0nce+/='"]);
    assert.deepEqual(directives.get('style-src'), ["'nonce-n0nce+/='"]);
    assert.ok(!/https?:|\*/.test(csp), csp);
  });

  it('loads only the local script, and every script and style carries the nonce', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], new RegExp(`src="${scriptUri}"`));
    assert.match(scripts[0][1], /nonce="n0nce\+\/="/);
    assert.equal(scripts[0][2].trim(), '');
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)];
    assert.ok(styles.length > 0);
    for (const style of styles) assert.match(style[1], /nonce="n0nce\+\/="/);
    assert.ok(!/https?:\/\//.test(html), 'the page names a network address');
  });

  it('has the diagram container, the Fit button, the legend and the empty state the script uses', () => {
    for (const id of ['diagram', 'fit', 'legend', 'empty', 'status']) assert.match(html, new RegExp(`id="${id}"`), id);
  });

  it('has a script that bundles for the browser, cytoscape included, without Node built-ins', async () => {
    const result = await esbuild.build({
      entryPoints: [join(root, 'client', 'src', 'diagram', 'webview', 'main.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const code = result.outputFiles[0].text;
    assert.match(code, /cytoscape/);
    assert.ok(!/\brequire\("/.test(code), 'the bundle requires a module at run time');
  });
});

describe('package.json: the diagram command', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: {
      commands: { command: string; title: string; icon?: string }[];
      menus: Record<string, { command: string; when?: string }[]>;
    };
  };

  it('is contributed with its icon, shown in the Models view title and not hidden from the palette', () => {
    const command = manifest.contributes.commands.find((c) => c.command === 'stackscope.showDiagram');
    assert.ok(command);
    assert.equal(command.icon, '$(type-hierarchy)');
    assert.ok(
      manifest.contributes.menus['view/title'].some(
        (m) => m.command === 'stackscope.showDiagram' && m.when === 'view == stackscope.models',
      ),
    );
    assert.ok(!manifest.contributes.menus.commandPalette.some((m) => m.command === 'stackscope.showDiagram' && m.when === 'false'));
  });
});
