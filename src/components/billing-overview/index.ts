export { BillingOverview } from './BillingOverview.js';
export type { BillingOverviewProps } from './BillingOverview.js';
export { useBillingOverview } from './use-billing-overview.js';
export type {
  BillingCardAlert,
  BillingOverviewState,
  BillingOverviewStatus,
  BillingOverviewSubscription,
  UseBillingOverviewOptions,
} from './use-billing-overview.js';
