// Linking runs over every file's facts at once, so one file whose facts break a linker would leave
// the whole workspace without a model. When building fails, the file is found by bisection (the
// shortest failing prefix of the files ends with it: log2(n) builds, only after a failure), left
// out with its reason, and the model is built from the others.
import type { FileFacts, ProjectModel } from '../model/types';

/** How many culprits are looked for before the failure is taken as a bug of no file in particular. */
const MAX_CULPRITS = 3;

export function buildIsolated(
  files: ReadonlyMap<string, FileFacts>,
  build: (files: Map<string, FileFacts>) => ProjectModel,
  leaveOut: (file: string, error: Error) => void,
): ProjectModel {
  const kept = new Map(files);
  for (let attempt = 0; ; attempt++) {
    const failure = failureOf(() => build(kept));
    if (!('error' in failure)) return failure.model;
    // A failure with no file at all is no file's fault: it is a bug to report as such.
    if (attempt === MAX_CULPRITS || kept.size === 0 || 'error' in failureOf(() => build(new Map()))) throw failure.error;
    const entries = [...kept];
    let low = 1;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ('error' in failureOf(() => build(new Map(entries.slice(0, middle))))) high = middle;
      else low = middle + 1;
    }
    const [culprit] = entries[high - 1];
    kept.delete(culprit);
    leaveOut(culprit, failure.error);
  }
}

function failureOf(build: () => ProjectModel): { model: ProjectModel } | { error: Error } {
  try {
    return { model: build() };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}
