// `npm start`: builds, then runs the CLI on examples/ — projects written to show what Stackscope
// finds. Their findings are the demo, not a failure, so this exits 0 when the CLI reports them
// (its exit code 1); anything else (a build or an internal error) exits 1 with a last line that
// says what went wrong.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const fail = (why) => {
  console.error(`npm start: ${why}`);
  process.exit(1);
};

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail(`the build failed (exit ${build.status ?? build.signal}); see its output above.`);

const check = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', 'examples'], { cwd: root, stdio: 'inherit' });
if (check.status === 0 || check.status === 1) {
  console.log(
    '\nThese are the findings on examples/, projects written to show them. Run it on your own project with\n' +
      '`node dist/cli.js check PATH`, or install the extension: `npm run package` writes dist/stackscope.vsix.',
  );
  process.exit(0);
}
fail(`stackscope check examples ended with exit code ${check.status ?? check.signal} (2: a usage or internal error, printed above).`);
