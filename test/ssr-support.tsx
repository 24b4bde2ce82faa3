// A server-rendered page as a host builds one: the data prefetched into a QueryClient on the
// server with the public query factories, dehydrated into the page, and hydrated in the browser
// into the browser's own QueryClient, with an adapter instance of its own.
import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
  type DehydratedState,
} from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { AccountAdapter } from '../src/adapter/types';
import {
  BillingContactsList,
  CompanyInformation,
  PrimaryContactSection,
  RoleContactsTable,
} from '../src/components/company-information';
import { ContactPicker, type ContactPickerValue } from '../src/components/contact-picker';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import { ContactPickerField } from '../src/react-hook-form';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import {
  accountQueryOptions,
  catalogQueryOptions,
  contactsQueryOptions,
  roleDefinitionsQueryOptions,
  type QueryContext,
} from '../src/queries';
import { policyLinks } from '../stories/fixtures';

/** The same cache name on the server and in the browser, whose adapters are two instances. */
export const CACHE_SCOPE = 'nordlicht';

function PickerForm() {
  const { control } = useForm<{ primaryContact: ContactPickerValue | null }>({
    defaultValues: { primaryContact: null },
  });
  return <ContactPickerField control={control} name="primaryContact" label="Primary account contact" />;
}

/** Every drop-in component, as a host page would render it. */
export const dropIns: Record<string, () => ReactNode> = {
  CompanyInformation: () => <CompanyInformation />,
  PrimaryContactSection: () => <PrimaryContactSection />,
  BillingContactsList: () => <BillingContactsList />,
  RoleContactsTable: () => <RoleContactsTable />,
  ContactPicker: () => <ContactPicker label="Primary account contact" />,
  ContactPickerField: () => <PickerForm />,
  UpgradeWizard: () => <UpgradeWizard {...policyLinks} />,
};

/** What the server fetches before rendering: everything a screen shows on its first paint. */
export async function prefetchOnServer(adapter: AccountAdapter): Promise<QueryClient> {
  const client = new QueryClient();
  const context: QueryContext = { adapter, scope: CACHE_SCOPE };
  await Promise.all([
    client.query(accountQueryOptions(context)),
    client.query(contactsQueryOptions(context)),
    client.query(roleDefinitionsQueryOptions(context)),
    // In the provider's locale (`en` by default), as the wizard asks for it.
    client.query(catalogQueryOptions(context, undefined, 'en')),
  ]);
  return client;
}

/** The page: the same tree on the server and in the browser, as hydration requires. */
export function Page({
  adapter,
  client,
  state,
  children,
}: {
  adapter: AccountAdapter;
  client: QueryClient;
  state: DehydratedState;
  children: ReactNode;
}) {
  return (
    <StrictMode>
      <QueryClientProvider client={client}>
        <HydrationBoundary state={state}>
          <AccountSettingsProvider adapter={adapter} cacheScope={CACHE_SCOPE}>
            {children}
          </AccountSettingsProvider>
        </HydrationBoundary>
      </QueryClientProvider>
    </StrictMode>
  );
}

export { dehydrate };
