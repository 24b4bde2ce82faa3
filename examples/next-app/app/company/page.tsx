import { CompanyInformation } from 'account-billing-kit';

export const metadata = { title: 'Company information' };

// A Server Component page: the kit's components are client components ('use client' heads the
// package's index.js), rendered to HTML on the server and hydrated in the browser.
export default function CompanyPage() {
  return <CompanyInformation />;
}
