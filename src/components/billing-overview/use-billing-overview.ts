import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { useAccountSettings } from '../../provider/context.js';
import { accountQueryOptions, catalogQueryOptions, subscriptionsQueryOptions } from '../../queries/index.js';
import {
  canPurchase,
  cardExpiryStatus,
  type CardExpiryStatus,
  type ChargedCard,
  type Product,
  type ProductSubscription,
  type Tier,
  type User,
} from '../../schemas/index.js';

/** Where the overview is: its data on the way, failed to arrive, or shown. */
export type BillingOverviewStatus = 'loading' | 'error' | 'ready';

/** One product's subscription with the names the catalog gives it, in the viewer's language. */
export interface BillingOverviewSubscription {
  /** The subscription as the adapter reports it. */
  subscription: ProductSubscription;
  /** The catalog's product and tier; undefined when the catalog no longer lists them. */
  product: Product | undefined;
  /** The catalog's tier; undefined when the catalog no longer lists it. */
  tier: Tier | undefined;
  /** The product's name, or its id when the catalog does not know it. */
  productName: string;
  /** The tier's name, or its id when the catalog does not know it. */
  tierName: string;
  /** Where the card this subscription is charged to stands; null without a card. */
  cardStatus: CardExpiryStatus | null;
}

/**
 * Why the card on file needs attention: it expires this month or next, it has expired, or the
 * subscriptions have no card to be charged to at all.
 */
export interface BillingCardAlert {
  /** What is wrong with the card on file. */
  kind: 'expiring' | 'expired' | 'missing';
  /** The card, except when it is `missing`. */
  card: ChargedCard | null;
}

/** What `useBillingOverview` returns. */
export interface BillingOverviewState {
  /** `ready` once the account, the subscriptions and the catalog are all known. */
  status: BillingOverviewStatus;
  /** Why the overview could not be loaded (`status: 'error'`). */
  loadError: AdapterError | null;
  /** Asks again for whatever failed to load. */
  retry: () => void;
  /** Every product the account subscribes to, in the catalog's order. */
  subscriptions: BillingOverviewSubscription[];
  /**
   * The card the subscriptions that still charge are charged to, when it needs attention: the
   * seed's rule is that a valid card must be on file at all times.
   */
  cardAlert: BillingCardAlert | null;
  /**
   * The viewer may manage billing (seats, payment methods). False while permissions are not known:
   * a viewer is offered controls only once they are known to be allowed.
   */
  mayManage: boolean;
  /** The viewer may buy an upgrade (`canPurchase`); false while that is not known. */
  mayPurchase: boolean;
  /** Who to ask when the viewer may not manage billing. Never the viewer. */
  administrators: User[];
  /**
   * The product an account without subscriptions is pointed to first ("See plans" opens the
   * wizard on it): the catalog's first product, or null before the catalog is known.
   */
  firstProductId: string | null;
}

/** Options of `useBillingOverview`. */
export interface UseBillingOverviewOptions {
  /** The day expiry is judged on. Default: today. */
  today?: Date | undefined;
}

/**
 * The headless billing overview: the account's subscriptions per product with their catalog names,
 * whether the card they are charged to needs attention, and what the viewer may do.
 *
 * @example
 * const overview = useBillingOverview();
 * if (overview.status !== 'ready') return null;
 * return overview.subscriptions.map(({ subscription, productName, tierName }) => (
 *   <p key={subscription.productId}>{productName} {tierName}</p>
 * ));
 */
export function useBillingOverview({ today }: UseBillingOverviewOptions = {}): BillingOverviewState {
  const settings = useAccountSettings();
  const account = useQuery(accountQueryOptions(settings));
  const subscriptions = useQuery(subscriptionsQueryOptions(settings));
  // The wizard's query: the same cache entry, so opening the upgrade afterwards fetches nothing.
  const catalog = useQuery(catalogQueryOptions(settings, undefined, settings.locale));
  const day = today?.getTime();

  const views = useMemo(() => {
    const products = catalog.data?.products ?? [];
    const on = day === undefined ? new Date() : new Date(day);
    const order = (productId: string) => {
      const index = products.findIndex((product) => product.id === productId);
      return index === -1 ? products.length : index;
    };
    return [...(subscriptions.data ?? [])]
      .sort((a, b) => order(a.productId) - order(b.productId))
      .map((subscription): BillingOverviewSubscription => {
        const product = products.find((candidate) => candidate.id === subscription.productId);
        const tier = product?.tiers.find((candidate) => candidate.id === subscription.tierId);
        return {
          subscription,
          product,
          tier,
          productName: product?.name ?? subscription.productId,
          tierName: tier?.name ?? subscription.tierId,
          cardStatus: subscription.paymentMethod ? cardExpiryStatus(subscription.paymentMethod, on) : null,
        };
      });
  }, [catalog.data, subscriptions.data, day]);

  const failed = [account, subscriptions, catalog].filter(
    (query) => query.isError && query.data === undefined,
  );
  const loadError = failed[0]?.error;
  const retry = () => {
    for (const query of failed) void query.refetch();
  };

  const permissions = account.data?.viewer.permissions;
  const viewerId = account.data?.viewer.user.id;
  return {
    status: loadError ? 'error' : account.data && subscriptions.data && catalog.data ? 'ready' : 'loading',
    loadError: loadError ? toAdapterError(loadError) : null,
    retry,
    subscriptions: views,
    cardAlert: cardAlertOf(views),
    mayManage: permissions?.manageBilling === true,
    mayPurchase: canPurchase(permissions),
    administrators: (account.data?.administrators ?? []).filter((user) => user.id !== viewerId),
    firstProductId: catalog.data?.products[0]?.id ?? null,
  };
}

/** The worst state of the card the still-charging subscriptions go to. Canceled ones charge nothing. */
function cardAlertOf(views: BillingOverviewSubscription[]): BillingCardAlert | null {
  const charging = views.filter((view) => view.subscription.nextCharge !== null);
  if (charging.some((view) => view.subscription.paymentMethod === null))
    return { kind: 'missing', card: null };
  const expired = charging.find((view) => view.cardStatus === 'expired');
  if (expired) return { kind: 'expired', card: expired.subscription.paymentMethod };
  const expiring = charging.find((view) => view.cardStatus === 'expiring');
  if (expiring) return { kind: 'expiring', card: expiring.subscription.paymentMethod };
  return null;
}
