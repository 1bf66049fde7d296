// The key end-to-end checks through the VS Code API, in a desktop VS Code that @vscode/test-electron
// downloads (so it needs network access to update.code.visualstudio.com). Where that download is
// not possible, test/e2e/ runs the same checks in code-server instead.
//
//   npx tsx test/electron/runTest.ts
//
// The end-to-end suite runs it too (test/e2e/electron.test.ts) when the download is reachable.
// It builds the extension, bundles the suite for the extension host, copies examples/ into a
// fresh workspace and opens it with every other extension disabled.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSync } from 'esbuild';

const root = join(__dirname, '..', '..');

/** Builds, downloads VS Code (cached in .vscode-test/) and runs the suite in it; throws when a check fails. */
export async function runElectronSuite(): Promise<void> {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');

  const scratch = mkdtempSync(join(tmpdir(), 'stackscope-electron-'));
  try {
    const workspace = join(scratch, 'workspace');
    cpSync(join(root, 'examples'), workspace, { recursive: true });
    // The extension host loads the suite with require(), so it gets a CommonJS bundle.
    const suite = join(scratch, 'suite', 'index.js');
    buildSync({
      entryPoints: [join(__dirname, 'suite', 'index.ts')],
      outfile: suite,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'warning',
    });

    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir',
        join(scratch, 'user-data'),
      ],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runElectronSuite().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
