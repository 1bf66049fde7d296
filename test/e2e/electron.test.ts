// The desktop VS Code run of the key checks (test/electron/), where desktop VS Code can be
// downloaded. Machines that cannot reach its update server (CI here has the npm registry and
// Debian only) skip it and say why; the code-server test beside it runs the same checks there.
import { test } from 'node:test';
import { runElectronSuite } from '../electron/runTest';

const UPDATE_SERVER = 'https://update.code.visualstudio.com/api/releases/stable';

/** Why desktop VS Code cannot be downloaded here, or undefined when it can. */
async function downloadBlocked(): Promise<string | undefined> {
  try {
    const response = await fetch(UPDATE_SERVER, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? undefined : `its download server answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `its download server is unreachable (${cause ?? (error as Error).message})`;
  }
}

test('desktop VS Code (@vscode/test-electron): diagnostic, quick fix and views', async (t) => {
  // Desktop VS Code needs a display: on a headless Linux run the suite under xvfb-run.
  const blocked =
    process.platform === 'linux' && !process.env.DISPLAY ? 'there is no display (run under xvfb-run)' : await downloadBlocked();
  if (blocked) {
    t.skip(`desktop VS Code cannot run here: ${blocked}`);
    return;
  }
  await runElectronSuite();
});
