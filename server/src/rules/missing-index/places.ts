// The queries a finding is about: listed in its message, the first few with their file and line, and
// attached as related places.
import { relative } from 'node:path';
import type { Location } from '../../model/types';
import type { RelatedPlace } from '../rule';

const MAX_RELATED = 20;

/** `` `title__icontains` (store/views.py:12), `-rank` (store/views.py:20) and 3 more ``. */
export function listPlaces(root: string, places: readonly { text: string; location: Location }[], max: number): string {
  const listed = places
    .slice(0, max)
    .map((place) => `\`${place.text}\` (${relative(root, place.location.file)}:${place.location.range.start.line + 1})`);
  return listed.join(', ') + (places.length > max ? ` and ${places.length - max} more` : '');
}

export function relatedPlaces<T extends { location: Location }>(usages: readonly T[], message: (usage: T) => string): RelatedPlace[] {
  return usages.slice(0, MAX_RELATED).map((usage) => ({ location: usage.location, message: message(usage) }));
}
