// Stackscope's session findings next to SonarJS's on the same files: `npm run compare:sessions`.
// The ground truth is each fixture's own `// expect: insecure-session (...)` comments. Stackscope
// finds an expectation when it reports on that line; SonarJS when one of its rules about the same
// thing (the Secure flag, HttpOnly, a hard-coded secret, session fixation) reports on that line or
// anywhere in the same session factory call, since it reports on the call where Stackscope reports
// on the option. Expectations are 0-based lines, ESLint's 1-based.
// Prints a Markdown table for the README. Semgrep is not on npm, so it cannot run here: the README
// describes its registry rules from their patterns instead.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';
import { analyzeFixture, expectationsOf } from '../test/support/harness';

const root = join(__dirname, '..');
const FIXTURES = [
  'test/rules/insecure-session/fixtures/express-flagged',
  'test/rules/insecure-session/fixtures/express-split',
  'test/rules/insecure-session/fixtures/express-clean',
  'test/rules/insecure-session/fixtures/cookie-session',
  'test/rules/insecure-session/fixtures/fixation-flagged',
  'test/rules/insecure-session/fixtures/fixation-clean',
  'test/rules/insecure-session/fixtures/iron-session',
  'test/fixtures/koa',
  'test/fixtures/fastify',
  'test/fixtures/nestjs/fastify',
  'examples/express-typeorm',
  'examples/nestjs-app',
  'examples/fastify-app',
];

/** Every SonarJS rule about cookies, session secrets and session handling (reference §6). */
const SONAR_RULES = [
  'insecure-cookie',
  'cookie-no-httponly',
  'hardcoded-secret-signatures',
  'no-hardcoded-secrets',
  'session-regeneration',
  'no-session-cookies-on-static-assets',
];

type Kind = 'secure' | 'httponly' | 'secret' | 'fixation' | 'other';

interface Report {
  file: string;
  /** 0-based, like the model's lines. */
  line: number;
  kind: Kind;
}

const SONAR_KINDS: Record<string, Kind> = {
  'insecure-cookie': 'secure',
  'cookie-no-httponly': 'httponly',
  'hardcoded-secret-signatures': 'secret',
  'no-hardcoded-secrets': 'secret',
  'session-regeneration': 'fixation',
};

/** What a Stackscope message is about, in SonarJS's terms. */
function kindOf(message: string): Kind {
  if (/fixation|regenerat/i.test(message)) return 'fixation';
  if (/httpOnly/i.test(message)) return 'httponly';
  if (/hard-coded|password|`keys`|`secret`|`key`/i.test(message)) return 'secret';
  if (/secure/i.test(message)) return 'secure';
  return 'other';
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
    result.messages
      .filter((m) => m.ruleId?.startsWith('sonarjs/'))
      .map((m) => ({ file: result.filePath, line: m.line - 1, kind: SONAR_KINDS[m.ruleId!.slice('sonarjs/'.length)] ?? 'other' })),
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
    const findings = analyzer.findings().filter((f) => f.rule === 'insecure-session');
    const ours = findings.map((f) => ({ file: f.file, line: f.range.start.line, kind: kindOf(f.message), message: f.message }));
    const sonar = await sonarReports(dir);
    if (fixture.startsWith('examples/')) {
      // The examples carry no expectations: what each tool reports there, as a user would see it.
      rows.push([fixture, '—', `${ours.length} reported`, `${sonar.length} reported`, '—', '—']);
      continue;
    }
    const calls = analyzer.model().sessions.map((s) => s.call);
    const callOf = (file: string, line: number) =>
      calls.find((c) => c.file === file && c.range.start.line <= line && line <= c.range.end.line);
    // The kind of the finding this expectation names (a line may hold several).
    const kindAt = (e: { file: string; line: number; text?: string }) =>
      ours.find((f) => f.file === e.file && f.line === e.line && (!e.text || f.message.includes(e.text)))?.kind;
    const sonarFinds = (e: { file: string; line: number; text?: string }) => {
      const call = callOf(e.file, e.line);
      return sonar.some(
        (r) =>
          r.file === e.file &&
          r.kind === kindAt(e) &&
          (r.line === e.line || (call && call.range.start.line <= r.line && r.line <= call.range.end.line)),
      );
    };
    const hitByUs = expected.filter((e) => ours.some((f) => f.file === e.file && f.line === e.line));
    const hitBySonar = expected.filter(sonarFinds);
    // Reports that match no expectation: noise on a clean fixture, a difference of opinion elsewhere.
    const sonarOther = sonar.filter((r) => !expected.some((e) => sonarFinds(e) && r.file === e.file && r.kind === kindAt(e))).length;
    const oursOther = ours.filter((f) => !expected.some((e) => f.file === e.file && f.line === e.line)).length;
    rows.push([fixture, String(expected.length), String(hitByUs.length), String(hitBySonar.length), String(oursOther), String(sonarOther)]);
    totals.expected += expected.length;
    totals.stackscope += hitByUs.length;
    totals.sonar += hitBySonar.length;
    totals.stackscopeOther += oursOther;
    totals.sonarOther += sonarOther;
  }
  rows.push([
    '**total**',
    String(totals.expected),
    String(totals.stackscope),
    String(totals.sonar),
    String(totals.stackscopeOther),
    String(totals.sonarOther),
  ]);
  const header = ['files', 'expected findings', 'Stackscope finds', 'SonarJS finds', 'Stackscope, elsewhere', 'SonarJS, elsewhere'];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows)
    console.log(`| ${row.map((cell, i) => (i === 0 && !cell.startsWith('**') ? `\`${cell}\`` : cell)).join(' | ')} |`);
}

void main();
