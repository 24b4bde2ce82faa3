import { describe, expect, it } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, seedUsers } from '../src/adapter/memory';
import type { AccountAdapter } from '../src/adapter/types';
import type { OrderResult, ViewerPermissions } from '../src/schemas';
import { runAdapterConformance, type ConformanceOptions, type ConformanceViewer } from '../src/testing';
import { nordlichtCompany } from '../stories/fixtures';

const company = nordlichtCompany;

function memoryFor(viewer?: ConformanceViewer) {
  return createMemoryAdapter(viewer?.permissions ? { viewer: { permissions: viewer.permissions } } : {});
}

// The memory adapter is the reference implementation: it must pass the suite hosts run, with
// the idempotency checks on by default.
runAdapterConformance({ describe, it }, { createAdapter: memoryFor, company });

/** The suite's checks by name, to run one of them on a broken adapter. */
function conformanceChecks(options: ConformanceOptions) {
  const checks = new Map<string, () => Promise<void>>();
  runAdapterConformance(
    { describe: (_name, body) => body(), it: (name, body) => checks.set(name, body) },
    { company, ...options },
  );
  return checks;
}

/** Runs the check whose name contains `name` on `createAdapter` and returns how it failed. */
async function findingOf(name: string, createAdapter: ConformanceOptions['createAdapter']): Promise<string> {
  const checks = conformanceChecks({ createAdapter });
  const matching = [...checks.entries()].filter(([checkName]) => checkName.includes(name));
  expect(matching, `exactly one check named like "${name}"`).toHaveLength(1);
  const [, body] = matching[0] ?? [];
  try {
    await body?.();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'passed';
}

const ALL: ViewerPermissions = { manageContacts: true, manageBilling: true, purchase: true };

describe('the conformance suite finds each broken rule', () => {
  it('passes the memory adapter on every check, idempotency included', async () => {
    const checks = conformanceChecks({ createAdapter: memoryFor });
    expect([...checks.keys()]).toEqual(
      expect.arrayContaining([
        expect.stringContaining('one order per idempotency key'),
        expect.stringContaining('new order for a new idempotency key'),
        expect.stringContaining('reused for a different request'),
      ]),
    );
    for (const [name, body] of checks) await expect(body(), name).resolves.toBeUndefined();
  });

  it('an adapter that accepts a fourth billing contact', async () => {
    const finding = await findingOf('refuses more than', () => {
      const adapter = createMemoryAdapter();
      return { ...adapter, updateContacts: () => adapter.getContacts() };
    });
    expect(finding).toMatch(/a fourth billing contact must fail with "validation", but it succeeded/);
  });

  it('an adapter that removes the primary contact', async () => {
    const finding = await findingOf('never removes it', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        updateContacts: async () => ({ ...(await adapter.getContacts()), primaryContact: null }),
      };
    });
    expect(finding).toMatch(/removing the primary contact must fail with "validation", but it succeeded/);
  });

  it('an adapter that places a new order on every call (the default options run this check)', async () => {
    const finding = await findingOf('one order per idempotency key', () => {
      const adapter = createMemoryAdapter();
      let calls = 0;
      return {
        ...adapter,
        placeOrder: (draft, { idempotencyKey }) =>
          adapter.placeOrder(draft, { idempotencyKey: `${idempotencyKey}-${++calls}` }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/the same idempotency key must return the same order/);
  });

  it('an adapter that returns the same order for every key', async () => {
    const finding = await findingOf('new order for a new idempotency key', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        placeOrder: (draft) => adapter.placeOrder(draft, { idempotencyKey: 'always-the-same' }),
      };
    });
    expect(finding).toMatch(/two idempotency keys must place two orders/);
  });

  it('an adapter that returns the first order for a key reused with a different request', async () => {
    const finding = await findingOf('reused for a different request', () => {
      const adapter = createMemoryAdapter();
      const byKey = new Map<string, Promise<OrderResult>>();
      return {
        ...adapter,
        placeOrder: (draft, { idempotencyKey }) => {
          const stored = byKey.get(idempotencyKey) ?? adapter.placeOrder(draft, { idempotencyKey });
          byKey.set(idempotencyKey, stored);
          return stored;
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(
      /the same idempotency key with a different order must fail with "validation", but it succeeded/,
    );
  });

  it('an adapter that accepts deactivated users as contacts', async () => {
    const finding = await findingOf('deactivated users', () => {
      // The store thinks everyone is active; the search still shows who is deactivated.
      const shown = seedUsers();
      const adapter = createMemoryAdapter({
        users: shown.map((user) => ({ ...user, status: 'active' as const })),
      });
      const status = new Map(shown.map((user) => [user.id, user.status]));
      return {
        ...adapter,
        searchUsers: async (params, options) => {
          const page = await adapter.searchUsers(params, options);
          return {
            ...page,
            users: page.users.map((user) => ({ ...user, status: status.get(user.id) ?? user.status })),
          };
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(
      /the deactivated user "Lukas Weiß" as primary contact must fail with "validation", but it succeeded/,
    );
  });

  it('an adapter that lets a read-only viewer write', async () => {
    const finding = await findingOf('read-only viewer', (viewer) => {
      // Reports the permissions it was asked for, but enforces none of them.
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        getAccount: async (options) => {
          const account = await adapter.getAccount(options);
          return {
            ...account,
            viewer: { ...account.viewer, permissions: { ...ALL, ...viewer?.permissions } },
          };
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/updateContacts by a read-only viewer must fail with "forbidden"/);
  });

  it('an adapter that reports permissions it does not have', async () => {
    const finding = await findingOf('read-only viewer', () =>
      createMemoryAdapter({ viewer: { permissions: {} } }),
    );
    expect(finding).toMatch(/getAccount must report the viewer's permissions as they are/);
  });

  it('an adapter that shows payment methods without manageBilling', async () => {
    const finding = await findingOf('each permission', (viewer) => {
      const adapter = memoryFor(viewer);
      const unrestricted = createMemoryAdapter();
      return {
        ...adapter,
        getPaymentMethods: (options) => unrestricted.getPaymentMethods(options),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/getPaymentMethods without manageBilling must fail with "forbidden"/);
  });

  it('an adapter that asks for manageBilling to change contacts', async () => {
    const finding = await findingOf('each permission', (viewer) => {
      const adapter = memoryFor(viewer);
      return {
        ...adapter,
        updateContacts: async (update, options) => {
          const { permissions } = (await adapter.getAccount()).viewer;
          if (!permissions.manageBilling) throw new AdapterError('forbidden');
          return adapter.updateContacts(update, options);
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/updateContacts must not need manageBilling/);
  });

  it('an adapter whose pages skip a user', async () => {
    const finding = await findingOf('without duplicates or gaps', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        searchUsers: async (params, options) => {
          const page = await adapter.searchUsers(params, options);
          // Drops the first user of every page after the first.
          return params.cursor ? { ...page, users: page.users.slice(1) } : page;
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/paging found \d+ users but the search reports a total of \d+/);
  });

  it('an adapter whose pages repeat a user', async () => {
    const finding = await findingOf('without duplicates or gaps', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        searchUsers: (params, options) =>
          // Every cursor starts one user early, so each page repeats the last user of the one before.
          adapter.searchUsers(
            { ...params, ...(params.cursor ? { cursor: String(Number(params.cursor) - 1) } : {}) },
            options,
          ),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/pages must not repeat a user/);
  });

  it('an adapter whose search is accent-sensitive', async () => {
    const finding = await findingOf('accent- and case-insensitively', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        searchUsers: async (params, options) => {
          const page = await adapter.searchUsers({ ...params, query: '' }, options);
          const users = page.users.filter((user) =>
            `${user.displayName} ${user.email}`.toLowerCase().includes(params.query.trim().toLowerCase()),
          );
          return { ...page, users, total: params.query.trim() ? users.length : page.total };
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/searching ".+" must find ".+"/);
  });

  it('an adapter whose field issues are English sentences', async () => {
    const finding = await findingOf('documented shapes', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        updateContacts: (update, options) =>
          adapter.updateContacts(update, options).catch((error: unknown) => {
            if (error instanceof AdapterError && error.code === 'validation') {
              throw new AdapterError('validation', {
                fieldIssues: error.fieldIssues.map((issue) => ({
                  ...issue,
                  code: 'You can have at most three billing contacts.',
                })),
              });
            }
            throw error;
          }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/a field issue code must be a message key/);
  });

  it('an adapter whose conflicts carry no current state', async () => {
    const finding = await findingOf('documented shapes', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        updateContacts: (update, options) =>
          adapter.updateContacts(update, options).catch((error: unknown) => {
            if (error instanceof AdapterError && error.code === 'conflict')
              throw new AdapterError('conflict');
            throw error;
          }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/a conflict must carry the current contacts/);
  });

  it('an adapter that throws plain errors', async () => {
    const finding = await findingOf('refuses more than', () => {
      const adapter = createMemoryAdapter();
      return {
        ...adapter,
        updateContacts: () => Promise.reject(new Error('HTTP 422')),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/must throw an AdapterError, got Error: HTTP 422/);
  });
});
