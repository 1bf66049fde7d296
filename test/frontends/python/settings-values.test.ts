import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pythonFrontend } from '../../../server/src/frontends/python';
import type { FileFacts, ModelDecl } from '../../../server/src/model/types';
import { Analyzer } from '../../../server/src/workspace/analyzer';
import { plain } from '../../support/values';

const example = join(__dirname, '..', '..', '..', 'examples', 'django-shop');
const analyze = (text: string, file = '/project/shop/settings.py') => pythonFrontend.analyze(file, text);
const setting = (facts: FileFacts, name: string) => plain(facts.settings?.assignments.get(name)?.value);

function model(facts: FileFacts, name: string): ModelDecl {
  const found = facts.models.find((m) => m.name === name);
  assert.ok(found, `no model ${name}; found ${facts.models.map((m) => m.name).join(', ')}`);
  return found;
}

before(() => pythonFrontend.init());

describe('python frontend: settings values', () => {
  it('reads literals, arithmetic, names bound earlier and list concatenation', () => {
    const facts = analyze(
      [
        'BASE = ["a"]',
        'DEBUG = False',
        'SESSION_COOKIE_AGE = 60 * 60 * 24 * 14',
        'SECRET_KEY = "abc" "def"',
        "ALLOWED_HOSTS = ('x.com', 'y.com')",
        'INSTALLED_APPS = BASE + ["b"]',
        'INSTALLED_APPS += ["c"]',
        'DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "PORT": -1}}',
        'SESSION_COOKIE_DOMAIN = None',
        'STATIC_ROOT = BASE_DIR / "static"',
        'SESSION_COOKIE_NAME = f"{PREFIX}_sid"',
        'CSRF_COOKIE_SECURE = DEBUG',
      ].join('\n'),
    );
    assert.equal(setting(facts, 'DEBUG'), false);
    assert.equal(setting(facts, 'SESSION_COOKIE_AGE'), 1209600);
    assert.equal(setting(facts, 'SECRET_KEY'), 'abcdef');
    assert.deepEqual(setting(facts, 'ALLOWED_HOSTS'), ['x.com', 'y.com']);
    assert.deepEqual(setting(facts, 'INSTALLED_APPS'), ['a', 'b', 'c']);
    assert.deepEqual(setting(facts, 'DATABASES'), { default: { ENGINE: 'django.db.backends.mysql', PORT: -1 } });
    assert.equal(setting(facts, 'SESSION_COOKIE_DOMAIN'), null);
    assert.deepEqual(setting(facts, 'STATIC_ROOT'), { unknown: 'BASE_DIR / "static"' });
    assert.deepEqual(setting(facts, 'SESSION_COOKIE_NAME'), { unknown: 'f"{PREFIX}_sid"' });
    assert.equal(setting(facts, 'CSRF_COOKIE_SECURE'), false, 'a name assigned earlier resolves to its value');
    // The resolved value points at the reference, so a fix edits this assignment, not the earlier one.
    assert.equal(facts.settings?.assignments.get('CSRF_COOKIE_SECURE')?.value.location.range.start.line, 11);
  });

  it('reads every form of environment access, with and without a literal default', () => {
    const facts = analyze(
      [
        'import os',
        'from os import environ, getenv as ge',
        'import environ as django_environ',
        'from decouple import config',
        'env = django_environ.Env()',
        'SECRET_KEY = os.environ["SECRET_KEY"]',
        'SESSION_COOKIE_NAME = os.environ.get("NAME")',
        'SESSION_COOKIE_PATH = os.environ.get("PATH_", "/app")',
        'SESSION_COOKIE_DOMAIN = os.getenv("DOMAIN", default=None)',
        'CSRF_COOKIE_NAME = environ["CSRF_NAME"]',
        'CSRF_COOKIE_PATH = ge("CSRF_PATH", "/")',
        'DEBUG = env.bool("DEBUG", default=True)',
        'SECURE_SSL_REDIRECT = env("SSL", bool, default=False)',
        'SESSION_COOKIE_SECURE = config("SECURE", default=False, cast=bool)',
        'CSRF_COOKIE_SECURE = os.getenv("CSRF_SECURE", "0") == "1"',
        'ALLOWED_HOSTS = os.environ.get("HOSTS", "a,b").split(",")',
        'SESSION_COOKIE_AGE = int(os.environ.get("AGE", 300))',
      ].join('\n'),
    );
    assert.deepEqual(setting(facts, 'SECRET_KEY'), { env: 'SECRET_KEY' });
    assert.deepEqual(setting(facts, 'SESSION_COOKIE_NAME'), { env: 'NAME' });
    assert.deepEqual(setting(facts, 'SESSION_COOKIE_PATH'), { env: 'PATH_', fallback: '/app' });
    assert.deepEqual(setting(facts, 'SESSION_COOKIE_DOMAIN'), { env: 'DOMAIN', fallback: null });
    assert.deepEqual(setting(facts, 'CSRF_COOKIE_NAME'), { env: 'CSRF_NAME' });
    assert.deepEqual(setting(facts, 'CSRF_COOKIE_PATH'), { env: 'CSRF_PATH', fallback: '/' });
    assert.deepEqual(setting(facts, 'DEBUG'), { env: 'DEBUG', fallback: true });
    assert.deepEqual(
      setting(facts, 'SECURE_SSL_REDIRECT'),
      { env: 'SSL', fallback: false },
      'the second positional argument is a cast, not a default',
    );
    assert.deepEqual(setting(facts, 'SESSION_COOKIE_SECURE'), { env: 'SECURE', fallback: false });
    // Wrapped reads are configured outside the code, and their result is not the default as written.
    assert.deepEqual(setting(facts, 'CSRF_COOKIE_SECURE'), { env: 'CSRF_SECURE' });
    assert.deepEqual(setting(facts, 'ALLOWED_HOSTS'), { env: 'HOSTS' });
    assert.deepEqual(setting(facts, 'SESSION_COOKIE_AGE'), { env: 'AGE' });
  });

  it('treats an assignment inside an if branch as unknown, and the last plain assignment as the one that counts', () => {
    const facts = analyze(
      [
        'DEBUG = True',
        'if PRODUCTION:',
        '    DEBUG = False',
        'SECRET_KEY = "a"',
        'try:',
        '    SECRET_KEY = "b"',
        'except ImportError:',
        '    pass',
      ].join('\n'),
    );
    assert.deepEqual(setting(facts, 'DEBUG'), { unknown: 'DEBUG = False' });
    assert.equal(setting(facts, 'SECRET_KEY'), 'b');
  });

  it('counts columns in UTF-16 code units, as the editor does', () => {
    const facts = analyze('X = "é😀"; DEBUG = True  # ünïcode\n');
    const debug = facts.settings?.assignments.get('DEBUG');
    assert.deepEqual(debug?.value.location.range.start, { line: 0, character: 19 });
    assert.equal('X = "é😀"; DEBUG = '.length, 19);
    assert.deepEqual(facts.comments, [{ line: 0, text: '# ünïcode' }]);
  });
});

describe('python frontend: settings modules', () => {
  it('knows a settings module by its name or by the Django settings it assigns', () => {
    assert.ok(analyze('X = 1', '/p/shop/settings.py').settings);
    assert.ok(analyze('X = 1', '/p/shop/settings/prod.py').settings);
    assert.ok(analyze('SESSION_COOKIE_SECURE = True', '/p/shop/conf.py').settings);
    assert.equal(analyze('SECRET = "x"\nFEATURE_DEBUG = True', '/p/app/constants.py').settings, undefined);
    assert.equal(analyze('class Config:\n    DEBUG = True', '/p/app/config.py').settings, undefined);
  });

  it('records star imports in order, and where to append a setting and an import', () => {
    const facts = analyze(
      '"""Production."""\nfrom .base import *\nfrom shop.settings.common import *  # noqa\n\nDEBUG = False',
      '/p/shop/settings/production.py',
    );
    assert.deepEqual(facts.settings?.starImports, ['.base', 'shop.settings.common']);
    assert.deepEqual(facts.settings?.append.position, { line: 4, character: 13 });
    assert.deepEqual(facts.settings?.importInsert?.position, { line: 3, character: 0 });
    const docOnly = analyze('"""Settings."""\nDEBUG = False\n', '/p/settings.py');
    assert.deepEqual(docOnly.settings?.importInsert?.position, { line: 1, character: 0 });
  });

  it('reads MIDDLEWARE as a chain with each entry, its role and its text as written', () => {
    const facts = analyzeFile(join(example, 'shop', 'settings.py'));
    const [chain] = facts.middleware;
    assert.equal(chain.stack, 'django');
    assert.equal(chain.app, 'shop.settings');
    assert.deepEqual(
      chain.entries.map((e) => [e.name.split('.').pop(), e.role]),
      [
        ['SecurityMiddleware', 'security'],
        ['CommonMiddleware', 'common'],
        ['AuthenticationMiddleware', 'auth'],
        ['SessionMiddleware', 'session'],
        ['CsrfViewMiddleware', 'csrf'],
        ['MessageMiddleware', 'messages'],
        ['XFrameOptionsMiddleware', 'clickjacking'],
      ],
    );
    assert.equal(chain.entries[2].text, '"django.contrib.auth.middleware.AuthenticationMiddleware"');
    const line = readFileSync(join(example, 'shop', 'settings.py'), 'utf8')
      .split('\n')
      .findIndex((text) => text.includes('AuthenticationMiddleware'));
    assert.deepEqual(chain.entries[2].location.range.start, { line, character: 4 });
    const project = analyze('MIDDLEWARE = ("shop.middleware.SessionMiddleware", "whitenoise.middleware.WhiteNoiseMiddleware")');
    assert.deepEqual(
      project.middleware[0].entries.map((e) => e.role),
      [undefined, 'static'],
    );
  });
});

function analyzeFile(path: string): FileFacts {
  return pythonFrontend.analyze(path, readFileSync(path, 'utf8'));
}

describe('python frontend: models', () => {
  it('reads the example models: tables, columns, relations and which fields are indexed', () => {
    const facts = analyzeFile(join(example, 'catalog', 'models.py'));
    assert.deepEqual(
      facts.models.map((m) => m.name),
      ['Publisher', 'Author', 'Tag', 'Book'],
    );
    const book = model(facts, 'Book');
    assert.equal(book.table, 'catalog_book');
    assert.equal(book.app, 'catalog');
    assert.deepEqual(
      book.fields.map((f) => [f.name, f.column, f.type, f.indexed]),
      [
        ['title', 'title', 'CharField', true],
        ['isbn', 'isbn', 'CharField', true],
        ['published', 'published', 'DateField', false],
        ['author', 'author_id', 'ForeignKey', true],
        ['tags', 'tags', 'ManyToManyField', false],
      ],
    );
    assert.deepEqual(book.fields[3].relation, { kind: 'many-to-one', target: 'Author', relatedName: 'books' });
  });

  it('follows db_index, SlugField, unique, primary keys, Meta indexes, unique_together and constraints', () => {
    const facts = analyze(
      [
        'from django.db import models',
        'from django.db.models import Model, Q',
        '',
        'class Category(Model):',
        '    code = models.CharField(max_length=10, primary_key=True)',
        '    slug = models.SlugField()',
        '    legacy_slug = models.SlugField(db_index=False)',
        '    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE, db_index=False)',
        '    owner = models.OneToOneField("accounts.User", on_delete=models.CASCADE, db_column="owner_ref")',
        '    sku = models.CharField(max_length=20, unique=True)',
        '    title = models.CharField(max_length=100)',
        '    created = models.DateTimeField()',
        '    status = models.CharField(max_length=10)',
        '    kind = models.CharField(max_length=10)',
        '',
        '    class Meta:',
        '        db_table = "shop_categories"',
        '        unique_together = ("title", "created")',
        '        indexes = [models.Index(fields=["-created"], name="created_desc"), models.Index(Upper("title"), name="upper_title")]',
        '        constraints = [models.UniqueConstraint(fields=["status"], condition=Q(status="live"), name="one_live"), models.CheckConstraint(check=Q(kind="a"), name="c")]',
      ].join('\n'),
      '/p/shop/catalog/models.py',
    );
    const category = model(facts, 'Category');
    assert.equal(category.table, 'shop_categories');
    const indexed = Object.fromEntries(category.fields.map((f) => [f.name, f.indexed]));
    assert.deepEqual(indexed, {
      code: true,
      slug: true,
      legacy_slug: false,
      parent: false,
      owner: true,
      sku: true,
      title: true,
      created: true,
      status: false,
      kind: false,
    });
    const parent = category.fields.find((f) => f.name === 'parent');
    assert.deepEqual(parent?.relation, { kind: 'many-to-one', target: 'Category', nullable: true });
    assert.equal(category.fields.find((f) => f.name === 'owner')?.column, 'owner_ref');
    assert.deepEqual(
      category.indexes.map((i) => [i.fields.join(','), i.unique, i.source, i.condition ?? i.special ?? '']),
      [
        ['code', true, 'primary key', ''],
        ['slug', false, 'db_index', ''],
        ['owner', true, 'unique', ''],
        ['sku', true, 'unique', ''],
        ['title,created', true, 'unique_together', ''],
        ['created', false, 'Meta.indexes', ''],
        // An expression index (`Upper("title")`) names its column but serves no plain test of it.
        ['title', false, 'Meta.indexes', 'upper'],
        ['status', true, 'Meta.constraints', 'Q(status="live")'],
      ],
    );
  });

  it('recognises models through a base of the same module, an imported app model and known third-party bases', () => {
    const facts = analyze(
      [
        'from django.db import models',
        'from django.contrib.auth.models import AbstractUser',
        'from core.models import TimeStamped',
        '',
        'class Base(models.Model):',
        '    created = models.DateTimeField(auto_now_add=True)',
        '    class Meta:',
        '        abstract = True',
        '',
        'class Article(Base):',
        '    title = models.CharField(max_length=10)',
        '',
        'class Customer(AbstractUser):',
        '    pass',
        '',
        'class Invoice(TimeStamped):',
        '    total = models.DecimalField(max_digits=8, decimal_places=2)',
        '',
        'class Helper:',
        '    name = models.CharField(max_length=1)',
        '',
        'class Form(forms.Form):',
        '    name = forms.CharField()',
      ].join('\n'),
      '/p/blog/models.py',
    );
    assert.deepEqual(
      facts.models.map((m) => [m.name, m.abstract ?? false, m.bases]),
      [
        ['Base', true, ['models.Model']],
        ['Article', false, ['Base']],
        ['Customer', false, ['AbstractUser']],
        ['Invoice', false, ['TimeStamped']],
      ],
    );
    const article = model(facts, 'Article');
    assert.deepEqual(article.location.range.start, { line: 9, character: 6 });
    assert.deepEqual(article.bodyInsert, { position: { line: 10, character: 43 }, indent: '    ' });
  });

  it('inherits the fields of abstract bases across files in the project model', async () => {
    const dir = project({
      'core/models.py':
        'from django.db import models\n\nclass Stamped(models.Model):\n    created = models.DateTimeField(db_index=True)\n    class Meta:\n        abstract = True\n',
      'blog/models.py':
        'from django.db import models\nfrom core.models import Stamped\n\nclass Post(Stamped):\n    title = models.CharField(max_length=10)\n',
    });
    const analyzer = new Analyzer(dir);
    await analyzer.scan();
    const post = analyzer.model().models.find((m) => m.name === 'Post');
    assert.deepEqual(
      post?.fields.map((f) => [f.name, f.indexed]),
      [
        ['created', true],
        ['title', false],
      ],
    );
    assert.ok(!analyzer.model().models.find((m) => m.name === 'Stamped' && !m.abstract));
  });
});

describe('python frontend: signals and imports', () => {
  it('reads @receiver with one signal or a list, and connect() calls, but not database connections', () => {
    const facts = analyze(
      [
        'from django.db.models.signals import post_save, post_delete',
        'from django.dispatch import receiver',
        'import psycopg2',
        '',
        '@receiver([post_save, post_delete], sender=Book)',
        'def invalidate(sender, **kwargs):',
        '    pass',
        '',
        '@receiver(signals.user_logged_in)',
        'def audit(sender, **kwargs):',
        '    pass',
        '',
        'post_save.connect(on_saved, sender="catalog.Book", dispatch_uid="x")',
        'order_paid.connect(notify, sender=Order)',
        'conn = psycopg2.connect(dsn)',
      ].join('\n'),
      '/p/catalog/signals.py',
    );
    assert.deepEqual(
      facts.signals.map((s) => [s.signal, s.sender ?? null, s.handler]),
      [
        ['post_save', 'Book', 'invalidate'],
        ['post_delete', 'Book', 'invalidate'],
        ['user_logged_in', null, 'audit'],
        ['post_save', '"catalog.Book"', 'on_saved'],
        ['order_paid', 'Order', 'notify'],
      ],
    );
    assert.deepEqual(facts.signals[0].location.range.start, { line: 5, character: 4 });
  });

  it('lists every module a file imports, also inside functions, with relative dots kept', () => {
    const facts = analyze(
      [
        'import os, a.b as c',
        'from . import signals',
        'from ..x.y import z as w',
        'class CatalogConfig(AppConfig):',
        '    def ready(self):',
        '        import catalog.receivers  # noqa',
      ].join('\n'),
      '/p/catalog/apps.py',
    );
    assert.deepEqual(facts.imports, ['os', 'a.b', '.', '.signals', '..x.y', '..x.y.z', 'catalog.receivers']);
  });

  it('marks receivers whose module nothing imports as not connected', async () => {
    const dir = project({
      'shop/catalog/apps.py':
        'from django.apps import AppConfig\n\nclass CatalogConfig(AppConfig):\n    def ready(self):\n        from . import signals  # noqa\n',
      'shop/catalog/__init__.py': '',
      'shop/catalog/signals.py': 'from django.dispatch import receiver\n\n@receiver(post_save, sender=Book)\ndef a(**kw):\n    pass\n',
      'shop/catalog/forgotten.py': 'from django.dispatch import receiver\n\n@receiver(post_save, sender=Book)\ndef b(**kw):\n    pass\n',
      'shop/catalog/models.py': 'from django.db.models.signals import pre_save\n\npre_save.connect(c, sender="catalog.Book")\n',
    });
    const analyzer = new Analyzer(dir);
    await analyzer.scan();
    const connected = Object.fromEntries(analyzer.model().signals.map((s) => [s.handler, s.connected]));
    assert.deepEqual(connected, { a: true, b: false, c: true });
  });
});

describe('python frontend: bad input', () => {
  it('reports syntax errors and still reads the healthy parts of a half-typed file', () => {
    const facts = analyze('DEBUG = True\nclass Book(models.Model):\n    title = models.CharField(max_len\nSESSION_COOKIE_SECURE = False\n');
    assert.ok(facts.problems.length > 0);
    assert.match(facts.problems[0].message, /^Syntax error/);
    assert.equal(setting(facts, 'DEBUG'), true);
  });

  it('never throws on any prefix of the example files, nor with characters cut out', () => {
    for (const rel of ['catalog/models.py', 'shop/settings.py', 'catalog/signals.py', 'catalog/views.py']) {
      const text = readFileSync(join(example, rel), 'utf8');
      for (let end = 0; end <= text.length; end += 7) {
        analyze(text.slice(0, end), `/p/${rel}`);
        analyze(text.slice(0, end) + text.slice(end + 3), `/p/${rel}`);
      }
    }
  });

  it('reads facts out of very deep and very long input', () => {
    const deep = `SESSION_COOKIE_AGE = ${'('.repeat(3000)}1${')'.repeat(3000)}\nDEBUG = ${Array.from({ length: 20000 }, () => '1').join(' + ')}\nSESSION_COOKIE_SECURE = False\n`;
    const facts = analyze(deep);
    assert.equal(setting(facts, 'SESSION_COOKIE_SECURE'), false);
  });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stackscope-py-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

describe('python frontend: signal definitions and sends', () => {
  it('reads project signals and where signals are sent, but not socket sends', () => {
    const facts = analyze(
      [
        'from django.dispatch import Signal',
        'import django.dispatch',
        'order_paid = Signal()',
        'order_shipped = django.dispatch.Signal()',
        'def pay(order, sock):',
        '    order_paid.send(sender=order.__class__, order=order)',
        '    signals.order_shipped.send_robust(sender=None)',
        '    sock.send(b"x")',
        '    request_finished.send(None)',
      ].join('\n'),
      '/p/shop/signals.py',
    );
    assert.deepEqual(
      facts.signalSources?.map((s) => [s.signal, s.kind, s.location.range.start.line]),
      [
        ['order_paid', 'send', 5],
        ['order_shipped', 'send', 6],
        ['request_finished', 'send', 8],
        ['order_paid', 'definition', 2],
        ['order_shipped', 'definition', 3],
      ],
    );
  });
});

describe('python frontend: relation details', () => {
  it('records a many-to-many through model and a foreign key without database constraint', () => {
    const facts = analyze(
      'from django.db import models\n\nclass Team(models.Model):\n    members = models.ManyToManyField("auth.User", through="Membership")\n    owner = models.ForeignKey("auth.User", on_delete=models.DO_NOTHING, db_constraint=False)\n',
      '/p/teams/models.py',
    );
    const team = model(facts, 'Team');
    assert.equal(team.fields[0].relation?.through, 'Membership');
    assert.equal(team.fields[1].relation?.noConstraint, true);
  });
});
