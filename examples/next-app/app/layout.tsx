import 'account-billing-kit/styles.css';
import './globals.css';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountSettings } from './account-settings';

export const metadata = { title: 'Settings — Next.js host' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <strong>Acme CRM</strong>
          <nav aria-label="Settings">
            <Link href="/company">Company information</Link>
            <Link href="/upgrade">Upgrade</Link>
          </nav>
        </header>
        <main className="app-main">
          <AccountSettings locale="en">{children}</AccountSettings>
        </main>
      </body>
    </html>
  );
}
