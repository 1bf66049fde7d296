import type { Frontend } from '../frontend';
import { emptyFacts } from '../frontend';

// Placeholder until the ts-morph based frontend lands.
export const typescriptFrontend: Frontend = {
  language: 'typescript',
  handles: (file) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file) && !file.endsWith('.d.ts'),
  init: async () => {},
  analyze: (file) => emptyFacts(file, 'typescript'),
};
