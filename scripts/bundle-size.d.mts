// Types of scripts/bundle-size.mjs, for the tests that call it.

export interface ChunkSize {
  bytes: number;
  gzip: number;
  /** The library's source modules in the chunk, relative to the project root. */
  modules: string[];
}

export interface EntrySize {
  entry: string;
  external: string[];
  /** The JS loaded with the entry. */
  initial: ChunkSize;
  /** The JS loaded later through a dynamic import, one record per chunk. */
  lazy: ChunkSize[];
  css: { bytes: number; gzip: number };
  /** Rendered (pre-minification) bytes of the JS by package. */
  byPackage: Record<string, number>;
}

/** The npm package a bundled module comes from, or the library's own source. */
export function packageOf(moduleId: string): string;

/** Builds `entry` as a host app's production build would, `external` left out, and sizes it. */
export function measureEntry(entry: string, external: string[]): Promise<EntrySize>;
