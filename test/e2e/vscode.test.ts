// The packaged extension in a real VS Code (code-server), driven through Chromium the way a user
// works: open settings.py, read the Problems panel and the status bar, apply the quick fix, browse
// the explorer. Installs what it needs on first run (Debian packages, code-server into
// .e2e-cache/). Steps that change the workspace put it back as examples/ has it, so the README
// screenshots taken along the way show the examples and nothing the test left behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './support/browser';
import { ensureCodeServer } from './support/code-server-install';
import { installExtension, startCodeServer, type CodeServer } from './support/code-server-session';
import { distDir, outputDir } from './support/paths';
import { codeLensText, hoverText, pickQuickInputRow, runPaletteCommand, webviewFrame } from './support/editor-features';
import { chooseQuickFix, openQuickFixMenu } from './support/quick-fix';
import { failureScreenshot, ReadmeScreenshots, updateReadmeImages } from './support/screenshots';
import { makeSessionDirs, removeSessionDirs, restoreFromExamples, type SessionDirs } from './support/session-dirs';
import { recordedStatusTexts, recordStatusTexts, stackscopeStatusItem } from './support/status-bar';
import { ensureSystemPackages } from './support/system-packages';
import {
  collapseView,
  expandView,
  findTreeItem,
  isExpanded,
  openViewContainer,
  rowDescription,
  setExpanded,
  treeRow,
} from './support/tree-views';
import { ensureVsix } from './support/vsix';
import { waitFor } from './support/wait';
import { goToLine, openProblems, quickOpen, save, waitForCursorAt, waitForProblem, waitForWorkbench } from './support/workbench';

const SETTINGS = 'django-shop/shop/settings.py';
const INSECURE = 'SESSION_COOKIE_SECURE = False';
const FIX_TITLE = 'Set SESSION_COOKIE_SECURE = True';
const VIEWS = 'django-shop/catalog/views.py';
const N1_READ = 'book.author.name';
const N1_FIX = 'Add select_related("author") to the queryset';
const ROUTES = 'express-typeorm/src/routes/posts.ts';
const LAZY_READ = 'await post.reviewer';
const LAZY_FIX = 'Load reviewer with the list (relations)';
const MODELS = 'django-shop/catalog/models.py';
const ORDER_MODELS = 'django-shop/orders/models.py';
const EXPRESS_APP = 'express-typeorm/src/app.ts';
/** An empty module the test creates in the workspace copy, for the snippet to go into. */
const SNIPPET_TARGET = 'django-shop/catalog/snippet_models.py';

/** What the CLI counts in the workspace, by severity: the status bar must say the same. */
function cliCounts(workspace: string): Record<'error' | 'warning' | 'info' | 'hint', number> {
  const result = spawnSync(process.execPath, [join(distDir, 'cli.js'), 'check', workspace, '--format', 'json'], { encoding: 'utf8' });
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of (JSON.parse(result.stdout) as { findings: { severity: keyof typeof counts }[] }).findings)
    counts[finding.severity]++;
  return counts;
}

/** The 1-based line and column of the first occurrence of `text` in a workspace file. */
function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = readFileSync(join(dirs!.workspace, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `${file} in examples/ no longer contains ${text}`);
  return { line: line + 1, column: lines[line].indexOf(text) + 1 };
}

let entry: string;
let vsix: string;
let dirs: SessionDirs | undefined;
let server: CodeServer | undefined;
let browser: Browser | undefined;
let failedSteps = 0;

before(
  async () => {
    await ensureSystemPackages();
    entry = await ensureCodeServer();
    vsix = await ensureVsix();
  },
  { timeout: 1_200_000 },
);

after(async () => {
  await browser?.context.close().catch(() => undefined);
  await server?.stop();
  if (dirs) removeSessionDirs(dirs);
});

/** code-server's own log and VS Code's logs, which hold the extension host's and every output channel's. */
function keepLogs(from: SessionDirs): void {
  if (existsSync(from.logFile)) copyFileSync(from.logFile, join(outputDir, 'code-server.log'));
  const vscodeLogs = join(from.userData, 'logs');
  if (existsSync(vscodeLogs)) cpSync(vscodeLogs, join(outputDir, 'vscode-logs'), { recursive: true });
}

/** Runs one user step; a failure leaves a screenshot and the logs in the test output. */
async function step(t: TestContext, name: string, body: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  // The step's own deadline (rather than the runner's) turns a hang into an error that leaves evidence.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  await t.test(name, { timeout: timeoutMs + 15_000 }, async () => {
    try {
      await Promise.race([body(), deadline]);
    } catch (error) {
      failedSteps++;
      mkdirSync(outputDir, { recursive: true });
      const shot = browser ? await failureScreenshot(browser.page, name) : undefined;
      if (dirs) keepLogs(dirs);
      if (shot) (error as Error).message += `\nscreenshot: ${shot}`;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });
}

interface FixAt {
  /** The workspace file, the text the finding is on, a text of its message, the fix's title, and a text the fix writes. */
  file: string;
  read: string;
  problem: string;
  fix: string;
  written: string;
}

/** Opens the file, puts the cursor on the flagged text, applies the quick fix, saves; returns the file as saved. */
async function applyFixAt(page: Page, at: FixAt): Promise<string> {
  await page.keyboard.press('Escape');
  const path = join(dirs!.workspace, at.file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(at.read)) + 1;
  assert.ok(line > 0, `${at.file} in examples/ no longer contains ${at.read}`);
  await quickOpen(page, at.file);
  await waitForProblem(page, at.problem, 60_000);
  const dirty = page.locator('.tabs-container .tab.active.dirty');
  assert.equal(await dirty.count(), 0, `${at.file} was changed before the quick fix`);
  await goToLine(page, line, lines[line - 1].indexOf(at.read) + 1);
  assert.equal(await dirty.count(), 0, `${at.file} was changed by going to line ${line}`);
  await openQuickFixMenu(page, at.fix, 45_000);
  await chooseQuickFix(page, at.fix);
  await save(page);
  const saved = await waitFor(
    `${at.file} on disk to change`,
    async () => {
      const text = readFileSync(path, 'utf8');
      return text.includes(at.written) ? text : undefined;
    },
    10_000,
  );
  restoreFromExamples(dirs!, at.file);
  return saved;
}

test('Stackscope in VS Code: diagnostic, quick fix and explorer', { timeout: 900_000 }, async (t) => {
  let workbenchReady = false;
  const readme = new ReadmeScreenshots();
  dirs = makeSessionDirs();
  const settingsFile = join(dirs.workspace, SETTINGS);
  const insecureLine =
    readFileSync(settingsFile, 'utf8')
      .split('\n')
      .findIndex((line) => line.startsWith(INSECURE)) + 1;
  assert.ok(insecureLine > 0, `${SETTINGS} in examples/ no longer contains ${INSECURE}`);
  const expectedCounts = cliCounts(dirs.workspace);

  await step(
    t,
    'code-server starts with the .vsix installed',
    async () => {
      await installExtension(entry, dirs!, vsix);
      server = await startCodeServer(entry, dirs!);
      browser = await openBrowser(dirs!.browserProfile);
      await recordStatusTexts(browser.page);
      await waitForWorkbench(browser.page, server.workspaceUrl);
      workbenchReady = true;
    },
    150_000,
  );
  // Every later step needs the workbench; failing each of them again would only add noise.
  if (!workbenchReady || !browser) return;
  const page = browser.page;

  await step(
    t,
    'the Problems panel shows the insecure session cookie',
    async () => {
      await quickOpen(page, SETTINGS);
      await openProblems(page);
      const rows = await waitForProblem(page, 'SESSION_COOKIE_SECURE', 60_000);
      const ours = rows.find((row) => row.includes('SESSION_COOKIE_SECURE'))!;
      assert.match(ours, /stackscope/i, `the problem is not reported by Stackscope: ${ours}`);
    },
    90_000,
  );

  await step(
    t,
    'the status bar said "scanning n/N", then counts the findings as the Problems panel does',
    async () => {
      const { error, warning, info, hint } = expectedCounts;
      // Errors, warnings and infos; the hints (the examples have one) are in no count.
      assert.ok(error > 0 && warning > 0 && hint > 0, JSON.stringify(expectedCounts));
      const counts = new RegExp(`^Stackscope\\s*${error}\\s+${warning}${info ? `\\s+${info}` : ''}$`);
      const item = stackscopeStatusItem(page);
      await waitFor(
        `the Stackscope status bar item to read ${counts}`,
        async () => counts.test(((await item.textContent().catch(() => null)) ?? '').trim()),
        60_000,
      );
      const shown = await recordedStatusTexts(page);
      assert.ok(
        shown.some((text) => /^Stackscope scanning \d+\/\d+$/.test(text)),
        `the first scan showed no "scanning n/N": ${shown.join(' | ')}`,
      );
    },
    90_000,
  );

  await step(
    t,
    'the quick fix sets SESSION_COOKIE_SECURE = True on disk',
    async () => {
      await page.keyboard.press('Escape');
      await goToLine(page, insecureLine);
      await openQuickFixMenu(page, FIX_TITLE, 45_000);
      await readme.take(page, 'screenshot-problems.png');
      await chooseQuickFix(page, FIX_TITLE);
      await save(page);
      const saved = await waitFor(
        'settings.py on disk to change',
        async () => {
          const text = readFileSync(settingsFile, 'utf8');
          return text.includes(INSECURE) && !/SESSION_COOKIE_SECURE = True/.test(text) ? undefined : text;
        },
        10_000,
      );
      assert.match(saved, /^SESSION_COOKIE_SECURE = True$/m);
      assert.doesNotMatch(saved, /^SESSION_COOKIE_SECURE = False$/m);
      restoreFromExamples(dirs!, SETTINGS);
    },
    90_000,
  );

  await step(
    t,
    'a hover on the per-row read says what it costs and where the rows come from',
    async () => {
      await page.keyboard.press('Escape');
      await quickOpen(page, VIEWS);
      const at = positionOf(VIEWS, N1_READ);
      await goToLine(page, at.line, at.column + 5);
      const text = await hoverText(page, '1 + N queries', 45_000);
      assert.match(text, /rows come from django-shop\/catalog\/views\.py:\d+/);
      await readme.take(page, 'screenshot-hover.png');
      await page.keyboard.press('Escape');
    },
    90_000,
  );

  await step(
    t,
    'the N+1 quick fix adds select_related to the queryset',
    async () => {
      const saved = await applyFixAt(page, {
        file: VIEWS,
        read: N1_READ,
        problem: 'N+1 query',
        fix: N1_FIX,
        written: 'select_related("author")',
      });
      assert.match(saved, /Book\.objects\.filter\(.*\)\.select_related\("author"\)/);
    },
    90_000,
  );

  await step(
    t,
    'the TypeScript N+1 quick fix loads the lazy relation with the list',
    async () => {
      const saved = await applyFixAt(page, {
        file: ROUTES,
        read: LAZY_READ,
        problem: 'lazy relation',
        fix: LAZY_FIX,
        written: 'relations: { reviewer: true }',
      });
      assert.match(saved, /find\(\{ take: 20, relations: \{ reviewer: true \} \}\)/);
    },
    90_000,
  );

  await step(
    t,
    'a code lens above the model counts its queries and lists them on a click',
    async () => {
      await page.keyboard.press('Escape');
      await quickOpen(page, MODELS);
      // The lens sits above `class Book(`: put the cursor there, so it is on screen and on the current line.
      await goToLine(page, positionOf(MODELS, 'class Book(').line);
      const lens = await codeLensText(page, /^[1-9]\d* quer(y|ies) · [1-9]\d* unindexed filters? · [1-9]\d* hooks?$/, 60_000);
      await readme.take(page, 'screenshot-codelens.png');
      // What a click does, reached by keyboard: VS Code's own command for the lenses of the current line.
      await runPaletteCommand(page, 'Show CodeLens Commands for Current Line');
      await pickQuickInputRow(page, lens);
      const peek = page.locator('.peekview-widget');
      await peek.waitFor({ state: 'visible', timeout: 20_000 });
      await waitFor(
        'the peek view to list views.py',
        async () => ((await peek.textContent()) ?? '').includes('views.py') || undefined,
        20_000,
      );
      await page.keyboard.press('Escape');
    },
    90_000,
  );

  await step(
    t,
    'a hover on a middleware entry gives its place in the chain',
    async () => {
      await page.keyboard.press('Escape');
      await quickOpen(page, EXPRESS_APP);
      const at = positionOf(EXPRESS_APP, 'express.static');
      await goToLine(page, at.line, at.column + 2);
      const text = await hoverText(page, /\d+ of \d+ in the express chain/, 45_000);
      assert.match(text, /express\.static — 5 of 7/);
      await page.keyboard.press('Escape');
    },
    90_000,
  );

  await step(
    t,
    'a snippet inserts a model with its indexes',
    async () => {
      await page.keyboard.press('Escape');
      writeFileSync(join(dirs!.workspace, SNIPPET_TARGET), '');
      await quickOpen(page, SNIPPET_TARGET);
      await runPaletteCommand(page, 'Snippets: Insert Snippet');
      await pickQuickInputRow(page, 'djmodel');
      await page.keyboard.press('Escape'); // leave the snippet's placeholders
      await save(page);
      const saved = await waitFor(
        'the snippet on disk',
        async () => {
          const text = readFileSync(join(dirs!.workspace, SNIPPET_TARGET), 'utf8');
          return text.includes('class Meta') ? text : undefined;
        },
        10_000,
      );
      assert.match(saved, /^class \w+\(models\.Model\):/m);
      assert.match(saved, /indexes = \[/);
      assert.match(saved, /def __str__\(self\)/);
      await page.keyboard.press('Control+W');
      rmSync(join(dirs!.workspace, SNIPPET_TARGET));
    },
    90_000,
  );

  await step(
    t,
    'the walkthrough explains the views and the rules',
    async () => {
      await page.keyboard.press('Escape');
      await runPaletteCommand(page, 'Welcome: Open Walkthrough...');
      await pickQuickInputRow(page, 'Get started with Stackscope');
      const walkthrough = page.locator('.gettingStartedContainer');
      await walkthrough.locator('text=Explore models, signals and middleware').first().waitFor({ state: 'visible', timeout: 30_000 });
      for (const title of ['Read the findings, apply the fixes', 'Run the same review in CI']) {
        await walkthrough.locator(`text=${title}`).first().waitFor({ state: 'visible' });
      }
      await readme.take(page, 'screenshot-walkthrough.png');
      await page.keyboard.press('Control+W');
    },
    90_000,
  );

  await step(
    t,
    'the Stackscope views list models, grouped by app and folder, and middleware',
    async () => {
      await page.keyboard.press('Escape');
      await openViewContainer(page, 'Stackscope');
      await expandView(page, 'Models');
      // The examples have 15 models: enough to group them, folded, each group saying what it holds.
      const catalog = treeRow(page, 'Models', /^django-shop\/catalog$/);
      await catalog.waitFor({ state: 'visible', timeout: 30_000 });
      for (const group of [/^django-shop\/orders$/, /^express-prisma\/prisma$/, /^express-typeorm\/src\/entities$/])
        await treeRow(page, 'Models', group).waitFor();
      assert.equal(await isExpanded(catalog), false, 'a group of models starts folded');
      // The catalog's one model finding is a hint (Book.title's icontains), which the counts leave out.
      assert.equal(await rowDescription(catalog), '4 models');
      await setExpanded(catalog, true);
      await treeRow(page, 'Models', /^Author$/).waitFor();
      const book = treeRow(page, 'Models', /^Book$/);
      assert.equal(await rowDescription(book), 'catalog_book · django');
      assert.equal(await book.locator('.codicon-warning, .codicon-error, .codicon-info').count(), 0, 'Book has only a hint but is marked');
      await setExpanded(treeRow(page, 'Models', /^express-typeorm\/src\/entities$/), true);
      const post = treeRow(page, 'Models', /^Post$/);
      assert.equal(await rowDescription(post), 'posts · typeorm · 3 findings');
      assert.ok(await post.locator('.codicon-warning').count(), 'Post is not marked with its warnings');
      assert.equal(
        await treeRow(page, 'Models', /^Tag$/).locator('.codicon-warning, .codicon-error, .codicon-info').count(),
        0,
        'Tag has no findings but is marked',
      );
      await expandView(page, 'Middleware');
      await findTreeItem(page, 'Middleware', /SessionMiddleware\b/, 20_000);
      await findTreeItem(page, 'Middleware', /AuthenticationMiddleware\b/, 20_000);
      await expandView(page, 'Signals');
      await findTreeItem(page, 'Signals', /^invalidate_book_cache$/, 20_000);
      await readme.take(page, 'screenshot-explorer.png');
    },
    90_000,
  );

  await step(
    t,
    'the Middleware view shows the Express chain in order with the broken entry marked',
    async () => {
      await openViewContainer(page, 'Stackscope');
      // The chains are long: give the Middleware view the whole side bar.
      for (const view of ['Models', 'Signals']) await collapseView(page, view);
      const pane = await expandView(page, 'Middleware');
      const rows = await findTreeItem(page, 'Middleware', /^\d+\. express\.static/, 20_000);
      const order = ['express\\.json', 'session', 'passport\\.initialize', 'passport\\.session', 'express\\.static', '/posts'];
      const app = rows.findIndex((row) => row.includes('express-typeorm/src/app.ts'));
      assert.ok(app >= 0, `no row for the express-typeorm app: ${rows.join(' | ')}`);
      const positions = order.map((name) => rows.slice(app).findIndex((row) => new RegExp(`^\\d+\\. ${name}`).test(row.trim())));
      assert.ok(
        positions.every((p) => p >= 0),
        `Express entries missing from the view: ${rows.join(' | ')}`,
      );
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
        `Express entries out of order: ${rows.join(' | ')}`,
      );
      const staticRow = pane.locator('.monaco-list-row', { hasText: /\d+\. express\.static/ }).first();
      assert.ok(await staticRow.locator('.codicon-warning').count(), 'express.static is not marked with its warning');
      assert.match((await staticRow.textContent()) ?? '', /comes after session/);
      const jsonRow = pane.locator('.monaco-list-row', { hasText: /\d+\. express\.json/ }).first();
      assert.equal(await jsonRow.locator('.codicon-error, .codicon-warning').count(), 0, 'express.json is marked though no rule flags it');
    },
    90_000,
  );

  await step(
    t,
    'the Middleware view folds routes: a router and each run of routes are one group',
    async () => {
      // Express: the router mounted at /posts holds its routes, folded; the router's own chain starts folded.
      assert.equal(await isExpanded(treeRow(page, 'Middleware', /^\d+\. \/posts postsRouter$/)), false, 'the /posts mount point is open');
      const router = treeRow(page, 'Middleware', /^postsRouter$/);
      assert.equal(await isExpanded(router), false, 'the postsRouter router starts open');
      assert.match(await rowDescription(router), /2 routes/);
      // Fastify: the account plugin shows its hook, then its two routes as one folded row.
      const account = treeRow(page, 'Middleware', /^\d+\. accountRoutes$/);
      await setExpanded(account, true);
      const routes = treeRow(page, 'Middleware', /^2 routes$/);
      assert.equal(await isExpanded(routes), false, 'the group of routes starts open');
      assert.equal(await rowDescription(routes), 'GET /, POST /logout');
      await setExpanded(routes, true);
      await treeRow(page, 'Middleware', /^\d+\. POST \/logout$/).waitFor({ state: 'visible' });
    },
    90_000,
  );

  await step(
    t,
    '"Go to Model…" opens the model picked and selects it in the Models view',
    async () => {
      await page.keyboard.press('Escape');
      await runPaletteCommand(page, 'Stackscope: Go to Model…');
      await pickQuickInputRow(page, 'OrderLine');
      await page.locator('.tabs-container .tab.active', { hasText: 'models.py' }).waitFor({ state: 'visible', timeout: 20_000 });
      await waitForCursorAt(page, positionOf(ORDER_MODELS, 'class OrderLine(').line);
      const row = treeRow(page, 'Models', /^OrderLine$/);
      await waitFor('OrderLine selected in the Models view', async () => (await row.getAttribute('aria-selected')) === 'true', 20_000);
    },
    90_000,
  );

  await step(
    t,
    'the diagram draws the models and their relations, and a click opens a model',
    async () => {
      await page.keyboard.press('Escape');
      await runPaletteCommand(page, 'Stackscope: Show Entity-Relationship Diagram');
      await page
        .locator('.tabs-container .tab.active', { hasText: 'Entity-Relationship Diagram' })
        .waitFor({ state: 'visible', timeout: 20_000 });
      const frame = await webviewFrame(page, 'models', 60_000);
      const drawn = await waitFor(
        'Book, Author and the TypeORM entities in the diagram',
        async () => {
          const data = await frame.evaluate<Record<string, string | undefined>>('({ ...document.body.dataset })');
          const models = (data.models ?? '').split(',');
          return ['Book', 'Author', 'Post', 'User'].every((name) => models.includes(name)) ? data : undefined;
        },
        30_000,
      );
      assert.match(drawn.relations ?? '', /Book\.author→Author/);
      assert.match(drawn.relations ?? '', /Post\.reviewer→User/);
      assert.ok((drawn.findings ?? '').split(',').includes('Post'), `Post has findings but is not marked: ${drawn.findings}`);
      await readme.take(page, 'screenshot-diagram.png');
      assert.equal(await frame.evaluate<boolean>("window.__stackscopeOpen('Book')"), true);
      await page.locator('.tabs-container .tab', { hasText: 'models.py' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      const status = await page.locator('.statusbar-item[id="status.editor.selection"]').textContent();
      const bookLine = positionOf(MODELS, 'class Book(').line;
      assert.match(
        status ?? '',
        new RegExp(`Ln ${bookLine},`),
        `the diagram opened models.py but not at class Book (line ${bookLine}): ${status}`,
      );
    },
    120_000,
  );

  if (failedSteps === 0) {
    const dir = readme.save();
    t.diagnostic(`README screenshots written to ${dir}${updateReadmeImages ? '' : ' (UPDATE_SCREENSHOTS=1 writes them over images/)'}`);
  }
});
