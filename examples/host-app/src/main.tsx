import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
// A host imports these from 'account-billing-kit', 'account-billing-kit/http' and
// 'account-billing-kit/styles.css'; the demo uses the sources next door.
import { AccountSettingsProvider, CompanyInformation, UpgradeWizard } from '../../../src/index.js';
import { createHttpAdapter } from '../../../src/adapter/http.js';
import '../../../src/styles.css';
import './host.css';
import { DEMO_PEOPLE, signIn, type DemoPerson } from './session.js';

type Page = 'company' | 'upgrade';

function pageFromHash(): Page {
  return window.location.hash === '#/upgrade' ? 'upgrade' : 'company';
}

function HostApp() {
  const [page, setPage] = useState<Page>(pageFromHash);
  const [person, setPerson] = useState<DemoPerson>('admin');
  // The outcome of signing the chosen person in; an outcome for someone else is stale.
  const [outcome, setOutcome] = useState<{ person: DemoPerson; token?: string; error?: string } | null>(null);
  const [navigationBlocked, setNavigationBlocked] = useState(false);

  useEffect(() => {
    const onHashChange = () => setPage(pageFromHash());
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
          <a href="#/company" aria-current={page === 'company' ? 'page' : undefined}>
            Company information
          </a>
          <a href="#/upgrade" aria-current={page === 'upgrade' ? 'page' : undefined}>
            Upgrade
          </a>
        </nav>
        <main className="host-main">
          {signInError && <p role="alert">{signInError}</p>}
          {adapter && token ? (
            <AccountSettingsProvider key={token} adapter={adapter} locale={navigator.language}>
              {page === 'company' ? (
                <CompanyInformation onDirtyChange={setNavigationBlocked} />
              ) : (
                <UpgradeWizard
                  termsOfServiceUrl="#/legal/terms"
                  privacyPolicyUrl="#/legal/privacy"
                  acceptableUsePolicyUrl="#/legal/acceptable-use"
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
