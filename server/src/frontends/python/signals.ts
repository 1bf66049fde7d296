// Django receivers: `@receiver(post_save, sender=Book)` (one signal or a list) and
// `post_save.connect(handler, sender=Book)`. Whether they fire depends on imports: linked later.
import type { Node } from 'web-tree-sitter';
import type { SignalDecl, SignalSource } from '../../model/types';
import { callParts, lastSegment, locationOf, namedChildren } from './syntax';

/** Django's own signals (models, requests, auth, migrations, test, database wrappers). */
const BUILT_IN_SIGNALS = new Set([
  'pre_init',
  'post_init',
  'pre_save',
  'post_save',
  'pre_delete',
  'post_delete',
  'm2m_changed',
  'class_prepared',
  'pre_migrate',
  'post_migrate',
  'request_started',
  'request_finished',
  'got_request_exception',
  'user_logged_in',
  'user_logged_out',
  'user_login_failed',
  'setting_changed',
  'template_rendered',
  'connection_created',
]);

export function readReceiverDecorators(definition: Node, file: string): SignalDecl[] {
  if (definition.type !== 'decorated_definition') return [];
  const fn = definition.childForFieldName('definition');
  const handlerName = fn?.childForFieldName('name');
  if (!fn || fn.type !== 'function_definition' || !handlerName) return [];
  return namedChildren(definition)
    .filter((child) => child.type === 'decorator')
    .flatMap((decorator) => {
      const call = namedChildren(decorator).find((child) => child.type === 'call');
      if (!call) return [];
      const { callee, positional, keywords } = callParts(call);
      if (!callee || lastSegment(callee) !== 'receiver' || positional.length === 0) return [];
      const sender = keywords.get('sender')?.text;
      return signalNames(positional[0]).map((signal) => ({
        signal,
        ...(sender ? { sender } : {}),
        handler: handlerName.text,
        stack: 'django' as const,
        location: locationOf(file, handlerName),
      }));
    });
}

export function readConnectCall(call: Node, file: string): SignalDecl | undefined {
  if (call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'connect') return undefined;
  const signalNode = fn.childForFieldName('object');
  const { positional, keywords } = callParts(call);
  const handler = positional[0] ?? keywords.get('receiver');
  if (!signalNode || !handler) return undefined;
  // `psycopg2.connect(dsn)` and `socket.connect(address)` are not signals.
  if (!BUILT_IN_SIGNALS.has(lastSegment(signalNode.text)) && !keywords.has('sender') && !keywords.has('dispatch_uid')) return undefined;
  const sender = keywords.get('sender')?.text;
  return {
    signal: lastSegment(signalNode.text),
    ...(sender ? { sender } : {}),
    handler: handler.text,
    stack: 'django',
    location: locationOf(file, call),
  };
}

function signalNames(node: Node): string[] {
  if (node.type === 'list' || node.type === 'tuple') return namedChildren(node).flatMap(signalNames);
  if (node.type === 'identifier' || node.type === 'attribute') return [lastSegment(node.text)];
  return [];
}

/** `order_paid = Signal()` (module level): a project-defined signal. */
export function readSignalDefinition(target: Node, value: Node, file: string): SignalSource | undefined {
  if (target.type !== 'identifier' || value.type !== 'call') return undefined;
  const { callee } = callParts(value);
  return callee && lastSegment(callee) === 'Signal'
    ? { signal: target.text, kind: 'definition', stack: 'django', location: locationOf(file, target) }
    : undefined;
}

/** `order_paid.send(sender=Order, ...)`: Django signals are always sent with a sender, which tells them from socket.send(). */
export function readSignalSend(call: Node, file: string): SignalSource | undefined {
  const fn = call.childForFieldName('function');
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const signal = fn?.childForFieldName('object');
  if ((method !== 'send' && method !== 'send_robust') || !signal) return undefined;
  const { keywords } = callParts(call);
  if (!keywords.has('sender') && !BUILT_IN_SIGNALS.has(lastSegment(signal.text))) return undefined;
  return { signal: lastSegment(signal.text), kind: 'send', stack: 'django', location: locationOf(file, call) };
}
