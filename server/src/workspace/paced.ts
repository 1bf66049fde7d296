// A scan reports each file it parses; a person needs a few updates a second. `paced` passes on the
// first and the last step and otherwise at most one step per interval, so a progress line or a
// notification to the editor costs nothing on a project of thousands of files.
export type ProgressCallback = (done: number, total: number) => void;

export const PROGRESS_INTERVAL_MS = 100;

export function paced(report: ProgressCallback, intervalMs = PROGRESS_INTERVAL_MS, now: () => number = Date.now): ProgressCallback {
  let last = -Infinity;
  return (done, total) => {
    const time = now();
    if (done > 1 && done < total && time - last < intervalMs) return;
    last = time;
    report(done, total);
  };
}
