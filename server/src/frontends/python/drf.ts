// Django REST framework: serializers (their declared fields, Meta.model/fields/depth, and what
// SerializerMethodFields read) and the views that serialize a queryset with them.
import type { Node } from 'web-tree-sitter';
import type { ApiViewDecl, SerializerDecl, SerializerField } from '../../model/types';
import { baseNames } from './syntax';
import { readQueryChain, returnedQueryset } from './query-chains';
import { rowAccesses } from './row-accesses';
import { assignmentOf, callParts, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

const API_VIEWS = /(ViewSet|APIView|ListAPIView|ListCreateAPIView|RetrieveAPIView|GenericAPIView)$/;
const RELATED_FIELDS = new Set(['PrimaryKeyRelatedField', 'HyperlinkedRelatedField', 'HyperlinkedIdentityField']);

function classes(root: Node): Node[] {
  return namedChildren(root).flatMap((statement) => {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    return definition?.type === 'class_definition' ? [definition] : [];
  });
}

function body(definition: Node): Node[] {
  const block = definition.childForFieldName('body');
  return block ? namedChildren(block) : [];
}

export function readSerializers(root: Node, file: string): SerializerDecl[] {
  return classes(root)
    .filter((definition) => baseNames(definition).some((base) => lastSegment(base).endsWith('Serializer')))
    .map((definition) => readSerializer(definition, file));
}

function readSerializer(definition: Node, file: string): SerializerDecl {
  const name = definition.childForFieldName('name')!;
  const serializer: SerializerDecl = { name: name.text, depth: 0, declared: [], location: locationOf(file, name) };
  const methods = new Map<string, Node>();
  for (const statement of body(definition)) {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition') methods.set(fn.childForFieldName('name')?.text ?? '', fn);
  }
  for (const statement of body(definition)) {
    if (statement.type === 'class_definition' && statement.childForFieldName('name')?.text === 'Meta') readMeta(statement, serializer);
    const field = readField(statement, file, methods);
    if (field) serializer.declared.push(field);
  }
  return serializer;
}

function readMeta(meta: Node, serializer: SerializerDecl): void {
  for (const statement of body(meta)) {
    const assignment = assignmentOf(statement);
    const key = assignment?.childForFieldName('left')?.text;
    const value = assignment?.childForFieldName('right');
    if (!key || !value) continue;
    if (key === 'model') serializer.model = value.text;
    if (key === 'depth' && value.type === 'integer') serializer.depth = Number(value.text);
    if (key === 'fields') {
      if (stringValue(value) === '__all__') serializer.fields = 'all';
      else if (value.type === 'list' || value.type === 'tuple')
        serializer.fields = namedChildren(value).flatMap((item) => (stringValue(item) !== undefined ? [stringValue(item)!] : []));
    }
  }
}

function readField(statement: Node, file: string, methods: Map<string, Node>): SerializerField | undefined {
  const assignment = assignmentOf(statement);
  const target = assignment?.childForFieldName('left');
  const value = assignment?.childForFieldName('right');
  if (target?.type !== 'identifier' || value?.type !== 'call') return undefined;
  const { callee, keywords } = callParts(value);
  if (!callee) return undefined;
  const type = lastSegment(callee);
  const many = keywords.get('many')?.type === 'true';
  const sourceText = keywords.get('source') ? stringValue(keywords.get('source')!) : undefined;
  const source = sourceText && sourceText !== '*' ? sourceText.split('.') : [target.text];
  const base = { name: target.text, many, source, location: locationOf(file, target) };
  if (type === 'SerializerMethodField') {
    const methodName = keywords.get('method_name') ? stringValue(keywords.get('method_name')!) : `get_${target.text}`;
    const fn = methodName ? methods.get(methodName) : undefined;
    const params = fn?.childForFieldName('parameters');
    const objParam = params ? namedChildren(params)[1] : undefined;
    const bodyNode = fn?.childForFieldName('body');
    const accesses = objParam?.type === 'identifier' && bodyNode ? rowAccesses(bodyNode, objParam.text, file) : [];
    return { ...base, kind: 'method', accesses };
  }
  if (type === 'StringRelatedField') return { ...base, kind: 'string' };
  if (type === 'SlugRelatedField') {
    const slug = keywords.get('slug_field');
    return { ...base, kind: 'slug', ...(slug && stringValue(slug) ? { slugField: stringValue(slug) } : {}) };
  }
  if (RELATED_FIELDS.has(type)) return { ...base, kind: 'related' };
  if (type.endsWith('Serializer')) return { ...base, kind: 'nested', serializer: type };
  if (sourceText && sourceText.includes('.')) return { ...base, kind: 'source' };
  return undefined;
}

/**
 * DRF views, and the classes they may inherit what they serialize from: any class that sets `queryset` or
 * `serializer_class`, or overrides `get_queryset()`, `get_serializer_class()` or `list()` (a project's base
 * viewset or mixin). The link phase resolves each view along its bases.
 */
export function readApiViews(root: Node, file: string): ApiViewDecl[] {
  return classes(root).flatMap((definition) => {
    const name = definition.childForFieldName('name')!;
    const bases = baseNames(definition);
    const view: ApiViewDecl = {
      name: name.text,
      bases,
      isView: bases.some((base) => API_VIEWS.test(lastSegment(base))),
      location: locationOf(file, name),
    };
    let overrides = false;
    for (const statement of body(definition)) {
      const assignment = assignmentOf(statement);
      const key = assignment?.childForFieldName('left')?.text;
      const value = assignment?.childForFieldName('right');
      if (key === 'queryset' && value) view.query = readQueryChain(value, file);
      if (key === 'serializer_class' && value) view.serializer = lastSegment(value.text);
      const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const method = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (method === 'get_queryset') view.getQueryset = returnedQueryset(fn!, file);
      if (method === 'get_serializer_class') view.picksSerializer = true;
      if (method === 'list') view.definesList = true;
      overrides ||=
        key === 'queryset' ||
        key === 'serializer_class' ||
        method === 'get_queryset' ||
        method === 'get_serializer_class' ||
        method === 'list';
    }
    return view.isView || overrides ? [view] : [];
  });
}
