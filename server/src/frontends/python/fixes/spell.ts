// How Python writes the values a fix sets.
import type { NewValue } from '../../../model/fix-plans';

/** The value as Python source, and whether it needs `import os`. */
export function spellPython(value: NewValue): { text: string; needsOs: boolean } {
  switch (value.kind) {
    case 'bool':
      return { text: value.value ? 'True' : 'False', needsOs: false };
    case 'number':
      return { text: String(value.value), needsOs: false };
    case 'string':
      return { text: JSON.stringify(value.value), needsOs: false };
    case 'none':
      return { text: 'None', needsOs: false };
    case 'env': {
      const read = value.flag ? `os.environ.get(${JSON.stringify(value.name)}) == "1"` : `os.environ[${JSON.stringify(value.name)}]`;
      return { text: value.list ? `[${read}]` : read, needsOs: true };
    }
    case 'list': {
      const items = value.items.map(spellPython);
      return { text: `[${items.map((item) => item.text).join(', ')}]`, needsOs: items.some((item) => item.needsOs) };
    }
    case 'attribute':
      return { text: value.path.join('.'), needsOs: false };
    case 'object': {
      const entries = value.entries.map((entry) => ({ key: JSON.stringify(entry.key), value: spellPython(entry.value) }));
      return {
        text: `{${entries.map((entry) => `${entry.key}: ${entry.value.text}`).join(', ')}}`,
        needsOs: entries.some((entry) => entry.value.needsOs),
      };
    }
  }
}
