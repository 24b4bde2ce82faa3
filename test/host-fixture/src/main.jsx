import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AccountSettingsProvider, CompanyInformation, UpgradeWizard } from 'account-billing-kit';
import { createMemoryAdapter } from 'account-billing-kit/memory';
import 'account-billing-kit/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './host.css';

// The host's own client, provided to its whole app; the kit is given none and must use it.
const queryClient = new QueryClient();
window.hostQueryClient = queryClient;
const adapter = createMemoryAdapter();

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <main>
        <h1>Host app</h1>
        <AccountSettingsProvider adapter={adapter}>
          <CompanyInformation />
          <UpgradeWizard
            termsOfServiceUrl="/terms"
            privacyPolicyUrl="/privacy"
            acceptableUsePolicyUrl="/acceptable-use"
          />
        </AccountSettingsProvider>
      </main>
    </QueryClientProvider>
  </StrictMode>,
);
