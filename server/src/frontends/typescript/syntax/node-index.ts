import { ts, type KindToNodeMappings, type Node, type SourceFile, type SyntaxKind } from 'ts-morph';

/**
 * The file's nodes of a few kinds, in document order, found in one pass over the compiler tree.
 * ts-morph's getDescendantsOfKind nests one generator per tree level, which makes long expression
 * chains (generated code, big string concatenations) quadratic; this walk is linear and iterative.
 */
export class NodeIndex {
  private readonly byKind = new Map<SyntaxKind, ts.Node[]>();
  /** Wrapped once per kind: most extractors ask for the file's calls, and each wrapper lookup costs. */
  private readonly wrappedByKind = new Map<SyntaxKind, Node[]>();

  constructor(private readonly source: SourceFile, kinds: readonly SyntaxKind[]) {
    for (const kind of kinds) this.byKind.set(kind, []);
    const stack: ts.Node[] = [source.compilerNode];
    while (stack.length > 0) {
      const node = stack.pop() as ts.Node;
      this.byKind.get(node.kind)?.push(node);
      const children: ts.Node[] = [];
      ts.forEachChild(node, (child) => {
        children.push(child);
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  of<K extends SyntaxKind>(kind: K): KindToNodeMappings[K][] {
    let wrapped = this.wrappedByKind.get(kind);
    if (!wrapped) {
      wrapped = this.compilerNodes(kind).map((node) => this.wrap(node));
      this.wrappedByKind.set(kind, wrapped);
    }
    // A copy: callers may sort or filter in place.
    return wrapped.slice() as KindToNodeMappings[K][];
  }

  /** The compiler's own nodes, for readers of many nodes that need no ts-morph wrapper (wrapping costs). */
  compilerNodes(kind: SyntaxKind): readonly ts.Node[] {
    const nodes = this.byKind.get(kind);
    if (!nodes) throw new Error(`NodeIndex was not built for kind ${kind}`);
    return nodes;
  }

  private wrap(node: ts.Node): Node {
    // The wrapper factory ts-morph itself uses for search results; it is not in the public typings.
    return (this.source as unknown as { _getNodeFromCompilerNode(node: ts.Node): Node })._getNodeFromCompilerNode(node);
  }
}
