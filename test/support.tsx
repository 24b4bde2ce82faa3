import { QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { de } from '../src/locales/de';
import { fi } from '../src/locales/fi';
import { it } from '../src/locales/it';
import { pl } from '../src/locales/pl';
import {
  AccountSettingsProvider,
  type AccountSettingsProviderProps,
} from '../src/provider/AccountSettingsProvider';

export interface RenderWithProviderOptions extends Omit<RenderOptions, 'wrapper'> {
  adapter?: MemoryAdapter;
  adapterOptions?: MemoryAdapterOptions;
  provider?: Partial<AccountSettingsProviderProps>;
}

/** Renders inside a provider with a fresh memory adapter and a QueryClient that never retries. */
export function renderWithProvider(ui: ReactElement, options: RenderWithProviderOptions = {}) {
  const { adapter = createMemoryAdapter(options.adapterOptions), provider, ...renderOptions } = options;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const result = render(ui, {
    ...renderOptions,
    wrapper: ({ children }) => (
      <AccountSettingsProvider
        adapter={adapter}
        queryClient={queryClient}
        locales={{ de, pl, fi, it }}
        {...provider}
      >
        {children}
      </AccountSettingsProvider>
    ),
  });
  return { ...result, adapter, queryClient };
}
