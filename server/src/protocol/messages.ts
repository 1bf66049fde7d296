// Stackscope's own messages between the language server and the VS Code client. Shared by both
// bundles, so it holds names and types only.
import type { FindingCounts, JsonProjectModel } from './model-json';

export type { FindingCounts } from './model-json';

/** Request: the project model of every workspace folder, for the explorer. */
export const MODEL_REQUEST = 'stackscope/model';
/** Request: forget every file and scan the workspace again. */
export const RESCAN_REQUEST = 'stackscope/rescan';
/** Notification (server → client) after every analysis: the views and the status bar refresh. */
export const DID_ANALYZE_NOTIFICATION = 'stackscope/didAnalyze';
/** Notification (server → client) while a scan reads the workspace's files, a few times a second: the status bar shows "scanning n/N". */
export const SCAN_PROGRESS_NOTIFICATION = 'stackscope/scanProgress';
/** Client command a code lens runs: `(uri, position, locations)` in LSP shapes, shown in a peek view. */
export const SHOW_PLACES_COMMAND = 'stackscope.showPlaces';

export interface FolderModel {
  /** The workspace folder's file system path; the model's `file` fields are relative to it. */
  folder: string;
  model: JsonProjectModel;
}

export interface ModelResponse {
  folders: FolderModel[];
}

export interface DidAnalyzeParams {
  /** Files analysed across all folders. */
  files: number;
  counts: FindingCounts;
  /** How long the analysis that triggered this took. */
  millis: number;
}

export interface ScanProgressParams {
  /** The workspace folder's name. */
  folder: string;
  /** Files parsed so far, out of `total` in that folder. */
  done: number;
  total: number;
}
