import type { Location, Stack } from './places';

// Signals: Django receivers, ORM listeners/subscribers/hooks, event handlers.

export interface SignalDecl {
  /** `post_save`, `@BeforeInsert`, `afterCreate`, ... */
  signal: string;
  /** The model or sender the receiver is restricted to, if any. */
  sender?: string;
  /** The handler function or method (`on_book_saved`, `User.hashPassword`). */
  handler: string;
  stack: Stack;
  location: Location;
  /** False when the module that declares it is never imported (the receiver never fires). */
  connected?: boolean;
}

/** Where a signal comes from: its definition (`order_paid = Signal()`) or a place that sends it. */
export interface SignalSource {
  signal: string;
  kind: 'definition' | 'send';
  stack: Stack;
  location: Location;
}
