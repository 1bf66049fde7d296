import { inheritAbstractFields } from './django/inheritance';
import { linkReceivers } from './django/receivers';
import { linkDeferredLoops } from './django/handoffs';
import { djangoModels } from './django/relations';
import { linkSerializedLoops } from './django/serialized-loops';
import { linkTemplateLoops } from './django/templates';
import { linkFastifyPlugins } from './fastify-tree';
import { linkNestChains } from './nest-chains';
import { linkMiddlewareChains, MiddlewareHelpers } from './middleware-links';
import { linkModelDatabases } from './model-databases';
import { linkPrismaSchemas } from './prisma-schemas';
import { linkSequelizeModels } from './sequelize-links';
import { linkSessionOptions } from './session-links';
import type { FileFacts, ProjectModel, SettingsModule } from './types';

/** Assembles the project model from every file's facts. Cheap: no parsing happens here. */
export function buildProjectModel(root: string, files: Map<string, FileFacts>, queryFunctions: readonly string[] = []): ProjectModel {
  const model: ProjectModel = { root, files, models: [], signals: [], middleware: [], settings: new Map(), sessions: [], queries: [], queryLoops: [], views: [], cookieWrites: [], signalSources: [], managerClasses: new Map(), perRowQueries: [], perRowLoads: [], columnUsages: [], databases: [], queryFunctions: [...queryFunctions] };
  for (const facts of files.values()) {
    model.models.push(...facts.models);
    model.signals.push(...facts.signals);
    model.middleware.push(...facts.middleware);
    model.sessions.push(...facts.sessions);
    model.queries.push(...(facts.queries ?? []));
    model.queryLoops.push(...(facts.queryLoops ?? []));
    model.views.push(...(facts.views ?? []));
    model.cookieWrites.push(...(facts.cookieWrites ?? []));
    model.signalSources.push(...(facts.signalSources ?? []));
    for (const manager of facts.managerClasses ?? []) model.managerClasses.set(manager.name, manager.calls);
    model.perRowQueries.push(...(facts.perRowQueries ?? []));
    model.perRowLoads.push(...(facts.perRowLoads ?? []));
    model.columnUsages.push(...(facts.columnUsages ?? []));
    model.databases.push(...(facts.databases ?? []));
    if (facts.settings) model.settings.set(facts.file, facts.settings as SettingsModule);
  }
  // Cross-file facts: what one file cannot know about itself.
  model.models = linkSequelizeModels(inheritAbstractFields(model.models), files);
  const prisma = linkPrismaSchemas(model.models, files);
  model.models = prisma.models;
  model.prismaSchemas = prisma.schemas;
  model.models = linkModelDatabases(model.models, files, model.settings.values(), prisma.schemas);
  model.signals = linkReceivers(model.signals, files);
  const helpers = new MiddlewareHelpers(files);
  model.middleware = linkMiddlewareChains(model.middleware, files, helpers);
  model.sessions = linkSessionOptions(model.sessions, files);
  model.middleware = linkNestChains(linkFastifyPlugins(model.middleware, files, helpers), files);
  model.queryLoops.push(...linkTemplateLoops(files), ...linkDeferredLoops(files));
  if (model.models.some((m) => m.stack === 'django')) model.queryLoops.push(...linkSerializedLoops(files, djangoModels(model)));
  return model;
}
