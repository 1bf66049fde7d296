import { fileURLToPath, pathToFileURL } from 'node:url';

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The file system path of a `file:` URI, or undefined for any other scheme (untitled buffers, git views). */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
