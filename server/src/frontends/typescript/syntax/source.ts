import { Project, type Node, type SourceFile, type ts } from 'ts-morph';
import type { Location, Position, Range } from '../../../model/types';

// One long-lived in-memory project: each analysis adds one file and removes it again, so memory stays
// flat and no analysis ever reads the disk, resolves imports or builds a type checker.
let project: Project | undefined;

function sharedProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, experimentalDecorators: true },
  });
  return project;
}

/**
 * Past this size, a new project (a few milliseconds) is cheaper than removing the file from the shared
 * one, which forgets its nodes one by one, each keeping its text, recursing once per level of nesting.
 */
const NEW_PROJECT_ABOVE = 100_000;

/** Parses `text` as `file`, hands the tree to `read`, and always forgets the tree afterwards. */
export function withSourceFile<T>(file: string, text: string, read: (source: SourceFile) => T): T {
  const current = sharedProject();
  const source = current.createSourceFile(file, text, { overwrite: true });
  try {
    return read(source);
  } finally {
    forget(current, source, text.length);
  }
}

function forget(current: Project, source: SourceFile, size: number): void {
  if (size > NEW_PROJECT_ABOVE) {
    project = undefined;
    return;
  }
  try {
    current.removeSourceFile(source);
  } catch {
    // A file nested deeper than the stack (a generated chain) cannot be forgotten node by node: start afresh.
    project = undefined;
  }
}

/** Turns parser offsets into the model's 0-based line / UTF-16 character positions for one file. */
export class Locator {
  private readonly tree: ts.SourceFile;

  constructor(readonly file: string, source: SourceFile) {
    this.tree = source.compilerNode;
  }

  get text(): string {
    return this.tree.text;
  }

  position(offset: number): Position {
    const { line, character } = this.tree.getLineAndCharacterOfPosition(offset);
    return { line, character };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The node without its leading trivia (comments, blank lines). */
  of(node: Node): Location {
    return { file: this.file, range: this.range(node.getStart(), node.getEnd()) };
  }

  /** The whitespace a line starts with. */
  indentOfLine(line: number): string {
    const start = this.tree.getPositionOfLineAndCharacter(line, 0);
    let end = start;
    while (end < this.tree.text.length && (this.tree.text[end] === ' ' || this.tree.text[end] === '\t')) end++;
    return this.tree.text.slice(start, end);
  }
}
