// The TypeScript frontend's project-wide link phase: Sequelize associations across files, middleware
// chains through setup helpers and mounted routers, session options imported from other files, Fastify's
// encapsulation tree, NestJS's stages, and the calls made per element of a loop that reach a query.
import type { ProjectModel } from '../../../model/types';
import { linkLoopCalls } from './call-graph';
import { linkFastifyPlugins } from './fastify-tree';
import { linkMiddlewareChains, MiddlewareHelpers } from './middleware-links';
import { linkNestChains } from './nest-chains';
import { linkSequelizeModels } from './sequelize-links';
import { linkSessionOptions } from './session-links';

export function linkTypescript(model: ProjectModel): void {
  model.models = linkSequelizeModels(model.models, model.files);
  const helpers = new MiddlewareHelpers(model.files);
  model.middleware = linkMiddlewareChains(model.middleware, model.files, helpers);
  model.sessions = linkSessionOptions(model.sessions, model.files);
  model.middleware = linkNestChains(linkFastifyPlugins(model.middleware, model.files, helpers), model.files);
  model.loopCalls.push(...linkLoopCalls(model));
}
