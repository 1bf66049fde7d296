// The npm package as a user gets it: `npm pack` of this repository, installed into an empty project
// with `npm install --offline` (the tarball has no dependencies, so nothing is fetched; a registry
// that cannot answer makes sure of it), next to a copy of examples/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** No network for anything these tests run through npm. */
export const offlineEnv: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_offline: 'true',
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

export interface PackedFile {
  path: string;
  size: number;
}

export interface NpmProject {
  /** The project folder: package.json, node_modules/stackscope and examples/. */
  dir: string;
  tarball: string;
  /** What `npm pack` put in the tarball. */
  files: PackedFile[];
}

function npm(args: string[], cwd: string): string {
  const result = spawnSync('npm', args, { cwd, env: offlineEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited with ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packs the built repository (dist/ must be built) and installs the tarball into a new project. */
export function installPackedCli(): NpmProject {
  const work = mkdtempSync(join(tmpdir(), 'stackscope-npm-'));
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as {
    filename: string;
    files: PackedFile[];
  }[];
  const dir = join(work, 'project');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'a-backend', version: '1.0.0', private: true }, null, 2));
  const tarball = join(work, packed.filename);
  npm(['install', '--save-dev', tarball], dir);
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  return { dir, tarball, files: packed.files };
}
