import { Node, SyntaxKind, type ClassDeclaration } from 'ts-morph';
import type { SignalDecl } from '../../../model/types';
import { unwrap, type ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { typeormDecorators } from './typeorm-decorators';

/** Entity listener decorators (TypeORM docs, listeners-and-subscribers). */
const LISTENERS = new Set([
  'AfterLoad',
  'BeforeInsert',
  'AfterInsert',
  'BeforeUpdate',
  'AfterUpdate',
  'BeforeRemove',
  'AfterRemove',
  'BeforeSoftRemove',
  'AfterSoftRemove',
  'BeforeRecover',
  'AfterRecover',
]);

/** EntitySubscriberInterface methods. */
const SUBSCRIBER_HOOKS = new Set([
  'afterLoad',
  'beforeQuery',
  'afterQuery',
  'beforeInsert',
  'afterInsert',
  'beforeUpdate',
  'afterUpdate',
  'beforeRemove',
  'afterRemove',
  'beforeSoftRemove',
  'afterSoftRemove',
  'beforeRecover',
  'afterRecover',
  'beforeTransactionStart',
  'afterTransactionStart',
  'beforeTransactionCommit',
  'afterTransactionCommit',
  'beforeTransactionRollback',
  'afterTransactionRollback',
]);

/** Entity listener methods and `@EventSubscriber()` hooks. */
export function extractTypeormSignals(index: NodeIndex, imports: ImportTable, locator: Locator): SignalDecl[] {
  const signals: SignalDecl[] = [];
  for (const cls of index.of(SyntaxKind.ClassDeclaration)) {
    const className = cls.getName() ?? 'default';
    const isSubscriber = typeormDecorators(cls, imports).some((d) => d.name === 'EventSubscriber');
    const sender = isSubscriber ? listenedEntity(cls) : className;
    for (const method of cls.getMethods()) {
      const handler = `${className}.${method.getName()}`;
      const location = locator.of(method.getNameNode());
      if (isSubscriber) {
        if (SUBSCRIBER_HOOKS.has(method.getName())) {
          signals.push({ signal: method.getName(), ...(sender ? { sender } : {}), handler, stack: 'typeorm', location });
        }
        continue;
      }
      for (const decorator of typeormDecorators(method, imports)) {
        if (LISTENERS.has(decorator.name)) signals.push({ signal: decorator.name, sender, handler, stack: 'typeorm', location });
      }
    }
  }
  return signals;
}

/** The entity `listenTo()` returns; undefined means the subscriber hears every entity. */
function listenedEntity(cls: ClassDeclaration): string | undefined {
  const listenTo = cls.getMethod('listenTo');
  const body = listenTo?.getBody();
  if (!body || !Node.isBlock(body)) return undefined;
  const returned = body.getStatements().find((s) => Node.isReturnStatement(s));
  const value = returned && Node.isReturnStatement(returned) ? returned.getExpression() : undefined;
  const unwrapped = value ? unwrap(value) : undefined;
  if (!unwrapped) return undefined;
  if (Node.isIdentifier(unwrapped)) return unwrapped.getText();
  if (Node.isStringLiteral(unwrapped)) return unwrapped.getLiteralValue();
  return undefined;
}
