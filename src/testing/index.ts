export { runAdapterConformance } from './conformance.js';
export type { ConformanceOptions, ConformanceRunner } from './conformance.js';
