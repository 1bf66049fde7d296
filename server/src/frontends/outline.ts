// A file's outline (classes, functions, methods), built from the definitions a frontend's one walk
// meets in document order: the definitions still open when a new one starts are its parents, so
// qualified names need no second walk and no parent pointers.
import { rangeContains } from '../model/ranges';
import type { Range, SymbolDecl } from '../model/types';

export class Outline {
  readonly symbols: SymbolDecl[] = [];
  private readonly open: SymbolDecl[] = [];

  /** Adds a definition met after every definition that starts before it. A function directly in a class is a method. */
  add(name: string, kind: SymbolDecl['kind'], range: Range): void {
    while (this.open.length > 0 && !rangeContains(this.open[this.open.length - 1].range, range)) this.open.pop();
    const parent = this.open[this.open.length - 1];
    const symbol: SymbolDecl = {
      name: parent ? `${parent.name}.${name}` : name,
      kind: kind === 'function' && parent?.kind === 'class' ? 'method' : kind,
      range,
    };
    this.symbols.push(symbol);
    this.open.push(symbol);
  }
}
