import type { Location, Position, Stack } from './places';
import type { Value } from './values';

// Request handlers and cookies they set.

/** A view (function or class) and the protections it opts out of. */
export interface ViewDecl {
  name: string;
  stack: Stack;
  location: Location;
  /** Exempted from CSRF protection (`@csrf_exempt`, `method_decorator(csrf_exempt)`). */
  csrfExempt: boolean;
  /** What shows it changes state (`request.method == "POST"`, `.save()`, a `post` method), empty when nothing does. */
  changesState: string[];
  /** What shows it knows its caller by the session cookie (`request.user`, `@login_required`), empty when nothing does. */
  usesSession: string[];
}

/** `response.set_cookie(...)` and the like: a cookie written outside the session machinery. */
export interface CookieWrite {
  method: string;
  /** The cookie's name as written, when it is a literal. */
  name?: string;
  /** The cookie's name as written when it is not a literal (`settings.LANGUAGE_COOKIE_NAME`). */
  nameExpression?: string;
  /** Keyword arguments (`secure`, `httponly`, `samesite`). */
  options: Extract<Value, { kind: 'object' }>;
  location: Location;
  /** Where a keyword argument can be added. */
  argumentInsert?: Position;
}
