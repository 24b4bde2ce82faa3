// Which QueryClient holds the kit's data, and that its retry policy holds in any client.
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { PrimaryContactSection } from '../src/components/company-information';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import { accountKeys, adapterScope, contactsQueryOptions, userSearchQueryOptions } from '../src/queries';

/** Reports the QueryClient the kit's components see. */
function ClientProbe({ seen }: { seen: QueryClient[] }) {
  seen.push(useQueryClient());
  return null;
}

function renderInHost(ui: ReactNode, hostClient?: QueryClient) {
  return render(
    <StrictMode>
      {hostClient ? <QueryClientProvider client={hostClient}>{ui}</QueryClientProvider> : ui}
    </StrictMode>,
  );
}

async function contactLoaded() {
  await waitFor(() =>
    expect(screen.getByRole('combobox', { name: 'Primary account contact' })).toHaveValue('Anna Schmidt'),
  );
}

describe("the host's QueryClient", () => {
  it('is used from React context when the provider is given none', async () => {
    const host = new QueryClient();
    const adapter = createMemoryAdapter();
    const seen: QueryClient[] = [];
    renderInHost(
      <AccountSettingsProvider adapter={adapter}>
        <ClientProbe seen={seen} />
        <PrimaryContactSection />
      </AccountSettingsProvider>,
      host,
    );
    await contactLoaded();
    expect(new Set(seen)).toEqual(new Set([host]));
    expect(host.getQueryData(accountKeys.contacts(adapterScope(adapter)))).toMatchObject({
      primaryContact: { displayName: 'Anna Schmidt' },
    });
  });

  it('gives way to the queryClient prop', async () => {
    const host = new QueryClient();
    const passed = new QueryClient();
    const seen: QueryClient[] = [];
    renderInHost(
      <AccountSettingsProvider adapter={createMemoryAdapter()} queryClient={passed}>
        <ClientProbe seen={seen} />
        <PrimaryContactSection />
      </AccountSettingsProvider>,
      host,
    );
    await contactLoaded();
    expect(new Set(seen)).toEqual(new Set([passed]));
    expect(host.getQueryCache().getAll()).toHaveLength(0);
  });

  it('is replaced by one of our own, kept for the provider’s lifetime, only when there is none', async () => {
    const seen: QueryClient[] = [];
    const { rerender } = renderInHost(
      <AccountSettingsProvider adapter={createMemoryAdapter()}>
        <ClientProbe seen={seen} />
        <PrimaryContactSection />
      </AccountSettingsProvider>,
    );
    await contactLoaded();
    rerender(
      <StrictMode>
        <AccountSettingsProvider adapter={createMemoryAdapter()} locale="en-GB">
          <ClientProbe seen={seen} />
        </AccountSettingsProvider>
      </StrictMode>,
    );
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toBeInstanceOf(QueryClient);
  });
});

describe('the read retry policy', () => {
  const failing = (adapter: MemoryAdapter, code: 'network' | 'forbidden', count = 1) => {
    adapter.control.failNext(count, code, ['getContacts']);
    return adapter;
  };

  it('is part of every query factory, so no client default can widen it', () => {
    const context = { adapter: createMemoryAdapter(), scope: 'test' };
    for (const { retry } of [contactsQueryOptions(context), userSearchQueryOptions(context, 'a')]) {
      if (typeof retry !== 'function') throw new Error('The factory sets no retry function');
      expect(retry(0, new AdapterError('network'))).toBe(true);
      expect(retry(0, new AdapterError('rate_limited'))).toBe(true);
      expect(retry(2, new AdapterError('network'))).toBe(false);
      expect(retry(0, new AdapterError('forbidden'))).toBe(false);
      expect(retry(0, new AdapterError('conflict'))).toBe(false);
      expect(retry(0, new AdapterError('unknown'))).toBe(false);
      expect(retry(0, new Error('not an adapter error'))).toBe(false);
    }
    const none = contactsQueryOptions({ ...context, retry: false }).retry;
    const five = contactsQueryOptions({ ...context, retry: 5 }).retry;
    if (typeof none !== 'function' || typeof five !== 'function') throw new Error('No retry function');
    expect(none(0, new AdapterError('network'))).toBe(false);
    expect(five(4, new AdapterError('network'))).toBe(true);
    expect(five(0, new AdapterError('forbidden'))).toBe(false);
  });

  it("retries a network failure in a host client with TanStack's defaults", async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const adapter = failing(createMemoryAdapter(), 'network');
    renderInHost(
      <AccountSettingsProvider adapter={adapter}>
        <PrimaryContactSection />
      </AccountSettingsProvider>,
      host,
    );
    await contactLoaded();
    expect(adapter.control.calls().getContacts).toBe(2);
  });

  it('does not retry a refusal, although the host client would retry any error three times', async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const adapter = failing(createMemoryAdapter(), 'forbidden');
    renderInHost(
      <AccountSettingsProvider adapter={adapter}>
        <PrimaryContactSection />
      </AccountSettingsProvider>,
      host,
    );
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(adapter.control.calls().getContacts).toBe(1);
  });

  it("keeps within the host client's own limit: retry false retries nothing", async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const adapter = failing(createMemoryAdapter(), 'network');
    renderInHost(
      <AccountSettingsProvider adapter={adapter}>
        <PrimaryContactSection />
      </AccountSettingsProvider>,
      host,
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(adapter.control.calls().getContacts).toBe(1);
  });
});
