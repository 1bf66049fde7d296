// One fresh folder tree per run: code-server's user data, extensions and XDG folders, the
// browser profile and a copy of examples/ as the workspace, so no run sees another's state and
// nothing is written into $HOME or into the repository's examples.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesDir } from './paths';

export interface SessionDirs {
  root: string;
  userData: string;
  extensions: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  browserProfile: string;
  workspace: string;
  configFile: string;
  logFile: string;
}

export function makeSessionDirs(): SessionDirs {
  const root = mkdtempSync(join(tmpdir(), 'stackscope-e2e-'));
  const dirs: SessionDirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    xdgCache: join(root, 'xdg-cache'),
    browserProfile: join(root, 'browser-profile'),
    workspace: join(root, 'workspace'),
    configFile: join(root, 'code-server.yaml'),
    logFile: join(root, 'code-server.log'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, dirs.browserProfile]) {
    mkdirSync(dir, { recursive: true });
  }
  cpSync(examplesDir, dirs.workspace, { recursive: true });
  return dirs;
}

export function removeSessionDirs(dirs: SessionDirs): void {
  rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Puts a file the test changed back as examples/ has it: the steps after it, and the README
 * screenshots they take, see the examples, not what earlier steps left behind.
 */
export function restoreFromExamples(dirs: SessionDirs, file: string): void {
  copyFileSync(join(examplesDir, file), join(dirs.workspace, file));
}
