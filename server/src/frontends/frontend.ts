import type { Change } from '../model/fix-plans';
import type { FileFacts, Language, ProjectModel, TextEdit } from '../model/types';

/** How a language writes a line comment, for suppression comments the editor inserts. */
export interface CommentSyntax {
  /** `# ` (Python), `// ` (TypeScript), `{# ` (Django templates). */
  start: string;
  /** ` #}` for template comments; empty for line comments. */
  end: string;
  /** How a suppression of `ids` is written inside the comment. */
  suppression(ids: readonly string[]): string;
}

/** One language's parser, fact extractor and fix writer. Frontends know syntax, never rules. */
export interface Frontend {
  language: Language;
  /** Glob patterns of the files it reads, for the client's file watcher and document selector. */
  globs: readonly string[];
  /** File names this frontend reads (by extension or exact name). */
  handles(file: string): boolean;
  /** How suppression comments are written in its files; absent for files that cannot hold comments. */
  comments?: CommentSyntax;
  /** The encoding a file declares in its first bytes (read as Latin-1), for languages that have such a comment. */
  declaredEncoding?(head: string): string | undefined;
  /** Loads parsers (wasm grammars); called once before the first `analyze`. */
  init(): Promise<void>;
  /** Parses one file and extracts its facts. Must not throw on malformed input: report problems instead. */
  analyze(file: string, text: string): FileFacts;
  /**
   * The project-wide link phase: what one file cannot know about itself (a base class in another file,
   * a router mounted elsewhere), filled into the model once every file's facts are gathered.
   */
  link?(model: ProjectModel): void;
  /**
   * Turns one change of a fix plan into edits of a file it reads, or refuses it (undefined) when it
   * cannot write it safely: the fix is then not offered.
   */
  writeChange?(change: Change, model: ProjectModel): TextEdit[] | undefined;
}

export function emptyFacts(file: string, language: Language): FileFacts {
  return { file, language, problems: [], comments: [], models: [], signals: [], middleware: [], sessions: [] };
}

/** `# stackscope: ignore[a, b]`-style suppressions (Python and Django templates). */
export const bracketSuppression = (ids: readonly string[]) => `stackscope: ignore[${ids.join(', ')}]`;
