export { runAdapterConformance } from './conformance.js';
export type { ConformanceOptions, ConformanceRunner, ConformanceViewer } from './conformance.js';
