// A message framed wrongly on stdio is dropped with a line in the log, and the server reads on from
// the next header, rather than staying alive but deaf.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import { Reframer } from '../../../server/src/lsp/framing';

const frame = (message: object) => {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

const hello = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { rootUri: null, note: 'héllo' } };
const bye = { jsonrpc: '2.0', method: 'initialized', params: {} };

/** What a JSON-RPC reader gets through a Reframer from `chunks`, and what was reported. */
async function read(chunks: Buffer[]): Promise<{ messages: unknown[]; reports: string[] }> {
  const reports: string[] = [];
  const input = new PassThrough();
  const reader = new StreamMessageReader(input.pipe(new Reframer((line) => reports.push(line))));
  const messages: unknown[] = [];
  const errors: Error[] = [];
  reader.onError((error) => errors.push(error));
  reader.listen((message) => messages.push(message));
  for (const chunk of chunks) input.write(chunk);
  await new Promise((resolve) => setTimeout(resolve, 50));
  reader.dispose();
  assert.deepEqual(errors, []);
  return { messages, reports };
}

describe('LSP framing', () => {
  it('passes well-framed messages on, even split byte by byte', async () => {
    const bytes = Buffer.concat([frame(hello), frame(bye)]);
    const { messages, reports } = await read([...bytes].map((byte) => Buffer.from([byte])));
    assert.deepEqual(messages, [hello, bye]);
    assert.deepEqual(reports, []);
  });

  it('drops a raw message without Content-Length, says so, and reads the next one', async () => {
    const { messages, reports } = await read([Buffer.from(JSON.stringify(bye)), frame(hello)]);
    assert.deepEqual(messages, [hello]);
    assert.equal(reports.length, 1);
    assert.match(reports[0], /^LSP framing error: dropped \d+ bytes, a message without a valid Content-Length header/);
  });

  it('drops a header block without Content-Length, and one whose length is wrong', async () => {
    const body = JSON.stringify(bye);
    const { messages, reports } = await read([
      Buffer.from(`Content-Type: application/json\r\n\r\n${body}`),
      frame(hello),
      Buffer.from(`Content-Length: 5\r\n\r\n${body}`),
      frame(bye),
    ]);
    assert.deepEqual(messages, [hello, bye]);
    assert.equal(reports.length, 2);
  });
});
