import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
// A host imports these from 'account-billing-kit', 'account-billing-kit/http' and
// 'account-billing-kit/styles.css'; the demo uses the sources next door.
import {
  AccountSettingsProvider,
  BillingOverview,
  CompanyInformation,
  PaymentMethods,
  SeatAssignments,
  UpgradeWizard,
  type SeatPurchase,
} from '../../../src/index.js';
import { createHttpAdapter } from '../../../src/adapter/http.js';
import '../../../src/styles.css';
import './host.css';
import { DEMO_PEOPLE, signIn, type DemoPerson } from './session.js';

type Page = 'company' | 'billing' | 'payment-methods' | 'seats' | 'upgrade';

/** The host's routes: `#/upgrade?product=sales` opens the wizard on a product's plan step. */
const PAGES: { page: Page; path: string; label: string }[] = [
  { page: 'company', path: '#/company', label: 'Company information' },
  { page: 'billing', path: '#/billing', label: 'Billing' },
  { page: 'payment-methods', path: '#/payment-methods', label: 'Payment methods' },
  { page: 'seats', path: '#/seats', label: 'Users & seats' },
  { page: 'upgrade', path: '#/upgrade', label: 'Upgrade' },
];

function routeFromHash(): { page: Page; product: string | null } {
  const [path = '', query = ''] = window.location.hash.split('?');
  const page = PAGES.find((candidate) => candidate.path === path)?.page ?? 'company';
  return { page, product: new URLSearchParams(query).get('product') };
}

function HostApp() {
  const [route, setRoute] = useState(routeFromHash);
  const { page } = route;
  // "Buy more seats": the purchase the seat assignments ask for, handed to the wizard.
  const [seatPurchase, setSeatPurchase] = useState<SeatPurchase | null>(null);
  const [person, setPerson] = useState<DemoPerson>('admin');
  // The outcome of signing the chosen person in; an outcome for someone else is stale.
  const [outcome, setOutcome] = useState<{ person: DemoPerson; token?: string; error?: string } | null>(null);
  const [navigationBlocked, setNavigationBlocked] = useState(false);

  useEffect(() => {
    const onHashChange = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    let current = true;
    signIn(person).then(
      (token) => current && setOutcome({ person, token }),
      (error: unknown) =>
        current && setOutcome({ person, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [person]);

  const token = outcome?.person === person ? outcome.token : undefined;
  const signInError = outcome?.person === person ? (outcome.error ?? null) : null;

  // One adapter per signed-in user: the provider keys its cache by adapter, so nothing of one
  // user's data is shown to the other.
  const adapter = useMemo(
    () =>
      token ? createHttpAdapter({ baseUrl: '/v1', headers: { Authorization: `Bearer ${token}` } }) : null,
    [token],
  );

  return (
    <div className="host">
      <header className="host-header">
        <span className="host-logo" aria-hidden="true">
          ◆
        </span>
        <span className="host-product">Nordlicht Workspace</span>
        <label className="host-viewer">
          View as
          <select
            value={person}
            onChange={(event) => setPerson(event.target.value as DemoPerson)}
            disabled={navigationBlocked}
          >
            {Object.entries(DEMO_PEOPLE).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="host-body">
        <nav className="host-nav" aria-label="Settings">
          {PAGES.map(({ page: target, path, label }) => (
            <a key={target} href={path} aria-current={page === target ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <main className="host-main">
          {signInError && <p role="alert">{signInError}</p>}
          {adapter && token ? (
            <AccountSettingsProvider key={token} adapter={adapter} locale={navigator.language}>
              {page === 'company' && <CompanyInformation onDirtyChange={setNavigationBlocked} />}
              {page === 'billing' && (
                <BillingOverview
                  onUpgrade={(productId) => {
                    setSeatPurchase(null);
                    window.location.hash = `#/upgrade?product=${encodeURIComponent(productId)}`;
                  }}
                  onManageSeats={() => (window.location.hash = '#/seats')}
                  onManagePaymentMethods={() => (window.location.hash = '#/payment-methods')}
                />
              )}
              {page === 'payment-methods' && <PaymentMethods />}
              {page === 'seats' && (
                <SeatAssignments
                  onBuySeats={(_productId, _count, purchase) => {
                    setSeatPurchase(purchase);
                    window.location.hash = `#/upgrade?product=${encodeURIComponent(purchase.productId)}`;
                  }}
                />
              )}
              {page === 'upgrade' && (
                <UpgradeWizard
                  // A new entry point mounts a new wizard, so its defaults apply.
                  key={
                    seatPurchase ? `seats-${seatPurchase.seatUserIds.join()}` : (route.product ?? 'upgrade')
                  }
                  termsOfServiceUrl="#/legal/terms"
                  privacyPolicyUrl="#/legal/privacy"
                  acceptableUsePolicyUrl="#/legal/acceptable-use"
                  {...(seatPurchase
                    ? { defaultSelection: seatPurchase, defaultStep: 'seats' as const }
                    : route.product
                      ? { defaultProductId: route.product, defaultStep: 'plan' as const }
                      : {})}
                  onPurchaseComplete={() => setSeatPurchase(null)}
                />
              )}
            </AccountSettingsProvider>
          ) : (
            !signInError && <p>Signing in…</p>
          )}
        </main>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <HostApp />
    </StrictMode>,
  );
}
