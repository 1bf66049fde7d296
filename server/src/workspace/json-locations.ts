// A JSON reader that remembers where each value and property name starts, so a problem with a config
// file can name its line and column (JSON.parse gives neither a value's place nor, portably, an error's).
// Strict JSON, as `JSON.parse` reads it; a byte-order mark is skipped.

export type JsonPath = readonly (string | number)[];

/** 0-based, like LSP positions; `column` counts UTF-16 code units, as editors do. */
export interface TextPosition {
  line: number;
  column: number;
}

export type JsonRead =
  | { ok: true; value: unknown; locate: (path: JsonPath, part?: 'key' | 'value') => TextPosition }
  | { ok: false; message: string; position: TextPosition };

/** Deeper than any config; a limit keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 256;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: readonly [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

export function readJson(text: string): JsonRead {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  let i = text.startsWith('\uFEFF') ? 1 : 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const found = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const readString = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('a string cannot hold a line break or a control character');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('this string is never closed', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('this string holds an invalid escape', start);
    }
  };

  const readValue = (path: JsonPath): unknown => {
    skipSpace();
    if (path.length > MAX_DEPTH) fail('nested too deeply');
    values.set(pathKey(path), i);
    const c = text[i];
    if (c === '{') return readObject(path);
    if (c === '[') return readArray(path);
    if (c === '"') return readString();
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`expected a value, found ${found()}`);
  };

  /** Past an opening bracket: whether the container is empty (its closing bracket then consumed too). */
  const opensEmpty = (close: string): boolean => {
    i++;
    skipSpace();
    if (text[i] !== close) return false;
    i++;
    return true;
  };

  /** After an element: whether the container ends here (its bracket consumed); else a comma was passed. */
  const closes = (close: string, after: string): boolean => {
    skipSpace();
    if (text[i] === close) {
      i++;
      return true;
    }
    if (text[i] !== ',') fail(`expected "," or "${close}" after ${after}, found ${found()}`);
    const comma = i++;
    skipSpace();
    if (text[i] === close) fail('a trailing comma is not allowed in JSON', comma);
    return false;
  };

  const readObject = (path: JsonPath): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    if (opensEmpty('}')) return object;
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
      const keyStart = i;
      const name = readString();
      keys.set(pathKey([...path, name]), keyStart);
      skipSpace();
      if (text[i] !== ':') fail(`expected ":" after "${name}", found ${found()}`);
      i++;
      // defineProperty, not assignment: a key named "__proto__" is data here, as in JSON.parse.
      Object.defineProperty(object, name, { value: readValue([...path, name]), enumerable: true, writable: true, configurable: true });
      if (closes('}', `the value of "${name}"`)) return object;
    }
  };

  const readArray = (path: JsonPath): unknown[] => {
    const array: unknown[] = [];
    if (opensEmpty(']')) return array;
    for (;;) {
      array.push(readValue([...path, array.length]));
      if (closes(']', 'an array element')) return array;
    }
  };

  try {
    const value = readValue([]);
    skipSpace();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    // A path that is not in the file (a missing key) is located at its nearest enclosing value.
    const locate = (path: JsonPath, part: 'key' | 'value' = 'value') => {
      if (part === 'key' && keys.has(pathKey(path))) return positionAt(text, keys.get(pathKey(path))!);
      for (let length = path.length; length >= 0; length--) {
        const offset = values.get(pathKey(path.slice(0, length)));
        if (offset !== undefined) return positionAt(text, offset);
      }
      return { line: 0, column: 0 };
    };
    return { ok: true, value, locate };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.message, position: positionAt(text, Math.min(error.offset, text.length)) };
  }
}

function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** The line and column of an offset, as editors show them: CRLF and CR-only line ends are one line break. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  // Editors do not show a byte-order mark: the first line's columns start after it.
  if (line === 0 && text.startsWith('\uFEFF')) lineStart = Math.min(1, offset);
  return { line, column: offset - lineStart };
}
