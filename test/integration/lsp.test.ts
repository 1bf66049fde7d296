// The built language server over stdio, driven as an editor drives it: initialise, receive the
// workspace's diagnostics, ask for code actions, edit buffers, change settings, break files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applied, type Editor, stdioServer, uri } from '../support/lsp-editor';

const root = join(__dirname, '..', '..');

describe('the language server over stdio', () => {
  let workspace: string;
  let editor: Editor;
  let settingsPy: string;
  let appTs: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'stackscope-lsp-'));
    cpSync(join(root, 'examples'), workspace, { recursive: true });
    settingsPy = join(workspace, 'django-shop', 'shop', 'settings.py');
    appTs = join(workspace, 'express-typeorm', 'src', 'app.ts');
    editor = stdioServer();
    const result = await editor.initialize(workspace, 'examples');
    assert.ok(result.capabilities.codeActionProvider);
  });

  after(async () => {
    await editor.dispose();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes the whole workspace at start-up, on files nobody opened', async () => {
    const django = await editor.diagnosticsOf(
      settingsPy,
      (d) => d.some((x) => x.message.startsWith('SESSION_COOKIE_SECURE')),
      'the Django diagnostics',
    );
    const secure = django.find((d) => d.message.startsWith('SESSION_COOKIE_SECURE'))!;
    assert.equal(secure.source, 'stackscope');
    assert.equal(secure.code, 'insecure-session/cookie-not-secure');
    assert.match(secure.codeDescription?.href ?? '', /docs\/rules\/insecure-session\.md#insecure-sessioncookie-not-secure$/);
    assert.match(secure.message, /security\.W012/);
    const order = django.find((d) => d.code === 'middleware-order/dependency-order')!;
    assert.equal(order.severity, 1);
    assert.equal(order.relatedInformation?.[0].location.uri, uri(settingsPy));
    await editor.diagnosticsOf(appTs, (d) => d.some((x) => x.message.includes('hard-coded')), 'the Express diagnostics');
  });

  it('offers the quick fix and a suppression, and the fixed text loses the diagnostic', async () => {
    editor.open(settingsPy);
    const diagnostics = await editor.diagnosticsOf(
      settingsPy,
      (d) => d.some((x) => x.message.startsWith('SESSION_COOKIE_SECURE')),
      'the cookie diagnostic',
    );
    const secure = diagnostics.find((d) => d.message.startsWith('SESSION_COOKIE_SECURE'))!;
    const actions = await editor.codeActions(settingsPy, secure);
    const fix = actions.find((a) => a.title === 'Set SESSION_COOKIE_SECURE = True');
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const suppress = actions.find((a) => a.title === 'Suppress insecure-session/cookie-not-secure on this line');
    assert.ok(suppress, `offered: ${actions.map((a) => a.title).join(', ')}`);
    const original = readFileSync(settingsPy, 'utf8');
    assert.match(
      applied(suppress, settingsPy, original),
      /^# stackscope: ignore\[insecure-session\/cookie-not-secure\]\nSESSION_COOKIE_SECURE = False$/m,
    );

    editor.change(settingsPy, applied(fix, settingsPy, original));
    await editor.diagnosticsOf(
      settingsPy,
      (d) => !d.some((x) => x.message.startsWith('SESSION_COOKIE_SECURE')) && d.some((x) => String(x.code).startsWith('middleware-order/')),
      'the cookie diagnostic to go',
    );
  });

  it('fixes a TypeScript finding and survives a half-typed buffer', async () => {
    editor.open(appTs);
    const diagnostics = await editor.diagnosticsOf(appTs, (d) => d.some((x) => x.message.includes('hard-coded')), 'the secret diagnostic');
    const secret = diagnostics.find((d) => d.message.includes('hard-coded'))!;
    const actions = await editor.codeActions(appTs, secret);
    const fix = actions.find((a) => a.title === 'Read the secret from process.env.SESSION_SECRET');
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(', ')}`);
    const fixed = applied(fix, appTs, readFileSync(appTs, 'utf8'));
    assert.match(fixed, /process\.env\.SESSION_SECRET/);

    editor.change(appTs, "import session from 'express-session';\napp.use(session({ secret: ");
    editor.change(appTs, fixed);
    await editor.diagnosticsOf(
      appTs,
      (d) => d.length > 0 && !d.some((x) => x.message.includes('hard-coded')),
      'the secret diagnostic to go',
    );
    const model = await editor.connection.sendRequest<{ folders: { model: { models: { name: string }[] } }[] }>('stackscope/model', {});
    assert.ok(
      model.folders[0].model.models.some((m) => m.name === 'Post'),
      'the server still answers',
    );
  });

  it('returns every preferred fix of a file as one fix-all action, only when asked', async () => {
    const diagnostics = await editor.diagnosticsOf(settingsPy, (d) => d.length > 0, 'settings diagnostics');
    const light = await editor.codeActions(settingsPy, diagnostics[0]);
    assert.ok(!light.some((a) => a.kind === 'source.fixAll.stackscope'));
    const [all] = await editor.codeActions(settingsPy, diagnostics[0], ['source.fixAll']);
    assert.equal(all?.kind, 'source.fixAll.stackscope');
    assert.ok((all.edit?.changes?.[uri(settingsPy)]?.length ?? 0) >= 3);
  });

  it('serves the project model to the explorer', async () => {
    const response = await editor.connection.sendRequest<{
      folders: {
        folder: string;
        model: {
          models: { name: string }[];
          middleware: { stack: string; chain: { name: string; findings: string[] }[] }[];
          signals: { handler: string }[];
        };
      }[];
    }>('stackscope/model', {});
    const { folder, model } = response.folders[0];
    assert.equal(folder, workspace);
    const names = new Set(model.models.map((m) => m.name));
    for (const name of ['Author', 'Book', 'Post', 'Publisher', 'Tag', 'User', 'Comment']) assert.ok(names.has(name), name);
    const django = model.middleware.find((chain) => chain.stack === 'django')!;
    const auth = django.chain.find((entry) => entry.name.endsWith('AuthenticationMiddleware'))!;
    assert.match(auth.findings[0], /comes before SessionMiddleware/);
    assert.ok(model.middleware.some((chain) => chain.stack === 'express'));
    assert.ok(model.signals.some((s) => s.handler === 'invalidate_book_cache'));
  });

  it('puts a summary above each model: its queries, unindexed filters and hooks', async () => {
    const models = join(workspace, 'django-shop', 'catalog', 'models.py');
    type Lens = {
      range: { start: { line: number } };
      command: { title: string; command: string; arguments: [string, unknown, { uri: string; range: { start: { line: number } } }[]] };
    };
    const lenses = await editor.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri: uri(models) } });
    const lines = readFileSync(models, 'utf8').split('\n');
    const book = lenses.find((lens) => lines[lens.range.start.line].startsWith('class Book('));
    assert.ok(book, `lenses: ${JSON.stringify(lenses.map((l) => l.command.title))}`);
    const [queries, unindexed, hooks] = book.command.title
      .match(/^(\d+) quer(?:y|ies) · ([1-9]\d*) unindexed filters? · (2) hooks$/)!
      .slice(1)
      .map(Number);
    // A click lists every place the title counts, in a peek view.
    assert.equal(book.command.command, 'stackscope.showPlaces');
    const places = book.command.arguments[2];
    assert.equal(places.length, queries + unindexed + hooks);
    assert.ok(
      places.some((place) => place.uri === uri(join(workspace, 'django-shop', 'catalog', 'views.py'))),
      'the view that queries Book',
    );
    assert.ok(
      places.some((place) => place.uri.endsWith('/signals.py')),
      'the receivers of Book',
    );
  });

  it('hovers a per-row read with its cost and a middleware entry with its place in the chain', async () => {
    const views = join(workspace, 'django-shop', 'catalog', 'views.py');
    const viewLines = readFileSync(views, 'utf8').split('\n');
    const line = viewLines.findIndex((text) => text.includes('book.author.name'));
    const hover = await editor.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: uri(views) },
      position: { line, character: viewLines[line].indexOf('book.author.name') + 5 },
    });
    assert.match(hover?.contents.value ?? '', /1 \+ N queries[\s\S]*rows come from django-shop\/catalog\/views\.py:8/);
    const settingsLines = readFileSync(settingsPy, 'utf8').split('\n');
    const session = settingsLines.findIndex((text) => text.includes('SessionMiddleware'));
    const entry = await editor.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: uri(settingsPy) },
      position: { line: session, character: 10 },
    });
    assert.match(entry?.contents.value ?? '', /^\*\*SessionMiddleware\*\* — 4 of 7 in the django chain `shop\.settings` \(session\)/);
  });

  it('applies VS Code settings over stackscope.json, and severities at once', async () => {
    editor.settings = { rules: { 'insecure-session': 'off', 'middleware-order': 'warning' }, exclude: [] };
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const left = await editor.diagnosticsOf(
      settingsPy,
      (d) => d.length > 0 && d.every((x) => String(x.code).startsWith('middleware-order/') && x.severity === 2),
      'only middleware-order, as warnings',
    );
    assert.ok(left.length > 0);
    await editor.diagnosticsOf(
      appTs,
      (d) => !d.some((x) => String(x.code).startsWith('insecure-session/')),
      'the Express session diagnostics to go',
    );
    editor.settings = {};
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await editor.diagnosticsOf(
      appTs,
      (d) => d.some((x) => String(x.code).startsWith('insecure-session/')),
      'the Express session diagnostics to come back',
    );
    // One check switched off by its id: the rule's other checks stay.
    editor.settings = { checks: { 'insecure-session/hard-coded-secret': 'off' } };
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const rest = await editor.diagnosticsOf(
      appTs,
      (d) =>
        !d.some((x) => x.code === 'insecure-session/hard-coded-secret') && d.some((x) => String(x.code).startsWith('insecure-session/')),
      'only the secret to go',
    );
    assert.ok(rest.some((x) => x.code === 'insecure-session/memory-store'));
    editor.settings = {};
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('re-reads files changed on disk, and shrugs at a file that is not UTF-8', async () => {
    const base = join(workspace, 'django-shop', 'shop', 'production.py');
    writeFileSync(base, 'from .settings import *  # noqa\nSESSION_COOKIE_HTTPONLY = False\n');
    const binary = join(workspace, 'django-shop', 'catalog', 'blob.py');
    writeFileSync(binary, Buffer.from([0x44, 0x45, 0xff, 0xfe, 0x00, 0x81]));
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(base), type: 1 },
        { uri: uri(binary), type: 1 },
      ],
    });
    await editor.diagnosticsOf(base, (d) => d.some((x) => x.message.startsWith('SESSION_COOKIE_HTTPONLY')), 'a finding in the new file');
    rmSync(base);
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(base), type: 3 }] });
    await editor.diagnosticsOf(base, (d) => d.length === 0, 'the deleted file to be cleared');
    const model = await editor.connection.sendRequest<{ folders: unknown[] }>('stackscope/model', {});
    assert.equal(model.folders.length, 1);
  });

  it('shows the mistakes of stackscope.json on the file itself and analyses with the rest of it', async () => {
    const config = join(workspace, 'stackscope.json');
    const changed = () =>
      editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 2 }] });
    writeFileSync(
      config,
      '{\n  "rules": { "insecure-session": "off", "insecure-sesion/x": "warning" },\n  "overrides": [{ "files": [] }]\n}\n',
    );
    await changed();
    const problems = await editor.diagnosticsOf(config, (d) => d.length === 2, 'two diagnostics on stackscope.json');
    assert.deepEqual(
      problems.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.source]),
      [
        [1, 40, 1, 'stackscope'],
        [2, 16, 1, 'stackscope'],
      ],
    );
    assert.match(problems[0].message, /unknown rule or check "insecure-sesion\/x"/);
    // What could be read applies: insecure-session is off.
    await editor.diagnosticsOf(
      settingsPy,
      (d) => d.length > 0 && !d.some((x) => String(x.code).startsWith('insecure-session/')),
      'insecure-session off, the rest still shown',
    );
    writeFileSync(config, '{ "rules": ');
    await changed();
    const broken = await editor.diagnosticsOf(config, (d) => d.length === 1 && /not valid JSON/.test(d[0].message), 'the JSON error');
    assert.deepEqual(broken[0].range.start, { line: 0, character: 11 });
    await editor.diagnosticsOf(
      settingsPy,
      (d) => d.some((x) => String(x.code).startsWith('insecure-session/')),
      'the defaults while the file is not JSON',
    );
    rmSync(config);
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 3 }] });
    await editor.diagnosticsOf(config, (d) => d.length === 0, 'the diagnostics on stackscope.json to clear');
  });

  it('puts an error on a schema.prisma that does not parse, and takes it away when it does', async () => {
    const schema = join(workspace, 'express-prisma', 'prisma', 'schema.prisma');
    const text = readFileSync(schema, 'utf8');
    editor.open(schema, 'prisma');
    const broken = text.replace('model Post {', 'model Post {\n  title String @@@');
    editor.change(schema, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('title String @@@'));
    const errors = await editor.diagnosticsOf(
      schema,
      (d) => d.some((x) => x.severity === 1 && x.message.startsWith('Prisma schema syntax error')),
      'the syntax error on schema.prisma',
    );
    const error = errors.find((x) => x.message.startsWith('Prisma schema syntax error'))!;
    assert.equal(error.range.start.line, line);
    assert.equal(error.source, 'stackscope');
    assert.match(error.message, /the models of the last version that parsed are used/);
    editor.change(schema, text);
    await editor.diagnosticsOf(schema, (d) => !d.some((x) => x.message.startsWith('Prisma schema syntax error')), 'the syntax error to go');
  });

  it('hides the findings of the baseline stackscope.json names, or shows them as hints', async () => {
    // A file no earlier test opened: its buffer is the text on disk the CLI fingerprints.
    const nestMain = join(workspace, 'nestjs-app', 'src', 'main.ts');
    const baseline = join(workspace, 'stackscope-baseline.json');
    const written = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', workspace, '--update-baseline', baseline], {
      encoding: 'utf8',
    });
    assert.equal(written.status, 0, written.stderr);
    await editor.diagnosticsOf(nestMain, (d) => d.length > 0, 'the findings of main.ts');
    writeFileSync(join(workspace, 'stackscope.json'), JSON.stringify({ baseline: 'stackscope-baseline.json' }));
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await editor.diagnosticsOf(nestMain, (d) => d.length === 0, 'the baselined findings to go');
    editor.settings = { baseline: 'hint' };
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hints = await editor.diagnosticsOf(
      nestMain,
      (d) => d.length > 0 && d.every((x) => x.severity === 4),
      'the baselined findings as hints',
    );
    assert.ok(hints.some((x) => x.code === 'insecure-session/cookie-not-httponly'));
    rmSync(join(workspace, 'stackscope.json'));
    editor.settings = {};
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await editor.diagnosticsOf(nestMain, (d) => d.some((x) => x.severity !== 4), 'the findings back at their severities');
  });
});

describe('the language server over stdio, sent a message without a Content-Length header', () => {
  it('logs the framing error and answers the next, well-framed, messages', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'stackscope-lsp-framing-'));
    cpSync(join(root, 'examples', 'django-shop'), workspace, { recursive: true });
    const editor = stdioServer();
    try {
      // A raw JSON message, as a hand-written client or a proxy that lost the header sends it.
      editor.child!.stdin!.write(JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'initialize', params: {} }));
      const result = await editor.initialize(workspace);
      assert.ok(result.capabilities.codeActionProvider);
      const settings = join(workspace, 'shop', 'settings.py');
      await editor.diagnosticsOf(
        settings,
        (d) => d.some((x) => x.message.startsWith('SESSION_COOKIE_SECURE')),
        'the diagnostics after the bad message',
      );
      await editor.until(
        () =>
          editor.log.some((line) => /^LSP framing error: dropped \d+ bytes, a message without a valid Content-Length header/.test(line)),
        'the framing error in the log',
      );
    } finally {
      await editor.dispose();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
