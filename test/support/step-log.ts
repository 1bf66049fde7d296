// A long set-up step, told on stderr as it runs: what it does and how long it usually takes, a line
// every 20 s while it works, and how long it took. An install that prints nothing for minutes looks
// like a hang; one that says so does not.
const HEARTBEAT_MS = 20_000;

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;

export async function timedStep<T>(what: string, usually: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  say(`▸ ${what} (${usually})…`);
  const heartbeat = setInterval(() => say(`  … still ${what.charAt(0).toLowerCase()}${what.slice(1)} (${seconds(started)})`), HEARTBEAT_MS);
  try {
    const result = await body();
    say(`  done in ${seconds(started)}`);
    return result;
  } finally {
    clearInterval(heartbeat);
  }
}
