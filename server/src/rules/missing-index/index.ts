import { defineRule } from '../rule';
import { emulatedRelation } from './checks/emulated-relation';
import { filteredColumn } from './checks/filtered-column';
import { foreignKey } from './checks/foreign-key';
import { sortedColumn } from './checks/sorted-column';
import { unservableLookup } from './checks/unservable-lookup';
import { checkDjangoIndexes } from './django';
import { checkDrizzleForeignKeys } from './drizzle';
import { checkMikroOrmForeignKeys } from './mikro-orm';
import { checkPrismaForeignKeys } from './prisma';
import { checkSequelizeForeignKeys } from './sequelize';
import { checkTypescriptColumns } from './ts-columns';
import { checkTypeormForeignKeys } from './typeorm';

/**
 * Columns that queries filter or sort on, and foreign keys, that no index leads with: Django querysets and
 * Meta.ordering, TypeORM, Prisma, Sequelize and Mongoose queries, and the relations of TypeORM, Prisma,
 * Sequelize, MikroORM and Drizzle models on databases that do not index foreign keys themselves.
 */
export const missingIndex = defineRule({
  id: 'missing-index',
  summary: 'A field that queries filter or sort on, with no index that leads with it.',
  checks: [filteredColumn, sortedColumn, unservableLookup, foreignKey, emulatedRelation],
  // The code lens above each model counts these on its fields.
  lens: { one: 'unindexed filter', many: 'unindexed filters' },
  run(model, report) {
    checkDjangoIndexes(model, report);
    checkTypeormForeignKeys(model, report);
    checkPrismaForeignKeys(model, report);
    checkTypescriptColumns(model, report);
    checkSequelizeForeignKeys(model, report);
    checkDrizzleForeignKeys(model, report);
    checkMikroOrmForeignKeys(model, report);
  },
});
