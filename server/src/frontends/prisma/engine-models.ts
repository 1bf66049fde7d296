// A model read by the tolerant parser, corrected by what Prisma's engine resolved for the whole
// schema (engine.ts): relation or scalar, the relation's kind (an implicit many-to-many has lists on
// both sides) and foreign key scalars, keys, and the indexes (`@@fulltext` is no B-tree index, so it
// covers no lookup). Positions stay the parser's.
import type { Field, IndexDecl, ModelDecl, Relation } from '../../model/types';
import type { EngineField, EngineIndex, EngineModel } from './engine';

const SOURCES: Record<string, [onField: string, onModel: string]> = {
  id: ['@id', '@@id'],
  unique: ['@unique', '@@unique'],
  normal: ['@@index', '@@index'],
};

export function withEngineFacts(model: ModelDecl, engine: EngineModel, models: ReadonlyMap<string, EngineModel>): ModelDecl {
  const indexes = engine.indexes.flatMap((index) => indexOf(index, model));
  const leading = new Set(indexes.map((index) => index.fields[0]));
  const fields = model.fields.map((field): Field => {
    const known = engine.fields.get(field.name);
    if (!known) return field;
    const corrected = known.kind === 'object' && known.relationName ? relationField(field, known, models) : scalarField(field, known);
    corrected.indexed =
      leading.has(corrected.relation ? corrected.column.split(',')[0] : corrected.name) || corrected.primaryKey || corrected.unique;
    return corrected;
  });
  return { ...model, fields, indexes };
}

function scalarField(field: Field, known: EngineField): Field {
  const { relation, ...rest } = field;
  // A type the parser took for a relation (an enum of another file) has the field's name as its column.
  return {
    ...rest,
    column: relation ? field.name : field.column,
    type: known.type,
    primaryKey: known.isId,
    unique: known.isUnique,
    nullable: !known.isRequired,
  };
}

function relationField(field: Field, known: EngineField, models: ReadonlyMap<string, EngineModel>): Field {
  const owning = known.relationFromFields.length > 0;
  const back = [...(models.get(known.type)?.fields.values() ?? [])].find((f) => f !== known && f.relationName === known.relationName);
  const kind: Relation['kind'] = known.isList ? (back?.isList ? 'many-to-many' : 'one-to-many') : owning ? 'many-to-one' : 'one-to-one';
  const relation: Relation = { ...field.relation, kind, target: known.type };
  delete relation.nullable;
  delete relation.references;
  if (!known.isRequired && !known.isList) relation.nullable = true;
  if (owning) relation.references = known.relationToFields;
  return { ...field, column: owning ? known.relationFromFields.join(',') : field.name, primaryKey: false, unique: false, relation };
}

/** The engine's index with the parser's location of the same declaration, when there is one. */
function indexOf(index: EngineIndex, model: ModelDecl): IndexDecl[] {
  const sources = SOURCES[index.type];
  if (!sources) return [];
  const source = index.onField ? sources[0] : sources[1];
  const declared = model.indexes.find((i) => i.source === source && i.fields.join(',') === index.fields.join(','));
  return [{ fields: index.fields, unique: index.type !== 'normal', source, location: declared?.location ?? model.location }];
}
