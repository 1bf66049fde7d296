import type { Finding, ProjectModel } from '../../model/types';
import { checkMissingMiddleware } from './django-missing';
import { checkOrderPairs } from './django-order';
import { checkPlacement } from './django-placement';

/** Django MIDDLEWARE lists: the documented order, the placement of SecurityMiddleware and the fallbacks, and what is missing. */
export function checkDjangoMiddleware(model: ProjectModel): Finding[] {
  const chains = model.middleware.filter((chain) => chain.stack === 'django');
  return [...chains.flatMap((chain) => [...checkOrderPairs(model, chain), ...checkPlacement(model, chain)]), ...checkMissingMiddleware(model)];
}
