import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

/** Anything that runs SQL: the database, or one transaction of it. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

/** The server's storage: the embedded PGlite by default, a PostgreSQL server given its URL. */
export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A `postgres://` URL; without it the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database (created when missing); without it, memory only. */
  dataDir?: string | undefined;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Opens the database and brings its schema up to date with the files in `migrations/`. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm } });
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    transaction<T>(work: (sql: Sql) => Promise<T>) {
      return db.transaction((tx) =>
        work({
          query: async <Row>(text: string, params: unknown[] = []) =>
            (await tx.query<Row>(text, params)).rows,
        }),
      );
    },
    close: () => db.close(),
  };
}

function openPostgres(databaseUrl: string): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    async transaction<T>(work: (sql: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Applies each `migrations/NNN_name.sql` not applied yet, in name order, each in a transaction. */
async function migrate(database: Database): Promise<void> {
  await database.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (await database.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d+_.+\.sql$/.test(name))
    .sort();
  for (const name of files) {
    if (applied.has(name)) continue;
    const text = readFileSync(`${MIGRATIONS_DIR}${name}`, 'utf8');
    await database.transaction(async (sql) => {
      // A file holds several statements: run it as a script, without parameters.
      for (const statement of splitStatements(text)) await sql.query(statement);
      await sql.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
  }
}

/** Splits a migration into statements on `;` at line ends; the files keep to that shape. */
function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}
