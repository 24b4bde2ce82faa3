'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AccountSettingsProvider } from 'account-billing-kit';
import { createMemoryAdapter } from 'account-billing-kit/memory';
import { de } from 'account-billing-kit/locales/de';
import { fi } from 'account-billing-kit/locales/fi';
import { it } from 'account-billing-kit/locales/it';
import { pl } from 'account-billing-kit/locales/pl';
import { useState, type ReactNode } from 'react';

const locales = { de, fi, it, pl };

/**
 * The app's own QueryClient, and the kit's provider under it: the kit uses this client from
 * context. A real app passes its own `AccountAdapter` (for example `createHttpAdapter` from
 * `account-billing-kit/http`); the memory adapter keeps this example self-contained.
 */
export function AccountSettings({ locale, children }: { locale: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  // One adapter per browser tab, made on first render: nothing of it runs on import.
  const [adapter] = useState(() => createMemoryAdapter());
  return (
    <QueryClientProvider client={queryClient}>
      <AccountSettingsProvider adapter={adapter} locale={locale} locales={locales}>
        {children}
      </AccountSettingsProvider>
    </QueryClientProvider>
  );
}
