import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp, type AppOptions } from './app.js';
import { openDatabase, type Database } from './db.js';
import { seedDemoAccount } from './seed.js';
import type { Store } from './store.js';

export interface ReferenceServerOptions extends AppOptions {
  /** Default 127.0.0.1: the server is for this machine unless told otherwise. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Folder of the embedded database. Default `.data/reference-server` under the working directory. */
  dataDir?: string;
  /** Use a PostgreSQL server instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** Users in the demo account when it is first seeded (default: the forty seed users). */
  seedUserCount?: number;
  /** Also serve this folder (a built host app) at `/`, falling back to its `index.html`. */
  staticDir?: string;
}

export interface ReferenceServer {
  /** Where the server listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Where the contract is mounted: `${url}/v1`. */
  apiUrl: string;
  database: Database;
  store: Store;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

function staticFiles(root: string) {
  return (path: string): Response | null => {
    const relative = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, relative);
    if (!file.startsWith(root)) return null;
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return null;
    return new Response(readFileSync(file), {
      headers: { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' },
    });
  };
}

/**
 * Opens (and migrates) the database, seeds the demo account on first start, and serves the
 * contract on Node's HTTP server.
 *
 * @example
 * const server = await startReferenceServer({ port: 0, dataDir: tmp, sandbox: true });
 * const adapter = createHttpAdapter({ baseUrl: server.apiUrl, headers: { Authorization: `Bearer ${token}` } });
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.databaseUrl
      ? undefined
      : (options.dataDir ?? join(process.cwd(), '.data', 'reference-server')),
  });
  const seeded = await database.transaction((sql) => seedDemoAccount(sql, options.seedUserCount));
  // Fresh statistics, so the planner knows the seeded account's size from the first search.
  if (seeded) await database.query('ANALYZE');
  const { app: api, store } = createApp(database, options);
  const app = new Hono();
  app.route('/', api);
  if (options.staticDir) {
    const serveFile = staticFiles(options.staticDir);
    app.get('*', (c) => serveFile(c.req.path) ?? c.notFound());
  }
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    apiUrl: `${url}/v1`,
    database,
    store,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await database.close();
    },
  };
}
