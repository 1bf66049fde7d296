import { Project, type Node, type SourceFile, type ts } from 'ts-morph';
import type { Location, Position, Range } from '../../../model/types';

// An in-memory project holds the files being read: no analysis ever reads the disk, resolves imports
// or builds a type checker. Removing a file from a project makes ts-morph forget every wrapper it made
// for it, one by one, which costs as much as parsing; so files stay, and the whole project is dropped
// (to the garbage collector) every FILES_PER_PROJECT files, which keeps memory flat.
const FILES_PER_PROJECT = 100;
let project: Project | undefined;
/** The files in `project`: one read again (an edit) gets a fresh project, never an update of its old tree. */
const filesInProject = new Set<string>();

function projectFor(file: string): Project {
  if (!project || filesInProject.size >= FILES_PER_PROJECT || filesInProject.has(file)) {
    project = new Project({
      useInMemoryFileSystem: true,
      skipFileDependencyResolution: true,
      compilerOptions: { allowJs: true, experimentalDecorators: true },
    });
    filesInProject.clear();
  }
  filesInProject.add(file);
  return project;
}

/** Parses `text` as `file` and hands the tree to `read`. */
export function withSourceFile<T>(file: string, text: string, read: (source: SourceFile) => T): T {
  return read(projectFor(file).createSourceFile(file, text, { overwrite: true }));
}

/** Turns parser offsets into the model's 0-based line / UTF-16 character positions for one file. */
export class Locator {
  private readonly tree: ts.SourceFile;

  constructor(
    readonly file: string,
    source: SourceFile,
  ) {
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
