import type { ModuleReference } from '../syntax/imports';

/** Roles of middleware by the package's main export (any member of it counts too, e.g. `helmet.hsts`). */
const ROLE_OF_PACKAGE: ReadonlyMap<string, string> = new Map([
  ['express-session', 'session'],
  ['cookie-session', 'session'],
  ['body-parser', 'body-parser'],
  ['cookie-parser', 'cookie-parser'],
  ['csurf', 'csrf'],
  ['csrf-csrf', 'csrf'],
  ['helmet', 'helmet'],
  ['cors', 'cors'],
  ['express-rate-limit', 'rate-limit'],
  ['serve-static', 'static'],
  ['koa-session', 'session'],
  ['koa-bodyparser', 'body-parser'],
  ['@koa/bodyparser', 'body-parser'],
  ['koa-body', 'body-parser'],
  ['@koa/cors', 'cors'],
  ['koa-helmet', 'helmet'],
  ['koa-static', 'static'],
  ['koa-ratelimit', 'rate-limit'],
]);

/** Roles of particular exports of packages that export many things. */
const ROLE_OF_EXPORT: ReadonlyMap<string, string> = new Map([
  ['express:static', 'static'],
  ['express:json', 'body-parser'],
  ['express:urlencoded', 'body-parser'],
  ['express:raw', 'body-parser'],
  ['express:text', 'body-parser'],
  ['express:Router', 'routes'],
  ['passport:initialize', 'passport-initialize'],
  ['passport:session', 'passport-session'],
  ['lusca:csrf', 'csrf'],
]);

/** The role of a middleware that comes from a package, when the package is known. */
export function roleOfExport(reference: ModuleReference): string | undefined {
  return ROLE_OF_EXPORT.get(`${reference.module}:${reference.name}`) ?? ROLE_OF_PACKAGE.get(reference.module);
}

/** The role of a middleware known only by its local name: `csrfProtection`, `apiRouter`. */
export function roleOfName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.includes('csrf')) return 'csrf';
  if (lower.endsWith('router') || lower.endsWith('routes')) return 'routes';
  return undefined;
}
