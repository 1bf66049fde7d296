import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { djangoTemplateFrontend } from '../../../server/src/frontends/django-template';

const analyze = (text: string) => djangoTemplateFrontend.analyze('/p/shop/templates/shop/list.html', text);

describe('django template frontend', () => {
  it('reads templates under a templates folder only', () => {
    assert.ok(djangoTemplateFrontend.handles('/p/shop/templates/shop/list.html'));
    assert.ok(!djangoTemplateFrontend.handles('/p/static/index.html'));
    assert.ok(!djangoTemplateFrontend.handles('/p/shop/templates/shop/list.py'));
  });

  it('reads loops, what their bodies read (calls on managers included), nested loops and {{ item }}', () => {
    const facts = analyze(
      '{% load static %}\n{% for a in authors %}\n  {{ a.name|upper }} {{ a.books.count }} {% url "x" a.pk %}\n  {% for b in a.books.all %}{{ b }}{% endfor %}\n  {{ a }}{# a note #}\n{% empty %}-{% endfor %}',
    );
    const [outer, inner] = facts.templateLoops ?? [];
    assert.deepEqual(outer.iterable, ['authors']);
    assert.equal(outer.variable, 'a');
    assert.deepEqual(
      outer.accesses.map((a) => [a.path.join('.'), a.call ?? '']),
      [
        ['name', ''],
        ['books', 'count'],
        ['books', 'all'],
        ['', '__str__'],
      ],
    );
    assert.deepEqual(outer.accesses[1].location.range, { start: { line: 2, character: 24 }, end: { line: 2, character: 37 } });
    assert.deepEqual(inner.iterable, ['a', 'books', 'all']);
    assert.deepEqual(facts.comments, [{ line: 4, text: '{# a note #}' }]);
  });

  it('never throws on broken templates', () => {
    const text = '{% for a in authors %}{{ a.books. }}{% if %}{% endfor {{ ';
    for (let end = 0; end <= text.length; end++) analyze(text.slice(0, end));
    assert.ok(analyze(text).templateLoops);
  });
});
