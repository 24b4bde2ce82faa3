import { forwardRef, lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { joinClassNames } from '../../lib/dom-props.js';
import { translateValidation, type Translate } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import type { PaymentMethod } from '../../schemas/index.js';
import type { PaymentFormSlotProps } from '../../ui/CardForm.js';
import {
  ErrorNotice,
  Heading,
  Icon,
  IsolatedMessage,
  LoadingState,
  Notice,
  ScreenShell,
  SubheadingScope,
  type RootElementProps,
} from '../../ui/index.js';
import {
  usePaymentMethods,
  type PaymentMethodChange,
  type PaymentMethodOutcome,
  type PaymentMethodsState,
  type PaymentMethodView,
} from './use-payment-methods.js';
import { addEnglish } from '../../i18n/english.js';
import { paymentMethodsEn } from './messages.en.js';
// Card brands and the card form's labels are the upgrade wizard's strings, shared by both.
import { upgradeEn } from '../upgrade-wizard/messages.en.js';

addEnglish({ paymentMethods: paymentMethodsEn, upgrade: upgradeEn });

// Card handling (the form, its schema) is only downloaded when someone adds a card.
const AddCardForm = lazy(() => import('./AddCardForm.js'));

/**
 * Props of `PaymentMethods`. The ref, `id`, `style`, `className`, `aria-*` and `data-*` go to
 * the root `<div class="abk-payment-methods">`, which shows its state to CSS with:
 *
 * - `data-state`: `loading` | `error` | `not-allowed` | `ready`;
 * - `data-default-alert`: `expiring` | `expired` | `missing` while the card the subscriptions are
 *   charged to needs attention.
 *
 * Each card is a `.abk-saved-card` with `data-default`, `data-shared`, `data-own` and
 * `data-pending` (a change is on its way) present or absent, and `data-expiry`
 * (`valid` | `expiring` | `expired`).
 */
export interface PaymentMethodsProps extends RootElementProps {
  /** Replaces the default card form when adding a card, e.g. with a payment provider's hosted fields. */
  renderPaymentForm?: (props: PaymentFormSlotProps) => ReactNode;
  /** The day expiry is judged on. Default: today. */
  today?: Date;
  /** Heading level of the screen title. Default 2. */
  headingLevel?: 2 | 3;
}

/**
 * The account's saved cards: the viewer's own and those other admins shared, with brand, last
 * four digits, expiry, cardholder, sharing and which one the subscriptions are charged to. Add
 * a card (the upgrade wizard's card form, or the host's own through `renderPaymentForm`: card
 * data only ever reaches `tokenizeCard`), make one the default, share or stop sharing, remove.
 * A valid card must be on file at all times: the default card cannot be removed until another
 * valid card is the default, and the screen says so.
 *
 * @example
 * <PaymentMethods renderPaymentForm={({ setTokenizer, disabled }) => (
 *   <HostedCardFields disabled={disabled} onReady={(fields) => setTokenizer(() => fields.tokenize())} />
 * )} />
 */
export const PaymentMethods = forwardRef<HTMLDivElement, PaymentMethodsProps>(
  function PaymentMethods(props, ref) {
    const { headingLevel = 2, ...screenProps } = props;
    const { className, id, style } = screenProps;
    return (
      <ScreenShell
        ref={ref}
        screen="PaymentMethods"
        headingLevel={headingLevel}
        rootClassName="abk-payment-methods"
        id={id}
        style={style}
        className={className}
        header={<ScreenHeader />}
      >
        <PaymentMethodsScreen {...screenProps} ref={ref} />
      </ScreenShell>
    );
  },
);

function ScreenHeader({ headingRef }: { headingRef?: React.Ref<HTMLHeadingElement> }) {
  const { t } = useAccountSettings();
  return (
    <header className="abk-payment-methods__header">
      <Heading ref={headingRef} tabIndex={-1} className="abk-payment-methods__title">
        {t('paymentMethods.title')}
      </Heading>
      <p className="abk-payment-methods__description">{t('paymentMethods.description')}</p>
    </header>
  );
}

const PaymentMethodsScreen = forwardRef<HTMLDivElement, Omit<PaymentMethodsProps, 'headingLevel'>>(
  function PaymentMethodsScreen({ renderPaymentForm, today, className, ...rootProps }, ref) {
    const { t } = useAccountSettings();
    const cards = usePaymentMethods({ today });
    const heading = useRef<HTMLHeadingElement | null>(null);
    const addButton = useRef<HTMLButtonElement | null>(null);
    const [adding, setAdding] = useState(false);
    const [confirming, setConfirming] = useState<string | null>(null);
    // A removed card's buttons go with it: focus moves to the title rather than being lost.
    const focusTitle = () => heading.current?.focus();

    return (
      <div
        {...rootProps}
        ref={ref}
        className={joinClassNames('abk-payment-methods', className)}
        aria-busy={cards.status === 'loading' || undefined}
        data-state={cards.status}
        data-default-alert={cards.status === 'ready' ? (cards.defaultAlert ?? undefined) : undefined}
      >
        <ScreenHeader headingRef={heading} />
        <p className="abk-visually-hidden" role="status">
          {cards.outcome ? announcement(t, cards.outcome) : ''}
        </p>
        {cards.status === 'loading' && <LoadingState rows={2} />}
        {cards.status === 'error' && cards.loadError && (
          <ErrorNotice error={cards.loadError} title={t('errors.loadFailed')} onRetry={cards.retryLoad} />
        )}
        {cards.status === 'not-allowed' && (
          <Notice tone="info" title={t('paymentMethods.notAllowedTitle')}>
            <p>
              {cards.administrators.length > 0 ? (
                <IsolatedMessage
                  id="paymentMethods.notAllowed"
                  values={{ administrators: cards.administrators.map((user) => user.displayName) }}
                />
              ) : (
                t('paymentMethods.notAllowedNoAdministrators')
              )}
            </p>
          </Notice>
        )}
        {cards.status === 'ready' && (
          <>
            {cards.defaultAlert && <DefaultAlert kind={cards.defaultAlert} />}
            {cards.conflict && (
              <Notice
                tone="warning"
                title={t('paymentMethods.conflictTitle')}
                actions={
                  <>
                    <button
                      type="button"
                      className="abk-button"
                      onClick={() => {
                        cards.keepTheirs();
                        focusTitle();
                      }}
                    >
                      {t('paymentMethods.conflictReload')}
                    </button>
                    <button
                      type="button"
                      className="abk-button"
                      data-variant="primary"
                      onClick={() => {
                        cards.applyMine();
                        focusTitle();
                      }}
                    >
                      {t('paymentMethods.conflictApplyMine')}
                    </button>
                  </>
                }
              >
                {t('paymentMethods.conflictBody')}
              </Notice>
            )}
            {cards.methods.length === 0 ? (
              <p className="abk-payment-methods__empty">{t('paymentMethods.empty')}</p>
            ) : (
              <ul className="abk-payment-methods__list" aria-label={t('paymentMethods.listLabel')}>
                {cards.methods.map((view) => (
                  <SavedCard
                    key={view.method.id}
                    view={view}
                    cards={cards}
                    confirming={confirming === view.method.id}
                    onConfirm={(open) => setConfirming(open ? view.method.id : null)}
                    onFocusLost={focusTitle}
                  />
                ))}
              </ul>
            )}
            {adding ? (
              <SubheadingScope>
                <Suspense fallback={<LoadingState rows={3} />}>
                  <AddCardForm
                    addCard={cards.addCard}
                    renderPaymentForm={renderPaymentForm}
                    defaultMakeDefault={cards.defaultAlert !== null}
                    onDone={() => {
                      setAdding(false);
                      // The button comes back in the same commit; focus it once it is there.
                      requestAnimationFrame(() => addButton.current?.focus());
                    }}
                  />
                </Suspense>
              </SubheadingScope>
            ) : (
              <div className="abk-payment-methods__footer">
                <button
                  ref={addButton}
                  type="button"
                  className="abk-button"
                  data-variant="primary"
                  onClick={() => setAdding(true)}
                >
                  <Icon name="plus" /> {t('paymentMethods.addCard')}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    );
  },
);

/** One saved card: what it is, whose, whether it is shared or the default, and its actions. */
function SavedCard({
  view,
  cards,
  confirming,
  onConfirm,
  onFocusLost,
}: {
  view: PaymentMethodView;
  cards: PaymentMethodsState;
  confirming: boolean;
  onConfirm: (open: boolean) => void;
  /** Focus a control of the screen when this card's focused control goes away. */
  onFocusLost: () => void;
}) {
  const { t, messages } = useAccountSettings();
  const id = useId();
  const { method, own, expiry, pending } = view;
  const name = cardName(t, method);
  const problem = cards.problem?.change.paymentMethodId === method.id ? cards.problem : null;
  const keep = useRef<HTMLButtonElement | null>(null);
  const removeButton = useRef<HTMLButtonElement | null>(null);
  const actions = useRef<HTMLDivElement | null>(null);
  // "Keep card" closes the question: focus goes back to the Remove that asked it.
  const backToRemove = useRef(false);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (backToRemove.current) removeButton.current?.focus();
    backToRemove.current = false;
  }, [confirming]);
  const keepCard = () => {
    backToRemove.current = true;
    onConfirm(false);
  };
  const change = (next: PaymentMethodChange) => {
    if (pending && next.kind !== 'remove') return;
    cards.change(next);
  };

  return (
    <li
      className="abk-saved-card"
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-details`}
      data-default={method.isDefault ? '' : undefined}
      data-shared={method.sharedWithAdmins ? '' : undefined}
      data-own={own ? '' : undefined}
      data-pending={pending ? '' : undefined}
      data-expiry={expiry}
    >
      <div className="abk-saved-card__main">
        <span className="abk-saved-card__brand" data-brand={method.brand} aria-hidden="true">
          {brandMark(method.brand)}
        </span>
        <div className="abk-saved-card__text">
          <p className="abk-saved-card__name">
            <span id={`${id}-name`}>{name}</span>
            {method.isDefault && (
              <span className="abk-badge" data-tone="info">
                {t('paymentMethods.isDefault')}
              </span>
            )}
            {expiry !== 'valid' && (
              <span className="abk-badge" data-tone={expiry === 'expired' ? 'danger' : 'warning'}>
                {expiry === 'expired' ? t('paymentMethods.expired') : t('paymentMethods.expiring')}
              </span>
            )}
          </p>
          <p id={`${id}-details`} className="abk-saved-card__details">
            <span>
              {t('paymentMethods.expires', {
                month: String(method.expMonth).padStart(2, '0'),
                year: String(method.expYear),
              })}
            </span>
            <span>
              <IsolatedMessage id="paymentMethods.cardholder" values={{ name: method.ownerName }} />
            </span>
            <span>
              {own ? (
                method.sharedWithAdmins ? (
                  t('upgrade.payment.ownShared')
                ) : (
                  t('upgrade.payment.ownNotShared')
                )
              ) : (
                <IsolatedMessage id="upgrade.payment.sharedBy" values={{ name: method.ownerName }} />
              )}
            </span>
            {method.isDefault && <span>{t('paymentMethods.defaultHint')}</span>}
          </p>
        </div>
      </div>

      {confirming ? (
        <div className="abk-saved-card__confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('paymentMethods.removeConfirm', { card: name })}</p>
          <div className="abk-saved-card__actions">
            <button
              ref={keep}
              type="button"
              className="abk-button"
              onClick={keepCard}
              onKeyDown={(event) => event.key === 'Escape' && keepCard()}
            >
              {t('paymentMethods.keepCard')}
            </button>
            <button
              type="button"
              className="abk-button"
              data-variant="danger"
              onKeyDown={(event) => event.key === 'Escape' && keepCard()}
              onClick={() => {
                onConfirm(false);
                change({ kind: 'remove', paymentMethodId: method.id });
                onFocusLost();
              }}
            >
              {t('paymentMethods.removeConfirmAction')}
            </button>
          </div>
        </div>
      ) : (
        <div ref={actions} className="abk-saved-card__actions">
          {!method.isDefault && (
            <button
              type="button"
              className="abk-button"
              aria-describedby={`${id}-name`}
              aria-disabled={view.makeDefaultRefusal || pending ? true : undefined}
              onClick={() => {
                change({ kind: 'makeDefault', paymentMethodId: method.id });
                if (view.makeDefaultRefusal || pending) return;
                // The default card has no "Make default": focus moves on to its next action.
                requestAnimationFrame(() => {
                  const next = actions.current?.querySelector('button');
                  if (next) next.focus();
                  else onFocusLost();
                });
              }}
            >
              {t('paymentMethods.makeDefault')}
            </button>
          )}
          {own && (
            <button
              type="button"
              className="abk-button"
              data-variant="ghost"
              aria-describedby={`${id}-name`}
              aria-disabled={pending || undefined}
              onClick={() =>
                change({
                  kind: 'share',
                  paymentMethodId: method.id,
                  sharedWithAdmins: !method.sharedWithAdmins,
                })
              }
            >
              {method.sharedWithAdmins ? t('paymentMethods.unshare') : t('paymentMethods.share')}
            </button>
          )}
          {own && (
            <button
              type="button"
              className="abk-button"
              data-variant="ghost"
              aria-describedby={`${id}-name`}
              ref={removeButton}
              aria-disabled={view.removeRefusal || pending ? true : undefined}
              onClick={() => {
                if (pending) return;
                // A refused removal is not confirmed: the rule is stated next to the card instead.
                if (view.removeRefusal) change({ kind: 'remove', paymentMethodId: method.id });
                else onConfirm(true);
              }}
            >
              <Icon name="remove" /> {t('paymentMethods.remove')}
            </button>
          )}
        </div>
      )}

      {problem?.refusal && (
        <Notice tone="warning" live="alert" className="abk-saved-card__problem">
          {translateValidation(t, messages, problem.refusal)}
        </Notice>
      )}
      {problem?.error && (
        <ErrorNotice error={problem.error} className="abk-saved-card__problem" onRetry={cards.retry} />
      )}
    </li>
  );
}

function DefaultAlert({ kind }: { kind: 'expired' | 'expiring' | 'missing' }) {
  const { t } = useAccountSettings();
  const [title, body] =
    kind === 'expired'
      ? [t('paymentMethods.defaultExpiredTitle'), t('paymentMethods.defaultExpiredBody')]
      : kind === 'expiring'
        ? [t('paymentMethods.defaultExpiringTitle'), t('paymentMethods.defaultExpiringBody')]
        : [t('paymentMethods.noDefaultTitle'), t('paymentMethods.noDefaultBody')];
  return (
    <Notice tone={kind === 'expiring' ? 'warning' : 'danger'} live="status" title={title}>
      {body}
    </Notice>
  );
}

/** "Visa ending in 4242", in the viewer's language. */
function cardName(t: Translate, method: Pick<PaymentMethod, 'brand' | 'last4'>): string {
  return t('paymentMethods.card', {
    brand: t(`upgrade.payment.brands.${method.brand === 'other' ? 'generic' : method.brand}`),
    last4: method.last4,
  });
}

function brandMark(brand: PaymentMethod['brand']): string {
  switch (brand) {
    case 'visa':
      return 'VISA';
    case 'mastercard':
      return 'MC';
    case 'amex':
      return 'AMEX';
    case 'discover':
      return 'DISC';
    default:
      return '••••';
  }
}

/** What the screen says once a change went through. */
function announcement(t: Translate, outcome: PaymentMethodOutcome): string {
  const card = cardName(t, outcome.method);
  switch (outcome.change.kind) {
    case 'makeDefault':
      return t('paymentMethods.announce.madeDefault', { card });
    case 'share':
      return outcome.change.sharedWithAdmins
        ? t('paymentMethods.announce.shared', { card })
        : t('paymentMethods.announce.unshared', { card });
    case 'remove':
      return t('paymentMethods.announce.removed', { card });
    case 'add':
      return t('paymentMethods.announce.added', { card });
  }
}
