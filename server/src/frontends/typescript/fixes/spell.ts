// How TypeScript and JavaScript write the values a fix sets.
import type { NewValue } from '../../../model/fix-plans';

const TYPESCRIPT = ['.ts', '.tsx', '.mts', '.cts'];

/** The value as source of `file`: `process.env.NAME!` in TypeScript (options are typed `string`), without `!` in JavaScript. */
export function spellTypescript(value: NewValue, file: string): string {
  switch (value.kind) {
    case 'bool':
      return String(value.value);
    case 'number':
      return String(value.value);
    case 'string':
      return `'${value.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'none':
      return 'undefined';
    case 'env': {
      const typescript = TYPESCRIPT.some((extension) => file.endsWith(extension));
      const read = value.flag ? `process.env.${value.name} === '1'` : `process.env.${value.name}${typescript ? '!' : ''}`;
      return value.list ? `[${read}]` : read;
    }
    case 'list':
      return `[${value.items.map((item) => spellTypescript(item, file)).join(', ')}]`;
    case 'attribute':
      return value.path.join('.');
    case 'object':
      return value.entries.length
        ? `{ ${value.entries.map((entry) => `${entry.key}: ${spellTypescript(entry.value, file)}`).join(', ')} }`
        : '{}';
  }
}
