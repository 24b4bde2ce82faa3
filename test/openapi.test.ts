import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, OPENAPI_FILE } from '../src/contract/openapi';
import type { AccountAdapter } from '../src/adapter/types';

const committed: unknown = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', OPENAPI_FILE), 'utf8'),
);
const document = buildOpenApiDocument();

describe('the OpenAPI document', () => {
  it('is the one the schemas generate (run `npm run openapi` after changing a schema)', () => {
    expect(committed, `${OPENAPI_FILE} is stale: run npm run openapi and commit it`).toEqual(document);
  });

  it('describes every adapter operation, by its method name', () => {
    const operations: (keyof AccountAdapter)[] = [
      'getAccount',
      'searchUsers',
      'getUsersByIds',
      'getContacts',
      'updateContacts',
      'getRoleDefinitions',
      'getCatalog',
      'getPaymentMethods',
      'tokenizeCard',
      'createPaymentMethod',
      'getSubscriptions',
      'setDefaultPaymentMethod',
      'updatePaymentMethodSharing',
      'removePaymentMethod',
      'getSeatAssignments',
      'updateSeatAssignments',
      'previewOrder',
      'placeOrder',
    ];
    const ids = Object.values(
      document.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    expect(ids).toEqual(expect.arrayContaining(operations));
  });

  it('resolves every reference to a component', () => {
    const text = JSON.stringify(document);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const id of refs) expect(schemas, `missing component ${id}`).toHaveProperty(id);
  });

  it('asks for the version precondition and the idempotency key', () => {
    const paths = document.paths as Record<
      string,
      Record<string, { parameters?: { name: string; required?: boolean }[] }>
    >;
    expect(paths['/contacts']?.patch?.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', required: true }),
    );
    for (const [path, method] of [
      ['/payment-methods/{id}', 'patch'],
      ['/payment-methods/{id}', 'delete'],
      ['/payment-methods/{id}/default', 'post'],
      ['/seat-assignments/{productId}', 'patch'],
    ] as const) {
      expect(paths[path]?.[method]?.parameters, `${method} ${path}`).toContainEqual(
        expect.objectContaining({ name: 'If-Match', required: true }),
      );
    }
    expect(paths['/orders']?.post?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', required: true }),
    );
  });
});
