/** The library entry: the pure pipeline and its types, for tools that embed split-advisor. */
export { analyse, adviseOnPatch } from './advise';
export type { AnalysisInput } from './advise';
export { buildChanges } from './changes';
export { classifyChanges } from './classify';
export { parsePatch, ParseError } from './parse';
export { formatPatch } from './emit';
export { buildSeries } from './series';
export { renderJson, toJson } from './render/json';
export { renderText } from './render/text';
export * from './model';
