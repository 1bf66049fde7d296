import type { FileFacts, Language } from '../model/types';

/** One language's parser and fact extractor. Frontends know syntax, never rules. */
export interface Frontend {
  language: Language;
  /** File names this frontend reads (by extension or exact name). */
  handles(file: string): boolean;
  /** Loads parsers (wasm grammars); called once before the first `analyze`. */
  init(): Promise<void>;
  /** Parses one file and extracts its facts. Must not throw on malformed input: report problems instead. */
  analyze(file: string, text: string): FileFacts;
}

export function emptyFacts(file: string, language: Language): FileFacts {
  return { file, language, problems: [], comments: [], models: [], signals: [], middleware: [], sessions: [] };
}
