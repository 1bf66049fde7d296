// One Analyzer per workspace folder. A file belongs to the innermost folder that contains it.
import { sep } from 'node:path';
import { Analyzer } from '../workspace/analyzer';
import { type Config, type LocatedConfigProblem, loadConfig, mergeConfig } from '../workspace/config';

export interface Folder {
  uri: string;
  path: string;
  analyzer: Analyzer;
  /** The mistakes in the folder's stackscope.json when it was last read. */
  configProblems: LocatedConfigProblem[];
}

export class Folders {
  private folders: Folder[] = [];

  constructor(private readonly log: (message: string) => void) {}

  all(): readonly Folder[] {
    return this.folders;
  }

  add(uri: string, path: string): Folder {
    const folder: Folder = { uri, path, analyzer: new Analyzer(path, { log: this.log, trace: this.log }), configProblems: [] };
    this.folders.push(folder);
    // Innermost first, so nested folders win in `folderOf`.
    this.folders.sort((a, b) => b.path.length - a.path.length);
    return folder;
  }

  /** Fresh analyzers for every folder (a full rescan forgets deleted files and stale facts). */
  reset(): readonly Folder[] {
    for (const folder of this.folders)
      folder.analyzer = new Analyzer(folder.path, { log: this.log, trace: this.log, config: folder.analyzer.config });
    return this.folders;
  }

  remove(uri: string): void {
    this.folders = this.folders.filter((folder) => folder.uri !== uri);
  }

  folderOf(file: string): Folder | undefined {
    return this.folders.find(
      (folder) => file === folder.path || file.startsWith(folder.path.endsWith(sep) ? folder.path : folder.path + sep),
    );
  }

  /** stackscope.json (what of it is valid) merged with the editor's settings; returns the file's mistakes. */
  configure(folder: Folder, editor: Partial<Config>): LocatedConfigProblem[] {
    const { config, problems } = loadConfig(folder.path);
    folder.analyzer.setConfig(mergeConfig(config, editor));
    folder.configProblems = problems;
    return problems;
  }
}
