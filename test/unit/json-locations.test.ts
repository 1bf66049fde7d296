// The JSON reader behind stackscope.json's error positions: it must read what JSON.parse reads, refuse
// what it refuses, and put each value and error where an editor shows it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJson } from '../../server/src/workspace/json-locations';

describe('readJson', () => {
  it('reads what JSON.parse reads', () => {
    for (const text of [
      '{}',
      '[]',
      '0',
      '-1.5e3',
      '"a\\u00e9\\n"',
      'true',
      'null',
      ' { "a": [1, {"b": false}], "c": "" } ',
      '{"__proto__": 1}',
    ]) {
      const read = readJson(text);
      assert.ok(read.ok, text);
      assert.deepEqual(read.value, JSON.parse(text), text);
    }
    const proto = readJson('{"__proto__": {"polluted": 1}}');
    assert.ok(proto.ok && Object.getPrototypeOf(proto.value) === Object.prototype && Object.hasOwn(proto.value as object, '__proto__'));
  });

  it('refuses what JSON.parse refuses, at the offending character', () => {
    const cases: [string, string, number, number][] = [
      ['', 'expected a value, found the end of the file', 0, 0],
      ['{ "a": 1 }}', 'unexpected "}" after the end of the JSON value', 0, 10],
      ['{\n  "a": 1,\n}', 'a trailing comma is not allowed in JSON', 1, 8],
      ['{\n  a: 1\n}', 'expected a property name in double quotes, found "a"', 1, 2],
      ['{ "a" 1 }', 'expected ":" after "a", found "1"', 0, 6],
      ['[1 2]', 'expected "," or "]" after an array element, found "2"', 0, 3],
      ['{"a": "x\ny"}', 'a string cannot hold a line break or a control character', 0, 8],
      ['{"a": "\\q"}', 'this string holds an invalid escape', 0, 6],
      ['{"a": "open', 'this string is never closed', 0, 6],
      ['{"a": 01}', 'expected "," or "}" after the value of "a", found "1"', 0, 7],
      ['// c\n{}', 'expected a value, found "/"', 0, 0],
    ];
    for (const [text, message, line, column] of cases) {
      assert.throws(() => JSON.parse(text), SyntaxError, text);
      assert.deepEqual(readJson(text), { ok: false, message, position: { line, column } }, text);
    }
  });

  it('locates values and keys by path, with CRLF and CR-only line ends and a byte-order mark', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const read = readJson(`\uFEFF{${eol}  "rules": {${eol}    "n-plus-one": "off"${eol}  },${eol}  "list": [1, 2]${eol}}`);
      assert.ok(read.ok);
      assert.deepEqual(read.locate(['rules', 'n-plus-one']), { line: 2, column: 18 }, JSON.stringify(eol));
      assert.deepEqual(read.locate(['rules', 'n-plus-one'], 'key'), { line: 2, column: 4 });
      assert.deepEqual(read.locate(['list', 1]), { line: 4, column: 14 });
      // A path not in the file: its nearest enclosing value.
      assert.deepEqual(read.locate(['rules', 'missing']), { line: 1, column: 11 });
      assert.deepEqual(read.locate([]), { line: 0, column: 0 });
    }
  });

  it('refuses nesting deeper than any config without exhausting the stack', () => {
    const read = readJson('['.repeat(100_000));
    assert.equal(read.ok, false);
    assert.match((read as { message: string }).message, /nested too deeply/);
  });
});
