// Starts one code-server for one run and stops it completely. It runs under `setsid` so that the
// server, its extension hosts and the language servers they start share one process group, which
// the teardown kills as a whole: a surviving extension host would fight the next run's.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort } from './free-port';
import { mustRun } from '../../support/run-command';
import type { SessionDirs } from './session-dirs';
import { userSettings } from './user-settings';
import { sleep, waitFor } from './wait';

const FLAGS = ['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];

export interface CodeServer {
  url: string;
  /** The workbench URL with the workspace folder open. */
  workspaceUrl: string;
  stop(): Promise<void>;
}

function environment(dirs: SessionDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    // The run must not pick up a password or a proxy from the environment it was started in.
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
  };
}

function commonArgs(dirs: SessionDirs): string[] {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export async function installExtension(entry: string, dirs: SessionDirs, vsix: string): Promise<void> {
  writeSessionFiles(dirs, 0);
  const out = await mustRun(process.execPath, [entry, ...commonArgs(dirs), '--install-extension', vsix], {
    env: environment(dirs),
    timeoutMs: 120_000,
  });
  if (!/successfully installed/i.test(out)) throw new Error(`code-server did not confirm installing ${vsix}:\n${out}`);
}

function writeSessionFiles(dirs: SessionDirs, port: number): void {
  writeFileSync(dirs.configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
}

export async function startCodeServer(entry: string, dirs: SessionDirs): Promise<CodeServer> {
  const port = await freeLoopbackPort();
  writeSessionFiles(dirs, port);
  const log = openSync(dirs.logFile, 'a');
  // Not `detached`: spawned from a process that does not lead a group, setsid execs in place, so
  // the child's pid is also the id of the new process group.
  const child = spawn('setsid', [process.execPath, entry, ...commonArgs(dirs), ...FLAGS, dirs.workspace], {
    env: environment(dirs),
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const url = `http://127.0.0.1:${port}`;
  const server: CodeServer = {
    url,
    workspaceUrl: `${url}/?folder=${encodeURIComponent(dirs.workspace)}`,
    stop: () => stopGroup(child),
  };
  try {
    await waitFor(
      `code-server to answer ${url}/healthz (log: ${dirs.logFile})`,
      async () => {
        if (exited !== undefined) throw new Error(`code-server exited with ${exited}`);
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        return response.ok;
      },
      60_000,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  const send = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-group, signal);
      return true;
    } catch {
      return false;
    }
  };
  if (!send('SIGTERM')) return;
  // Give the extension hosts a moment to exit on their own, then make sure.
  for (let i = 0; i < 20; i++) {
    await sleep(250);
    if (!send(0)) return;
  }
  send('SIGKILL');
}
