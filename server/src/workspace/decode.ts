// Bytes → text as Python and editors read a source file: a byte-order mark wins (UTF-8, UTF-16 LE
// or BE), then an encoding the file declares (Python's PEP 263 coding comment, through its
// frontend), then UTF-8. Bytes that are none of these are read as Latin-1 — every byte is a
// character, so lines and columns stay where the editor shows them — with a warning, never
// silently: a skipped settings module would make its findings vanish while CI stays green.

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type Decoded =
  { ok: true; text: string; /** Read, but not as written: say so to the user. */ warning?: DecodeWarning } | { ok: false; skip: Skip };

/** Why a file was found but not analysed, by kind (for the counted summary) and in a sentence. */
export interface Skip {
  kind: 'unreadable' | 'binary' | 'too large' | 'failed' | 'over budget';
  reason: string;
}

export interface DecodeWarning {
  message: string;
  /** 0-based line of the first byte that did not decode. */
  line: number;
}

/** The encoding a file declares in its first bytes (decoded as Latin-1), by name, if any. */
export type DeclaredEncoding = (head: string) => string | undefined;

export const TOO_LARGE: Skip = { kind: 'too large', reason: `larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };

export function decodeSource(bytes: Uint8Array, declared?: DeclaredEncoding): Decoded {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, skip: TOO_LARGE };
  const bom = byteOrderMark(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    return checked(decodeWith(bom.encoding, body) ?? latin1(body, bom.encoding, declared !== undefined));
  }
  const name = declared?.(latin1Text(bytes.subarray(0, 512)));
  const label = name === undefined ? 'utf-8' : decoderLabel(name);
  const decoded = decodeWith(label ?? 'utf-8', bytes) ?? latin1(bytes, label ? (name ?? 'UTF-8') : 'UTF-8', declared !== undefined);
  if (label !== undefined) return checked(decoded);
  // A coding comment naming an encoding this runtime lacks: read it as UTF-8 would be, and say so.
  const unknown = `declares the encoding "${name}", which Stackscope cannot decode`;
  if (typeof decoded === 'string') return checked({ text: decoded, warning: { message: `${unknown}; read as UTF-8`, line: 0 } });
  return checked({ text: decoded.text, warning: { ...decoded.warning, message: `${unknown}; ${decoded.warning.message}` } });
}

/** The same checks for text that arrives from the editor rather than from disk. */
export function checkText(text: string): Decoded {
  if (text.length > MAX_FILE_BYTES) return { ok: false, skip: TOO_LARGE };
  return checked(text);
}

/**
 * Text with NUL characters is a binary file with a source file's name (checked after UTF-16, whose
 * text has NUL bytes); so is text read as Latin-1 that is mostly control characters.
 */
function checked(decoded: string | { text: string; warning: DecodeWarning }): Decoded {
  const { text, warning } = typeof decoded === 'string' ? { text: decoded, warning: undefined } : decoded;
  if (text.includes('\0')) return { ok: false, skip: { kind: 'binary', reason: 'binary file (contains NUL bytes)' } };
  if (warning && mostlyControl(text)) return { ok: false, skip: { kind: 'binary', reason: 'binary file (not text in any encoding)' } };
  return warning ? { ok: true, text, warning } : { ok: true, text };
}

/** More than one character in twenty a C0 or C1 control other than whitespace: no one wrote this. */
function mostlyControl(text: string): boolean {
  const controls = text.match(/[\x01-\x08\x0e-\x1f\x7f-\x9f]/g)?.length ?? 0;
  return controls * 20 > text.length;
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The text in `encoding`, or undefined when the bytes are not valid in it. */
function decodeWith(encoding: string, bytes: Uint8Array): string | undefined {
  if (encoding === 'iso-8859-1') return latin1Text(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Read as Latin-1, with a warning that names the line of the first byte `expected` could not decode. */
function latin1(bytes: Uint8Array, expected: string, declares: boolean): { text: string; warning: DecodeWarning } {
  const lenient = new TextDecoder(expected.toLowerCase().startsWith('utf-16') ? expected : 'utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  const line = bad === -1 ? 0 : (lenient.slice(0, bad).match(/\r\n?|\n/g) ?? []).length;
  // Where the language has a way to declare the encoding, say it: that is the fix.
  const fix = declares ? ' (save it as UTF-8, or declare its encoding in a coding comment on its first line)' : '';
  return { text: latin1Text(bytes), warning: { message: `not valid ${displayName(expected)}; read as Latin-1${fix}`, line } };
}

/** ISO-8859-1 proper (the WHATWG `latin1` label is windows-1252, which moves 0x80–0x9F). */
function latin1Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function displayName(encoding: string): string {
  return /^utf-?/i.test(encoding) ? encoding.toUpperCase().replace(/^UTF-?/, 'UTF-') : encoding;
}

/**
 * A name Python accepts (`utf-8`, `latin-1`, `iso-8859-15`, `cp1252`, `euc_jp`) as a TextDecoder label,
 * or undefined when this runtime cannot decode it. Python's own aliases for Latin-1 and UTF-8
 * (with suffixes like `utf-8-sig`) come first, as its tokenizer normalises them.
 */
export function decoderLabel(name: string): string | undefined {
  const normal = name.toLowerCase().replace(/_/g, '-');
  if (normal === 'utf-8' || normal.startsWith('utf-8-') || normal === 'utf8') return 'utf-8';
  if (/^(latin-1|iso-8859-1|iso-latin-1|latin1|l1)(-|$)/.test(normal)) return 'iso-8859-1';
  for (const label of [normal, name.toLowerCase()]) {
    try {
      return new TextDecoder(label).encoding;
    } catch {
      // not a label this runtime knows: try the next spelling
    }
  }
  return undefined;
}
