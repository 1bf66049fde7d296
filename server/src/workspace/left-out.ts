// The sentence the CLI and the language server's log say about what the contexts left out.
import type { Analyzer } from './analyzer';

/** One line per context that left findings out: `left out 39 findings in test code (n-plus-one/…: 39); …`. */
export function leftOutLines(analyzer: Analyzer): string[] {
  return analyzer.leftOut().map(({ context, checks }) => {
    const total = [...checks.values()].reduce((sum, n) => sum + n, 0);
    const each = [...checks].map(([check, n]) => `${check}: ${n}`).join(', ');
    return `left out ${total} finding${total === 1 ? '' : 's'} in ${context.description} (context "${context.name}": ${each}); "contexts" in stackscope.json changes this`;
  });
}
