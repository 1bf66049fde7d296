// The README's table of the default contexts, generated from DEFAULT_CONTEXTS by `npm run docs`, so
// the documented defaults are the ones the analyzer applies.
import { DEFAULT_CONTEXTS } from './contexts';

export function contextsTable(): string {
  const rows = DEFAULT_CONTEXTS.map((context) => {
    const settings = Object.entries(context.rules).map(([id, setting]) => `\`${id}\` ${setting}`);
    const applies = [...settings, context.evidence ? 'its queries are index evidence' : 'no index evidence'].join('; ');
    return `| \`${context.name}\` | ${context.description} | ${context.files.map((glob) => `\`${glob}\``).join(', ')} | ${applies} |`;
  });
  return ['| context | what | files (globs, relative to the workspace root) | in it |', '|---|---|---|---|', ...rows].join('\n');
}
