// The TextMate grammars in syntaxes/. Each fixture in test/fixtures/grammars carries the scopes it
// expects inline (vscode-tmgrammar-test assertions under the line they test), SQL where a user writes
// it by hand and plain strings everywhere else; the CLI tokenizes it with VS Code's own TextMate
// engine, our grammars and the grammars VS Code ships for the host languages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join('test', 'fixtures', 'grammars');
const CLI = require.resolve('vscode-tmgrammar-test/dist/unit.js');
/** The host grammars ours inject into or include (VS Code ships them; tm-grammars has the same files). */
const HOST_GRAMMARS = ['python', 'typescript', 'javascript', 'sql', 'html', 'css'].map((name) =>
  require.resolve(`tm-grammars/grammars/${name}.json`),
);

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}
interface LanguageContribution {
  id: string;
  extensions?: string[];
  filenamePatterns?: string[];
  configuration?: string;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars?: GrammarContribution[]; languages?: LanguageContribution[] };
};
const contributed = manifest.contributes.grammars ?? [];
const readGrammar = (path: string) =>
  JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { scopeName: string; injectionSelector?: string };

describe('TextMate grammars', () => {
  for (const fixture of readdirSync(join(ROOT, FIXTURES))) {
    it(`${fixture}: every scope assertion holds`, () => {
      // package.json (--config) names our grammars and what they inject into, as VS Code reads it.
      const args = [
        CLI,
        '--compact',
        '--config',
        'package.json',
        ...HOST_GRAMMARS.flatMap((path) => ['-g', path]),
        join(FIXTURES, fixture),
      ];
      const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    });
  }

  it('package.json names every file in syntaxes/, and every grammar under the scope name its file declares', () => {
    const files = readdirSync(join(ROOT, 'syntaxes'));
    assert.ok(files.filter((name) => name.endsWith('.tmLanguage.json')).length >= 3, `only ${files.join(', ')} in syntaxes/`);
    const named = [
      ...contributed.map((grammar) => grammar.path),
      ...(manifest.contributes.languages ?? []).flatMap((language) => language.configuration ?? []),
    ];
    const paths = named.map((path) => path.replace(/^\.\//, ''));
    for (const file of files)
      assert.ok(paths.includes(`syntaxes/${file}`), `syntaxes/${file} is not named by contributes.grammars or contributes.languages`);
    for (const grammar of contributed) {
      assert.ok(existsSync(join(ROOT, grammar.path)), `${grammar.path} does not exist`);
      assert.equal(readGrammar(grammar.path).scopeName, grammar.scopeName, grammar.path);
    }
  });

  it('the SQL injection grammars say where they inject and that what they embed is SQL', () => {
    const injections = contributed.filter((grammar) => grammar.injectTo);
    const injectionFiles = readdirSync(join(ROOT, 'syntaxes')).filter((name) => name.endsWith('.injection.tmLanguage.json'));
    assert.deepEqual(
      injections.map((grammar) => grammar.path.replace(/^\.\//, '')).sort(),
      injectionFiles.map((name) => `syntaxes/${name}`).sort(),
    );
    assert.deepEqual([...new Set(injections.flatMap((grammar) => grammar.injectTo!))].sort(), [
      'source.js',
      'source.js.jsx',
      'source.python',
      'source.ts',
      'source.tsx',
    ]);
    for (const grammar of injections) {
      assert.equal(grammar.embeddedLanguages?.['meta.embedded.sql'], 'sql', grammar.path);
      const selector = readGrammar(grammar.path).injectionSelector ?? '';
      // L:source.ts or L:(source.ts | source.tsx | source.js); source.js covers source.js.jsx
      const [, group, single] = /^L:(?:\(([^)]*)\)|(\S+))/.exec(selector) ?? [];
      const hosts = (group ?? single ?? '').split('|').map((host) => host.trim());
      for (const host of grammar.injectTo!)
        assert.ok(hosts.includes(host.replace(/\.jsx$/, '')), `${grammar.path} does not inject into ${host}`);
    }
  });

  it('django-html is the language of .html files under a templates/ folder, and of no other .html file', () => {
    const django = manifest.contributes.languages?.find((language) => language.id === 'django-html');
    assert.ok(django, 'no django-html language');
    assert.equal(django.extensions, undefined, 'an extension would claim every .html file');
    const isTemplate = picomatch(django.filenamePatterns ?? []);
    assert.ok(isTemplate('/home/dev/shop/catalog/templates/catalog/product.html'));
    assert.ok(isTemplate('/home/dev/shop/templates/base.html'));
    assert.ok(!isTemplate('/home/dev/shop/static/index.html'));
    assert.ok(!isTemplate('/home/dev/shop/templates/email.txt'));
    assert.equal(contributed.find((grammar) => grammar.language === 'django-html')?.scopeName, 'text.html.django');
  });

  it('django-html comments out with {% comment %} and folds {% block %} ... {% endblock %}', () => {
    const django = manifest.contributes.languages?.find((language) => language.id === 'django-html');
    assert.ok(django?.configuration, 'django-html has no language configuration');
    const configuration = JSON.parse(readFileSync(join(ROOT, django.configuration), 'utf8')) as {
      comments: { blockComment: [string, string] };
      folding: { markers: { start: string; end: string } };
    };
    assert.deepEqual(configuration.comments.blockComment, ['{% comment %}', '{% endcomment %}']);
    const start = new RegExp(configuration.folding.markers.start);
    const end = new RegExp(configuration.folding.markers.end);
    assert.ok(start.test('  {% block content %}') && end.test('  {% endblock content %}'));
    assert.ok(start.test('{% for book in books %}') && end.test('{% endfor %}'));
    // a tag opened and closed on one line is no region: it would pair with the next line's end tag
    assert.ok(!start.test('<p>{% if user %}Hi{% endif %}</p>') && !start.test('  {% if user %}Hi{% endif %}'));
    assert.ok(!start.test('{% url "home" %}') && !end.test('{% url "home" %}'));
  });
});
