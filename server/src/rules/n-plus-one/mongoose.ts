// Mongoose: `Model.findById/findOne/find/countDocuments` per loop element, and a document's `populate()`.
// `populate()` on the query loads a referenced path for all documents with one `$in` query per path;
// `find({ _id: { $in: ids } })` reads a set at once.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { populatePerRow } from './checks/populate-per-row';
import { queryPerRow } from './checks/query-per-row';
import { reportPerRow } from './per-row';

export function checkMongooseLoops(model: ProjectModel, report: Report): void {
  const models = new Set(model.models.filter((m) => m.stack === 'mongoose').map((m) => m.name));
  if (models.size === 0) return;
  for (const query of model.perRowQueries) {
    if (query.stack !== 'mongoose') continue;
    // The frontend names a document's own populate() by the model `populate`.
    if (query.model === 'populate') reportPerRow(report, populatePerRow, query, 'message');
    else if (models.has(query.model)) reportPerRow(report, queryPerRow, query, 'mongoose');
  }
}
