import type { Frontend } from '../frontend';
import { emptyFacts } from '../frontend';

// Placeholder until the tree-sitter based frontend lands.
export const pythonFrontend: Frontend = {
  language: 'python',
  handles: (file) => file.endsWith('.py'),
  init: async () => {},
  analyze: (file) => emptyFacts(file, 'python'),
};
