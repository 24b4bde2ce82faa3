import { describe, it } from 'vitest';
import { createMemoryAdapter } from '../src/adapter/memory';
import { runAdapterConformance } from '../src/testing';
import { nordlichtCompany } from '../stories/fixtures';

// The memory adapter is the reference implementation: it must pass the suite hosts run.
runAdapterConformance(
  { describe, it },
  {
    createAdapter: () => createMemoryAdapter(),
    includeOrders: true,
    company: nordlichtCompany,
  },
);

describe('the conformance suite itself', () => {
  it('fails an adapter that accepts a fourth billing contact', async () => {
    const { expect } = await import('vitest');
    const adapter = createMemoryAdapter();
    const lenient = {
      ...adapter,
      updateContacts: () => adapter.getContacts(),
    };
    const tests: { name: string; body: () => Promise<void> }[] = [];
    runAdapterConformance(
      { describe: (_name, body) => body(), it: (name, body) => tests.push({ name, body }) },
      { createAdapter: () => lenient },
    );
    const billing = tests.find((test) => test.name.includes('billing contacts'));
    await expect(billing?.body()).rejects.toThrow(
      /a fourth billing contact must fail with "validation", but it succeeded/,
    );
  });
});
