// Inputs that once took minutes or hundreds of megabytes (long chains, deep nesting, one huge line).
// They are generated rather than stored: the large ones are megabytes of one repeated construct.
// The regression test analyses each under a bound; bench/pathological.ts measures their CPU and RSS.

export interface PathologicalInput {
  name: string;
  /** The file name the input is analysed as (its extension picks the frontend). */
  file: string;
  text: () => string;
  /** Under 100 KB: cheap enough to mutate in the fuzz test (the large ones are analysed once each). */
  small: boolean;
  /** Part of it lies past the frontends' limits: that part yields no finding, and a note says so. */
  degrades: boolean;
}

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('');

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  {
    name: 'chain8000.py',
    file: 'views.py',
    small: true,
    degrades: true,
    text: () => 'q = Book.objects' + '.filter(a=1)'.repeat(8_000) + '\n',
  },
  {
    name: 'chain8000.ts',
    file: 'routes.ts',
    small: true,
    degrades: true,
    text: () => 'const q = repo' + '.where("a")'.repeat(8_000) + ';\n',
  },
  {
    name: 'chain-100k.py',
    file: 'views.py',
    small: false,
    degrades: true,
    text: () => 'q = Book.objects' + '.filter(a=1)'.repeat(100_000) + '\n',
  },
  {
    name: 'chain-100k.ts',
    file: 'routes.ts',
    small: false,
    degrades: true,
    text: () => 'const q = repo' + '.where("a")'.repeat(100_000) + ';\n',
  },
  {
    name: 'parens-100k.py',
    file: 'views.py',
    small: false,
    degrades: true,
    text: () => 'x = ' + '('.repeat(100_000) + '1' + ')'.repeat(100_000) + '\n',
  },
  {
    name: 'parens-100k.ts',
    file: 'routes.ts',
    small: false,
    degrades: true,
    text: () => 'const x = ' + '('.repeat(100_000) + '1' + ')'.repeat(100_000) + ';\n',
  },
  { name: 'plus-400k.py', file: 'views.py', small: false, degrades: true, text: () => 's = a' + '+a'.repeat(400_000) + '\n' },
  { name: 'plus-400k.ts', file: 'routes.ts', small: false, degrades: true, text: () => 'const s = a' + '+a'.repeat(400_000) + ';\n' },
  {
    name: 'near-limit.ts',
    file: 'routes.ts',
    small: false,
    degrades: false,
    text: () => lines(27_000, (i) => `export const x${i} = [1,2,3].map((v) => v * 2); // padding padding padding\n`),
  },
  {
    name: 'lists-100k.py',
    file: 'settings.py',
    small: false,
    degrades: true,
    text: () => 'MIDDLEWARE = ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n',
  },
  {
    name: 'blocks-deep.py',
    file: 'views.py',
    small: true,
    degrades: false,
    text: () => lines(95, (i) => `${' '.repeat(i)}if x:\n`) + ' '.repeat(95) + 'pass\n',
  },
  {
    name: 'objects-deep.ts',
    file: 'app.ts',
    small: false,
    degrades: true,
    text: () => 'app.use(session(' + '{ a: '.repeat(20_000) + '1' + ' }'.repeat(20_000) + '));\n',
  },
  {
    name: 'loop-chain.py',
    file: 'views.py',
    small: false,
    degrades: true,
    text: () => 'for book in Book.objects.all():\n    x = book' + '.author'.repeat(50_000) + '\n',
  },
  {
    name: 'loop-chain.ts',
    file: 'routes.ts',
    small: false,
    degrades: true,
    text: () => 'for (const post of await repo.find()) {\n  const x = post' + '.author'.repeat(50_000) + ';\n}\n',
  },
  {
    name: 'loops-3000.html',
    file: 'templates/loops.html',
    small: true,
    degrades: true,
    text: () => '{% for a in b %}'.repeat(3_000) + '{{ a.x }}' + '{% endfor %}'.repeat(3_000),
  },
  {
    name: 'chain-50k.html',
    file: 'templates/chain.html',
    small: false,
    degrades: false,
    text: () => '{% for a in b %}{{ a' + '.x'.repeat(50_000) + ' }}{% endfor %}',
  },
];
