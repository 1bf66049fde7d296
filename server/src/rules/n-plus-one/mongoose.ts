// Mongoose: `Model.findById/findOne/find/countDocuments` per loop element. `populate()` loads a
// referenced path for all documents with one `$in` query per path; `find({ _id: { $in: ids } })`
// reads a set at once.
import type { Finding, ProjectModel } from '../../model/types';
import { perRowFinding } from './per-row';

export function checkMongooseLoops(model: ProjectModel): Finding[] {
  const models = new Set(model.models.filter((m) => m.stack === 'mongoose').map((m) => m.name));
  if (models.size === 0) return [];
  return model.perRowQueries
    .filter((query) => query.stack === 'mongoose' && (models.has(query.model) || query.model === 'populate'))
    .map((query) =>
      query.model === 'populate'
        ? perRowFinding(query, `N+1 query: \`${query.call}\` populates one document per element of the ${query.loopKind} loop. Populate the list in the query that produced it (\`find(...).populate('...')\`): one query per path for all documents.`)
        : perRowFinding(
        query,
        `N+1 query: \`${query.call}\` runs one query per element of the ${query.loopKind} loop. Read them at once with \`${query.model}.find({ _id: { $in: ids } })\`, or \`populate()\` the reference in the query that produced the list.`,
      ),
    );
}
