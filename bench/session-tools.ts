// Stackscope's session findings next to SonarJS's on the same files: `npm run compare:sessions`.
// The ground truth is each fixture's own `// expect: insecure-session (...)` comments; a tool
// finds an expectation when it reports on that line (SonarJS: anywhere in the node it reports;
// expectations are 0-based lines, ESLint's are 1-based).
// Prints a Markdown table for the README. Semgrep is not on npm, so it cannot run here: the README
// describes its registry rules from their patterns instead.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';
import { analyzeFixture, expectationsOf } from '../test/support/harness';

const root = join(__dirname, '..');
const FIXTURES = [
  'test/fixtures/insecure-session/express-flagged',
  'test/fixtures/insecure-session/express-split',
  'test/fixtures/insecure-session/express-clean',
  'test/fixtures/insecure-session/cookie-session',
  'test/fixtures/insecure-session/iron-session',
  'test/fixtures/koa',
  'test/fixtures/fastify',
  'test/fixtures/nestjs',
  'examples/express-typeorm',
  'examples/nestjs-app',
  'examples/fastify-app',
];

/** Every SonarJS rule about cookies, session secrets and session handling (reference §6). */
const SONAR_RULES = ['insecure-cookie', 'cookie-no-httponly', 'hardcoded-secret-signatures', 'no-hardcoded-secrets', 'session-regeneration', 'no-session-cookies-on-static-assets'];

interface Report {
  file: string;
  line: number;
  endLine: number;
}

async function sonarReports(dir: string): Promise<Report[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tseslint.parser as never, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
        plugins: { sonarjs: sonarjs as never },
        rules: Object.fromEntries(SONAR_RULES.map((rule) => [`sonarjs/${rule}`, 'error'])),
      },
    ],
  });
  const results = await eslint.lintFiles(['**/*.ts', '**/*.js']);
  return results.flatMap((result) =>
    result.messages.filter((m) => m.ruleId?.startsWith('sonarjs/')).map((m) => ({ file: result.filePath, line: m.line, endLine: m.endLine ?? m.line })),
  );
}

async function main() {
  const rows: string[][] = [];
  const totals = { expected: 0, stackscope: 0, sonar: 0, stackscopeOther: 0, sonarOther: 0 };
  for (const fixture of FIXTURES) {
    const dir = join(root, fixture);
    let analyzer;
    try {
      analyzer = await analyzeFixture(dir);
    } catch {
      continue; // a fixture folder that does not exist in this checkout
    }
    if (analyzer.files.size === 0) continue;
    const expected = expectationsOf(analyzer).filter((e) => e.rule === 'insecure-session');
    const ours = analyzer.findings().filter((f) => f.rule === 'insecure-session').map((f) => ({ file: f.file, line: f.range.start.line }));
    const sonar = await sonarReports(dir);
    if (fixture.startsWith('examples/')) {
      // The examples carry no expectations: what each tool reports there, as a user would see it.
      rows.push([fixture, '—', `${ours.length} reported`, `${sonar.length} reported`, '—', '—']);
      continue;
    }
    const hitByUs = expected.filter((e) => ours.some((f) => f.file === e.file && f.line === e.line));
    const hitBySonar = expected.filter((e) => sonar.some((r) => r.file === e.file && r.line <= e.line + 1 && e.line + 1 <= r.endLine));
    // Reports on no expected line: noise on a clean fixture, a difference of opinion elsewhere.
    const sonarOther = sonar.filter((r) => !expected.some((e) => r.file === e.file && r.line <= e.line + 1 && e.line + 1 <= r.endLine)).length;
    const oursOther = ours.filter((f) => !expected.some((e) => f.file === e.file && f.line === e.line)).length;
    rows.push([fixture, String(expected.length), String(hitByUs.length), String(hitBySonar.length), String(oursOther), String(sonarOther)]);
    totals.expected += expected.length;
    totals.stackscope += hitByUs.length;
    totals.sonar += hitBySonar.length;
    totals.stackscopeOther += oursOther;
    totals.sonarOther += sonarOther;
  }
  rows.push(['**total**', String(totals.expected), String(totals.stackscope), String(totals.sonar), String(totals.stackscopeOther), String(totals.sonarOther)]);
  const header = ['files', 'expected findings', 'Stackscope finds', 'SonarJS finds', 'Stackscope, elsewhere', 'SonarJS, elsewhere'];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.map((cell, i) => (i === 0 && !cell.startsWith('**') ? `\`${cell}\`` : cell)).join(' | ')} |`);
}

void main();
