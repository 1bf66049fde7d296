import { ts, type KindToNodeMappings, type Node, type SourceFile, type SyntaxKind } from 'ts-morph';

/**
 * How deep below the file a node is still read. Written code nests a few dozen levels; a chain of a
 * hundred method calls is about three hundred. Deeper is generated code (a chain of 100,000 calls, a
 * line of 400,000 `+`): no finding comes from it, and every extractor's walk up from a node it was
 * given stays short, so the cost of a file stays linear in its size.
 */
export const MAX_NODE_DEPTH = 400;

/**
 * The longest chain (`a.b.c`, `q.where().where()`) an extractor walks down from a node it was given:
 * starting from each of the nodes above MAX_NODE_DEPTH, walks past it would cost the square of a
 * generated chain. Past it, the chain is not read as one.
 */
export const MAX_CHAIN = 200;

/**
 * The file's nodes of a few kinds, in document order, found in one pass over the compiler tree.
 * ts-morph's getDescendantsOfKind nests one generator per tree level, which makes long expression
 * chains (generated code, big string concatenations) quadratic; this walk is linear and iterative.
 */
export class NodeIndex {
  private readonly byKind = new Map<SyntaxKind, ts.Node[]>();
  private readonly wrapped = new Map<SyntaxKind, Node[]>();
  /** The first node whose subtree was left out for being deeper than MAX_NODE_DEPTH. */
  readonly tooDeep?: ts.Node;

  constructor(
    private readonly source: SourceFile,
    kinds: readonly SyntaxKind[],
  ) {
    for (const kind of kinds) this.byKind.set(kind, []);
    const stack: [ts.Node, number][] = [[source.compilerNode, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop() as [ts.Node, number];
      this.byKind.get(node.kind)?.push(node);
      const children: ts.Node[] = [];
      ts.forEachChild(node, (child) => {
        children.push(child);
      });
      if (children.length > 0 && depth === MAX_NODE_DEPTH) {
        this.tooDeep ??= node;
        continue;
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
    }
  }

  of<K extends SyntaxKind>(kind: K): KindToNodeMappings[K][] {
    let nodes = this.wrapped.get(kind);
    if (!nodes) {
      // Wrapped once: each extractor asks for the same calls, and ts-morph keeps every wrapper it makes until the file is removed.
      nodes = this.compilerNodes(kind).map((node) => this.wrap(node));
      this.wrapped.set(kind, nodes);
    }
    return [...nodes] as KindToNodeMappings[K][];
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

/**
 * `node`'s descendants in document order, no deeper than MAX_NODE_DEPTH below it: ts-morph's
 * getDescendants and getDescendantsOfKind, without their generator per level (quadratic on long
 * chains, and a stack overflow past a few thousand levels).
 */
export function descendantsOf(node: Node, kind?: SyntaxKind): Node[] {
  const found: Node[] = [];
  const stack: [ts.Node, number][] = [];
  const pushChildren = (parent: ts.Node, depth: number) => {
    const children: ts.Node[] = [];
    ts.forEachChild(parent, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth]);
  };
  pushChildren(node.compilerNode, 1);
  const wrapper = node.getSourceFile() as unknown as { _getNodeFromCompilerNode(node: ts.Node): Node };
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [ts.Node, number];
    if (kind === undefined || current.kind === kind) found.push(wrapper._getNodeFromCompilerNode(current));
    if (depth < MAX_NODE_DEPTH) pushChildren(current, depth + 1);
  }
  return found;
}

/** `node`'s descendants of one kind (see descendantsOf). */
export function descendantsOfKind<K extends SyntaxKind>(node: Node, kind: K): KindToNodeMappings[K][] {
  return descendantsOf(node, kind) as KindToNodeMappings[K][];
}
