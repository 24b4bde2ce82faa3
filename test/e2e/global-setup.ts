import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startReferenceServer } from '../../examples/reference-server/src/server';

declare module 'vitest' {
  interface ProvidedContext {
    /** A migrated, seeded database folder; each test copies it instead of seeding anew. */
    e2eTemplateDir: string;
    /** The built demo host app. */
    e2eStaticDir: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the demo host app once and prepares a seeded database every test starts from. */
export default async function setup(project: TestProject) {
  await build({ configFile: join(root, 'examples/host-app/vite.config.ts'), logLevel: 'warn' });
  const templateDir = mkdtempSync(join(tmpdir(), 'abk-e2e-template-'));
  const server = await startReferenceServer({ port: 0, dataDir: templateDir });
  await server.close();
  project.provide('e2eTemplateDir', templateDir);
  project.provide('e2eStaticDir', join(root, 'examples/host-app/dist'));
  return () => rmSync(templateDir, { recursive: true, force: true });
}
