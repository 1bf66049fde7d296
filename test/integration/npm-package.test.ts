// The CLI as the npm package `stackscope`: what the tarball holds, that it installs without the
// registry and runs with no dependency beside it, and that the README's CI workflow and pre-commit
// hook work as written against it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { installPackedCli, offlineEnv, type NpmProject } from '../support/npm-project';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

let project: NpmProject;
before(
  () => {
    project = installPackedCli();
  },
  { timeout: 300_000 },
);

/** Runs a shell command line in the project, as a CI step or a hook does, without network. */
function sh(command: string, cwd = project.dir) {
  const result = spawnSync('bash', ['-c', command], { cwd, env: offlineEnv, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The README's fenced blocks of a language that contain `text`. */
function readmeBlocks(language: string, text: string): string[] {
  return [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))]
    .map((m) => m[1])
    .filter((block) => block.includes(text));
}

describe('the npm package', () => {
  it('is public, named stackscope, and its bin is the bundled CLI', () => {
    assert.equal(manifest.name, 'stackscope');
    assert.notEqual(manifest.private, true);
    assert.deepEqual(manifest.bin, { stackscope: './dist/cli.js' });
  });

  it('ships the CLI bundle, the wasm it loads and the schema of stackscope.json, and nothing of the extension or the sources', () => {
    assert.deepEqual(project.files.map((f) => f.path).sort(), [
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/prisma_schema_build_bg.wasm',
      'dist/tree-sitter-python.wasm',
      'dist/tree-sitter.wasm',
      'package.json',
      'schemas/stackscope.schema.json',
    ]);
  });

  it('installs with no dependency: node_modules holds stackscope alone', () => {
    const installed = readFileSync(join(project.dir, 'package-lock.json'), 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(installed).packages).sort(), ['', 'node_modules/stackscope']);
  });

  it("`npx stackscope check` finds the examples' problems", () => {
    const text = sh('npx stackscope check examples');
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^django-shop\/shop\/settings\.py:\d+:1 {2}warning {2}SESSION_COOKIE_SECURE is False/m);
    assert.match(text.stdout, /^\d+ problems \(.*\) in \d+ files; \d+ with a quick fix\.$/m);
    const json = JSON.parse(sh('npx stackscope check examples --format json').stdout) as { findings: { file: string }[] };
    // Each stack: Python through tree-sitter's wasm, Prisma through its schema engine's, TypeScript.
    for (const file of ['django-shop/shop/settings.py', 'express-prisma/prisma/schema.prisma', 'express-typeorm/src/app.ts']) {
      assert.ok(
        json.findings.some((f) => f.file === file),
        `no finding in ${file}`,
      );
    }
    assert.equal(sh('npx stackscope --version').stdout.trim(), manifest.version);
  });

  it("runs from the bundle alone: the CLI requires only Node's own modules", () => {
    const bundle = readFileSync(join(project.dir, 'node_modules', 'stackscope', 'dist', 'cli.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([@\w][\w./@:-]*)"\)/g)].map((m) => m[1]));
    // TypeScript's compiler, bundled in, tries these inside try/catch and goes on without them.
    const optional = new Set(['source-map-support']);
    const outside = [...required].filter((id) => !id.startsWith('node:') && !builtinModules.includes(id) && !optional.has(id));
    assert.deepEqual(outside, []);
  });
});

describe("the README's recipes", () => {
  it('the GitHub Actions workflow checks the project, writes SARIF and uploads it even when the check fails', () => {
    const [workflow] = readmeBlocks('yaml', 'upload-sarif');
    assert.ok(workflow, 'the README has a workflow that uploads SARIF');
    assert.match(workflow, /uses: github\/codeql-action\/upload-sarif@v3/);
    assert.match(workflow, /security-events: write/);
    // The check exits 1 on findings, which fails its step: the upload must run anyway.
    assert.match(workflow, /if: \$\{\{ !cancelled\(\) \}\}\n\s+uses: github\/codeql-action\/upload-sarif/);
    const sarifFile = workflow.match(/sarif_file: (\S+)/)![1];
    const commands = [...workflow.matchAll(/^\s+run: (.+)$/gm)].map((m) => m[1]);
    assert.ok(commands.length > 0, 'the workflow runs a command');
    for (const command of commands) {
      const { code, stderr } = sh(command);
      assert.ok(code === 0 || code === 1, `${command} exited with ${code}: ${stderr}`);
    }
    const sarif = JSON.parse(readFileSync(join(project.dir, sarifFile), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
  });

  it('the pre-commit hook refuses a commit while there are findings and lets a clean project commit', () => {
    const [hook] = readmeBlocks('sh', '#!/bin/sh');
    assert.ok(hook, 'the README has a git hook script');
    const commit = (dir: string) => {
      writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), hook);
      chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
      return sh('git add -A && git -c user.name=ci -c user.email=ci@example.com commit -q -m change', dir);
    };
    sh('git init -q && printf "node_modules/\\n" > .gitignore');
    const refused = commit(project.dir);
    assert.notEqual(refused.code, 0, 'the commit went through despite the findings');
    assert.match(refused.stdout + refused.stderr, /SESSION_COOKIE_SECURE is False/);

    const clean = mkdtempSync(join(tmpdir(), 'stackscope-clean-'));
    mkdirSync(join(clean, 'app'));
    writeFileSync(join(clean, 'app', 'views.py'), 'def hello(request):\n    return "hi"\n');
    sh(`git init -q && ln -s '${join(project.dir, 'node_modules')}' node_modules && printf "node_modules\\n" > .gitignore`, clean);
    const accepted = commit(clean);
    assert.equal(accepted.code, 0, accepted.stdout + accepted.stderr);
    assert.ok(existsSync(join(clean, '.git', 'refs', 'heads')));
  });

  it("the pre-commit framework's hook runs the same command", () => {
    const [config] = readmeBlocks('yaml', 'repos:');
    assert.ok(config, 'the README has a .pre-commit-config.yaml');
    const entry = config.match(/entry: (.+)/)![1];
    assert.match(config, /language: system/);
    assert.match(config, /pass_filenames: false/);
    const { code, stdout } = sh(entry);
    assert.equal(code, 1);
    assert.match(stdout, /problems \(/);
  });
});
