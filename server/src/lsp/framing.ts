// LSP over a byte stream (stdio) frames each message as headers, `Content-Length: N\r\n\r\n`, then N
// bytes of JSON. One message framed wrongly (a raw JSON line, a header without Content-Length, a
// length that lies) would leave vscode-jsonrpc's reader out of step for good: every later message
// read as a header, the server alive but deaf. This stream sits in front of it and passes on only
// well-framed messages: what is not one is dropped, said in a sentence, and reading goes on from
// the next `Content-Length:` header.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_HEADER = /content-length:/i;

export class Reframer extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** What was dropped since the last good message: said once, when reading is back in step. */
  private dropped?: { bytes: number; start: string; why: string };

  /** `report` hears of each stretch of bytes dropped, with why. */
  constructor(private readonly report: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.drain();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.buffer.length > 0) this.discard(this.buffer.length, 'an unfinished message at the end of the stream');
    this.sayDropped();
    done();
  }

  private drain(): void {
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) return;
      const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
      if (length === undefined) {
        this.resync(1, 'a message without a valid Content-Length header');
        continue;
      }
      const total = end + HEADER_END.length + length;
      if (this.buffer.length < total) return;
      if (!isJson(this.buffer.subarray(end + HEADER_END.length, total))) {
        this.resync(1, `a message whose ${length}-byte body is not JSON (a wrong Content-Length?)`);
        continue;
      }
      this.sayDropped();
      this.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
    }
  }

  /** Drops bytes up to the next `Content-Length:` header found from `from` on (or all but what may be the start of one). */
  private resync(from: number, why: string): void {
    const text = this.buffer.toString('latin1');
    const next = text.slice(from).search(LENGTH_HEADER);
    this.discard(next === -1 ? Math.max(from, text.length - 'Content-Length:'.length) : from + next, why);
  }

  private discard(bytes: number, why: string): void {
    this.dropped ??= { bytes: 0, start: this.buffer.subarray(0, 80).toString('latin1'), why };
    this.dropped.bytes += bytes;
    this.buffer = this.buffer.subarray(bytes);
  }

  private sayDropped(): void {
    if (!this.dropped) return;
    const { bytes, start, why } = this.dropped;
    this.dropped = undefined;
    this.report(`LSP framing error: dropped ${bytes} bytes, ${why}: ${JSON.stringify(start)}`);
  }
}

/** The Content-Length of a header block, or undefined when it has none or a line is no header. */
function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[\w-]+$/.test(line.slice(0, colon))) return undefined;
    if (line.slice(0, colon).toLowerCase() === 'content-length') {
      const value = line.slice(colon + 1).trim();
      if (!/^\d+$/.test(value)) return undefined;
      length = Number(value);
    }
  }
  return length;
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
