// The stack-neutral project model. Frontends fill it from syntax trees; rules read it. Nothing here
// knows about a parser: positions are plain ranges, values are plain data. One module per concern,
// re-exported here so that every layer imports the model's types from one place.
export * from './types/places';
export * from './types/values';
export * from './types/models';
export * from './types/signals';
export * from './types/middleware';
export * from './types/settings';
export * from './types/sessions';
export * from './types/queries';
export * from './types/call-graph';
export * from './types/views';
export * from './types/facts';
export * from './types/findings';
