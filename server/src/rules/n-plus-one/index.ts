import { defineRule } from '../rule';
import { associationGetter } from './checks/association-getter';
import { djangoDeferredField } from './checks/django-deferred-field';
import { djangoFkId } from './checks/django-fk-id';
import { djangoForwardFk } from './checks/django-forward-fk';
import { djangoPrefetchBypassed } from './checks/django-prefetch-bypassed';
import { djangoPrefetchOnlyKey } from './checks/django-prefetch-only-key';
import { djangoReverseManager } from './checks/django-reverse-manager';
import { lazyRelation } from './checks/lazy-relation';
import { populatePerRow } from './checks/populate-per-row';
import { queryHelperPerRow } from './checks/query-helper-per-row';
import { queryPerRow } from './checks/query-per-row';
import { transactionPerRow } from './checks/transaction-per-row';
import { checkDjangoLoops } from './django';
import { checkDrizzleLoops } from './drizzle';
import { checkHelperCalls } from './helpers';
import { checkMikroOrmLoops } from './mikro-orm';
import { checkMongooseLoops } from './mongoose';
import { checkPrismaLoops } from './prisma';
import { checkSequelizeLoops } from './sequelize';
import { checkTypeormLoops } from './typeorm';

/**
 * Queries that run once per row: Django loops over querysets (statements, comprehensions, templates, DRF
 * serializers, the admin changelist) and TypeScript ORM reads inside loops, directly or through a helper.
 */
export const nPlusOne = defineRule({
  id: 'n-plus-one',
  summary: 'A query that runs once per row of a loop instead of once for all rows.',
  checks: [
    djangoForwardFk,
    djangoFkId,
    djangoReverseManager,
    djangoPrefetchBypassed,
    djangoPrefetchOnlyKey,
    djangoDeferredField,
    queryPerRow,
    lazyRelation,
    associationGetter,
    populatePerRow,
    transactionPerRow,
    queryHelperPerRow,
  ],
  run(model, report) {
    checkDjangoLoops(model, report);
    checkTypeormLoops(model, report);
    checkPrismaLoops(model, report);
    checkSequelizeLoops(model, report);
    checkDrizzleLoops(model, report);
    checkMongooseLoops(model, report);
    checkMikroOrmLoops(model, report);
    checkHelperCalls(model, report);
  },
});
