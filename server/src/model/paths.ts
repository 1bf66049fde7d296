import { sep } from 'node:path';

/** A path with `/` separators, as every output a person or a tool reads shows it. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
