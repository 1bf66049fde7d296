// The Prisma frontend's project-wide link phase: the files of a schema folder read as one schema, checked
// by Prisma's own schema engine where it validates.
import type { ProjectModel } from '../../../model/types';
import { linkPrismaSchemas } from './schemas';

export function linkPrisma(model: ProjectModel): void {
  const prisma = linkPrismaSchemas(model.models, model.files);
  model.models = prisma.models;
  model.prismaSchemas = prisma.schemas;
}
