// What the status bar item says, apart from the item itself so it can be checked without an editor.
// Its counts are the Problems panel's: errors, warnings and infos; hints are shown in the editor
// only (VS Code's panel and its own status bar count none), so they are not added to the infos.
import type { DidAnalyzeParams, ScanProgressParams } from '../../server/src/protocol/messages';
import { plural } from './views/row';

export interface StatusText {
  text: string;
  tooltip: string;
}

export function countsStatus({ counts, files, millis }: DidAnalyzeParams): StatusText {
  const parts = [`$(error) ${counts.error}`, `$(warning) ${counts.warning}`];
  if (counts.info > 0) parts.push(`$(info) ${counts.info}`);
  const hints = counts.hint > 0 ? `; and ${plural(counts.hint, 'hint')}, shown in the editor only` : '';
  return {
    text: `Stackscope ${parts.join(' ')}`,
    tooltip: `Stackscope: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')} in ${plural(files, 'file')}${hints} (last analysis ${millis} ms). Click for the Problems panel.`,
  };
}

export function scanningStatus({ folder, done, total }: ScanProgressParams): StatusText {
  return {
    text: `$(loading~spin) Stackscope scanning ${done}/${total}`,
    tooltip: `Stackscope is reading ${folder}: ${done} of ${plural(total, 'file')}`,
  };
}
