import { defineRule } from '../rule';
import { adminMissingMiddleware } from './checks/admin-missing-middleware';
import { afterRoutes } from './checks/after-routes';
import { dependencyOrder } from './checks/dependency-order';
import { documentedOrder } from './checks/documented-order';
import { errorHandlerBeforeRoutes } from './checks/error-handler-before-routes';
import { fallbackNotLast } from './checks/fallback-not-last';
import { guardWithoutSession } from './checks/guard-without-session';
import { koaErrorHandlerNotFirst } from './checks/koa-error-handler-not-first';
import { missingDeployMiddleware } from './checks/missing-deploy-middleware';
import { notInScope } from './checks/not-in-scope';
import { securityNotFirst } from './checks/security-not-first';
import { staticAfterSession } from './checks/static-after-session';
import { trustProxyLate } from './checks/trust-proxy-late';
import { checkDjangoMiddleware } from './django';
import { checkExpressMiddleware } from './express';
import { checkFastifyPlugins } from './fastify';
import { checkKoaMiddleware } from './koa';
import { checkNestMiddleware } from './nest';

/**
 * Middleware chains in the order each framework runs them: Django's MIDDLEWARE, Express app.use chains
 * (through setup functions and mounted routers), Koa, Fastify's encapsulation tree and NestJS's stages.
 */
export const middlewareOrder = defineRule({
  id: 'middleware-order',
  summary: 'Middleware registered in an order that breaks a documented rule.',
  checks: [
    dependencyOrder,
    documentedOrder,
    securityNotFirst,
    fallbackNotLast,
    missingDeployMiddleware,
    adminMissingMiddleware,
    afterRoutes,
    staticAfterSession,
    trustProxyLate,
    errorHandlerBeforeRoutes,
    koaErrorHandlerNotFirst,
    notInScope,
    guardWithoutSession,
  ],
  run(model, report) {
    checkDjangoMiddleware(model, report);
    checkExpressMiddleware(model, report);
    checkKoaMiddleware(model, report);
    checkFastifyPlugins(model, report);
    checkNestMiddleware(model, report);
  },
});
