// Events as signals: NestJS `@OnEvent('order.created')` handlers and the `emit('order.created')` calls
// that fire them, and Node EventEmitter `on`/`once` listeners with their `emit` sites, matched by
// event name in the Signals view.
import { Node, SyntaxKind } from 'ts-morph';
import type { SignalDecl, SignalSource } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

const LISTEN = new Set(['on', 'once', 'addListener']);
const EMIT = new Set(['emit', 'emitAsync']);

export function extractEventSignals(index: NodeIndex, locator: Locator): { handlers: SignalDecl[]; sources: SignalSource[] } {
  const handlers: SignalDecl[] = [];
  const sources: SignalSource[] = [];
  for (const cls of index.of(SyntaxKind.ClassDeclaration)) {
    for (const method of cls.getMethods()) {
      for (const decorator of method.getDecorators()) {
        const event = decorator.getName() === 'OnEvent' ? decorator.getArguments()[0] : undefined;
        if (event && (Node.isStringLiteral(event) || Node.isNoSubstitutionTemplateLiteral(event))) {
          handlers.push({
            signal: event.getLiteralValue(),
            handler: `${cls.getName() ?? 'class'}.${method.getName()}`,
            stack: 'nest',
            location: locator.of(method.getNameNode()),
          });
        }
      }
    }
  }
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const event = call.getArguments()[0];
    if (!Node.isPropertyAccessExpression(callee) || !event || !(Node.isStringLiteral(event) || Node.isNoSubstitutionTemplateLiteral(event)))
      continue;
    const name = event.getLiteralValue();
    // Emitters, not streams or sockets: a listener needs a handler argument, an emitter a receiver that says so.
    const receiver = callee.getExpression().getText();
    if (LISTEN.has(callee.getName()) && call.getArguments().length === 2 && /emitter|events|bus/i.test(receiver)) {
      const handler = call.getArguments()[1];
      handlers.push({
        signal: name,
        handler: Node.isIdentifier(handler) || Node.isPropertyAccessExpression(handler) ? handler.getText() : '(inline handler)',
        stack: 'nest',
        location: locator.of(call),
      });
    } else if (EMIT.has(callee.getName()) && /emitter|events|bus/i.test(receiver)) {
      sources.push({ signal: name, kind: 'send', stack: 'nest', location: locator.of(call) });
    }
  }
  return { handlers, sources };
}
