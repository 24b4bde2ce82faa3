import { describe, expect, it } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, seedUsers, type SeedPaymentMethod } from '../src/adapter/memory';
import { seedPaymentMethods } from '../src/adapter/memory-seed';
import type { AccountAdapter } from '../src/adapter/types';
import type { OrderResult, ViewerPermissions } from '../src/schemas';
import { runAdapterConformance, type ConformanceOptions, type ConformanceViewer } from '../src/testing';
import { nordlichtCompany } from '../stories/fixtures';
import { salesStarterSeats } from '../stories/billing-fixtures';

const company = nordlichtCompany;

/** The seed's cards and one the viewer let expire last year, so the expired-card check runs too. */
function cardsWithAnExpiredOne(): SeedPaymentMethod[] {
  const today = new Date();
  return [
    ...seedPaymentMethods(seedUsers(), 'u001', today),
    {
      id: 'pm_visa_1881',
      brand: 'visa',
      last4: '1881',
      expMonth: 6,
      expYear: today.getFullYear() - 1,
      ownerName: 'Anna Schmidt',
      ownerUserId: 'u001',
      sharedWithAdmins: false,
    },
  ];
}

function memoryFor(viewer?: ConformanceViewer) {
  return createMemoryAdapter({
    paymentMethods: cardsWithAnExpiredOne(),
    ...(viewer?.permissions ? { viewer: { permissions: viewer.permissions } } : {}),
  });
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

  it('an adapter whose subscriptions count seats the seat assignments do not have', async () => {
    const finding = await findingOf('agree with each other', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        // Counts seats bought as assigned, as a backend that never joins the holders would.
        getSubscriptions: async (options) =>
          (await adapter.getSubscriptions(options)).map((subscription) => ({
            ...subscription,
            seatsAssigned: subscription.seatsBought,
          })),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/getSubscriptions must count the 4 seat holders of "sales" as assigned, not 5/);
  });

  it('an adapter that removes the default card of a running subscription', async () => {
    const finding = await findingOf('keeps a valid default card', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        // Moves the default to any other card first, leaving the subscription on whatever is left.
        removePaymentMethod: async (paymentMethodId, options) => {
          const methods = await adapter.getPaymentMethods();
          const removed = methods.find((method) => method.id === paymentMethodId);
          const other = methods.find((method) => method.id !== paymentMethodId);
          if (removed?.isDefault && other) {
            await adapter.setDefaultPaymentMethod(other.id, { expectedVersion: other.version });
          }
          const current = (await adapter.getPaymentMethods()).find((method) => method.id === paymentMethodId);
          return adapter.removePaymentMethod(paymentMethodId, {
            expectedVersion: current?.version ?? options.expectedVersion,
          });
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(
      /removing the default card of a subscription must fail with "validation", but it succeeded/,
    );
  });

  it('an adapter that refuses to remove the default card with an English sentence', async () => {
    const finding = await findingOf('keeps a valid default card', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        removePaymentMethod: (paymentMethodId, options) =>
          adapter.removePaymentMethod(paymentMethodId, options).catch((error: unknown) => {
            if (error instanceof AdapterError && error.code === 'validation') {
              throw new AdapterError('validation', {
                fieldIssues: [{ path: ['paymentMethodId'], code: 'invalid' }],
              });
            }
            throw error;
          }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/must be refused with the field issue "paymentMethodIsDefault"/);
  });

  it('an adapter that leaves two default cards', async () => {
    const finding = await findingOf('keeps a valid default card', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        // Reports the old default as still the default, as a backend that only sets flags would.
        getPaymentMethods: async (options) => {
          const methods = await adapter.getPaymentMethods(options);
          return methods.map((method) =>
            method.id === 'pm_visa_4242' ? { ...method, isDefault: true } : method,
          );
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/after makeDefault the new card must be the only default/);
  });

  it('an adapter that makes an expired card the default', async () => {
    const finding = await findingOf('expired card as the default', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        setDefaultPaymentMethod: (paymentMethodId, options) =>
          adapter.setDefaultPaymentMethod(paymentMethodId, options).catch(() => adapter.getPaymentMethods()),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/an expired card as the default must fail with "validation", but it succeeded/);
  });

  it('an adapter that ignores the version of a card', async () => {
    const finding = await findingOf('guards card changes with versions', () => {
      const adapter = memoryFor();
      const latest = async (paymentMethodId: string) =>
        (await adapter.getPaymentMethods()).find((method) => method.id === paymentMethodId)?.version ?? 0;
      return {
        ...adapter,
        updatePaymentMethodSharing: async (paymentMethodId, sharedWithAdmins) =>
          adapter.updatePaymentMethodSharing(paymentMethodId, sharedWithAdmins, {
            expectedVersion: await latest(paymentMethodId),
          }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(
      /a sharing change with a stale version must fail with "conflict", but it succeeded/,
    );
  });

  it('an adapter whose card conflicts carry the contacts instead of the cards', async () => {
    const finding = await findingOf('guards card changes with versions', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        updatePaymentMethodSharing: (paymentMethodId, sharedWithAdmins, options) =>
          adapter
            .updatePaymentMethodSharing(paymentMethodId, sharedWithAdmins, options)
            .catch(async (error: unknown) => {
              if (error instanceof AdapterError && error.code === 'conflict') {
                throw new AdapterError('conflict', { current: await adapter.getContacts() });
              }
              throw error;
            }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/a payment method conflict must carry the current payment methods/);
  });

  it("an adapter that lets an admin stop sharing another admin's card", async () => {
    const finding = await findingOf('guards card changes with versions', () => {
      // The viewer's own card check is the only one it skips: every card counts as the viewer's.
      const adapter = memoryFor();
      const other = createMemoryAdapter({ viewer: { userId: 'u002' } });
      return {
        ...adapter,
        updatePaymentMethodSharing: (paymentMethodId, sharedWithAdmins, options) =>
          paymentMethodId === 'pm_mc_4444'
            ? other.updatePaymentMethodSharing(paymentMethodId, sharedWithAdmins, options)
            : adapter.updatePaymentMethodSharing(paymentMethodId, sharedWithAdmins, options),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(
      /changing the sharing of another admin's card must fail with "forbidden", but it succeeded/,
    );
  });

  it('an adapter that sells more seats than were bought', async () => {
    const finding = await findingOf('more seat holders than seats bought', () => {
      // Its seat count comes from the subscription, which it forgot to update after an order.
      const adapter = memoryFor();
      const generous = createMemoryAdapter({
        paymentMethods: cardsWithAnExpiredOne(),
        subscriptions: [salesStarterSeats(50, ['u001', 'u002', 'u007', 'u015'])],
      });
      return {
        ...adapter,
        updateSeatAssignments: async (productId, update, options) => {
          const saved = await generous.updateSeatAssignments(productId, update, options);
          return { ...saved, seatsBought: 5 };
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(
      /assigning 2 seats when 1 are free must fail with "validation", but it succeeded/,
    );
  });

  it('an adapter that gives a deactivated user a seat', async () => {
    const finding = await findingOf('deactivated user as a new seat holder', () => {
      // The store thinks everyone is active; the search still shows who is deactivated.
      const shown = seedUsers();
      const adapter = createMemoryAdapter({
        users: shown.map((user) => ({ ...user, status: 'active' as const })),
        subscriptions: [salesStarterSeats(5, ['u001', 'u002'])],
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
      /the deactivated user "Lukas Weiß" as a new seat holder must fail with "validation", but it succeeded/,
    );
  });

  it('an adapter that drops deactivated seat holders on every change', async () => {
    const finding = await findingOf('deactivated user as a new seat holder', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        updateSeatAssignments: async (productId, update, options) => {
          const current = await adapter.getSeatAssignments(productId);
          const deactivated = current.holders
            .filter((user) => user.status === 'deactivated')
            .map((user) => user.id);
          return adapter.updateSeatAssignments(
            productId,
            { ...update, unassign: [...new Set([...update.unassign, ...deactivated])] },
            options,
          );
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/a deactivated seat holder must keep the seat when another change is saved/);
  });

  it('an adapter that ignores the version of the seats', async () => {
    const finding = await findingOf('stale seat version', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        updateSeatAssignments: async (productId, update) =>
          adapter.updateSeatAssignments(productId, update, {
            expectedVersion: (await adapter.getSeatAssignments(productId)).version,
          }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/a seat change with a stale version must fail with "conflict", but it succeeded/);
  });

  it('an adapter whose seat conflicts carry no current state', async () => {
    const finding = await findingOf('stale seat version', () => {
      const adapter = memoryFor();
      return {
        ...adapter,
        updateSeatAssignments: (productId, update, options) =>
          adapter.updateSeatAssignments(productId, update, options).catch((error: unknown) => {
            if (error instanceof AdapterError && error.code === 'conflict')
              throw new AdapterError('conflict');
            throw error;
          }),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/a seat conflict must carry the current seat assignments/);
  });

  it('an adapter that lets a read-only viewer change seats', async () => {
    const finding = await findingOf('read-only viewer', (viewer) => {
      const adapter = memoryFor(viewer);
      const unrestricted = memoryFor();
      return {
        ...adapter,
        updateSeatAssignments: (productId, update, options) =>
          unrestricted.updateSeatAssignments(productId, update, options),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/updateSeatAssignments by a read-only viewer must fail with "forbidden"/);
  });

  it('an adapter that lets an admin without manageBilling move the default card', async () => {
    const finding = await findingOf('each permission', (viewer) => {
      const adapter = memoryFor(viewer);
      const unrestricted = memoryFor();
      return {
        ...adapter,
        setDefaultPaymentMethod: (paymentMethodId, options) =>
          unrestricted.setDefaultPaymentMethod(paymentMethodId, options),
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/setDefaultPaymentMethod without manageBilling must fail with "forbidden"/);
  });

  it('an adapter that asks for manageContacts to change seats', async () => {
    const finding = await findingOf('each permission', (viewer) => {
      const adapter = memoryFor(viewer);
      return {
        ...adapter,
        updateSeatAssignments: async (productId, update, options) => {
          const { permissions } = (await adapter.getAccount()).viewer;
          if (!permissions.manageContacts) throw new AdapterError('forbidden');
          return adapter.updateSeatAssignments(productId, update, options);
        },
      } satisfies AccountAdapter;
    });
    expect(finding).toMatch(/updateSeatAssignments must not need manageContacts/);
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
