import { QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Fragment, StrictMode, type ComponentPropsWithRef, type ReactElement } from 'react';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { de } from '../src/locales/de';
import { fi } from '../src/locales/fi';
import { it } from '../src/locales/it';
import { pl } from '../src/locales/pl';
import {
  AccountSettingsProvider,
  type AccountSettingsProviderProps,
} from '../src/provider/AccountSettingsProvider';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import { policyLinks } from '../stories/fixtures';

export interface RenderWithProviderOptions extends Omit<RenderOptions, 'wrapper'> {
  adapter?: MemoryAdapter;
  adapterOptions?: MemoryAdapterOptions;
  provider?: Partial<AccountSettingsProviderProps>;
  /** Default true; false only to compare a screen's behaviour with and without StrictMode. */
  strictMode?: boolean;
}

/**
 * Renders inside `<StrictMode>` and a provider with a fresh memory adapter and a QueryClient that
 * never retries. StrictMode runs every effect twice, as a host's development build does: a
 * screen that doubles a request, an order or an event under it fails here.
 */
export function renderWithProvider(ui: ReactElement, options: RenderWithProviderOptions = {}) {
  const {
    adapter = createMemoryAdapter(options.adapterOptions),
    provider,
    strictMode = true,
    ...renderOptions
  } = options;
  const Strict = strictMode ? StrictMode : Fragment;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const result = render(ui, {
    ...renderOptions,
    wrapper: ({ children }) => (
      <Strict>
        <AccountSettingsProvider
          adapter={adapter}
          queryClient={queryClient}
          locales={{ de, pl, fi, it }}
          {...provider}
        >
          {children}
        </AccountSettingsProvider>
      </Strict>
    ),
  });
  return { ...result, adapter, queryClient };
}

/**
 * The upgrade wizard with the policy links, no draft storage and no quote debounce, rendered as
 * `renderWithProvider` does, with a user-event session.
 */
export function renderWizard(
  props: Partial<ComponentPropsWithRef<typeof UpgradeWizard>> = {},
  adapter: MemoryAdapter = createMemoryAdapter(),
  provider: Partial<AccountSettingsProviderProps> = {},
) {
  const result = renderWithProvider(
    <UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} {...props} />,
    { adapter, provider },
  );
  return { ...result, user: userEvent.setup() };
}
