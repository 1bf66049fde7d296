import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { checkMissingMiddleware } from './django-missing';
import { checkOrderPairs } from './django-order';
import { checkPlacement } from './django-placement';

/** Django MIDDLEWARE lists: the documented order, the placement of SecurityMiddleware and the fallbacks, and what is missing. */
export function checkDjangoMiddleware(model: ProjectModel, report: Report): void {
  for (const chain of model.middleware.filter((c) => c.stack === 'django')) {
    checkOrderPairs(model, chain, report);
    checkPlacement(model, chain, report);
  }
  checkMissingMiddleware(model, report);
}
