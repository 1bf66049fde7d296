// TypeORM's DefaultNamingStrategy, for the names it derives when none is given
// (typeorm src/naming-strategy/DefaultNamingStrategy.ts, src/util/StringUtils.ts).

/** `tableName`: the class name in snake_case (`UserProfile` → `user_profile`). */
export function defaultTableName(className: string): string {
  return className
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** `joinColumnName`: camelCase(relation + '_' + referenced column), e.g. `author` → `authorId`. */
export function defaultJoinColumnName(relationName: string, referencedColumnName = 'id'): string {
  return `${relationName}_${referencedColumnName}`.replace(
    /^([A-Z])|[\s-_](\w)/g,
    (_match, first: string | undefined, next: string | undefined) => (next ? next.toUpperCase() : (first ?? '').toLowerCase()),
  );
}
