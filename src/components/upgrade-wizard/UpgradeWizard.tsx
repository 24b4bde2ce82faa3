import { forwardRef, useEffect, useId, useRef, type ReactNode } from 'react';
import { useAccountSettings } from '../../provider/context.js';
import { splitProps } from '../../lib/dom-props.js';
import {
  ErrorNotice,
  Heading,
  HeadingLevelProvider,
  IsolatedMessage,
  LoadingState,
  Notice,
  ScreenShell,
  SubheadingScope,
  type RootElementProps,
} from '../../ui/index.js';
import { PlanStep } from './PlanStep.js';
import { stepViews } from './step-views.js';
import { wizardSteps } from './wizard-steps.js';
import type { OrderResult } from '../../schemas/billing.js';
import type { PaymentFormSlotProps, PolicyLinks } from './types.js';
import { useUpgradeWizard, type UseUpgradeWizardOptions } from './use-upgrade-wizard.js';
import { UpgradeWizardProvider } from './wizard-context.js';
import { stepDefinition, type WizardState, type WizardStep } from './wizard-machine.js';

/**
 * Props of `UpgradeWizard`. Besides these, `id`, `style`, `data-*` and `aria-*` attributes are
 * passed to the root element, and the ref is the root element.
 *
 * State exposed to CSS (present or absent, React Aria style):
 * - root `.abk-upgrade[data-step]`: the step shown, `plan` | `seats` | `payment` | `review` |
 *   `done`; absent while the viewer may not purchase.
 * - root `.abk-upgrade[data-state]`: `loading` while the account (the viewer's permissions and
 *   draft) loads, `error` when it could not be loaded or the screen failed to render,
 *   `not-allowed` when the viewer may not purchase: the explanation, and where the adapter has
 *   `requestUpgrade`, the plans to compare with "Request this upgrade" instead of a checkout.
 * - `.abk-steps__item[data-state]`: `current` | `complete` | `upcoming` | `skipped` (a step this
 *   plan does not need, e.g. seats for a flat plan), per entry of the step navigation.
 * - `.abk-tier[data-selected]` the chosen tier, `[data-current]` the account's current plan,
 *   `[data-purchase]` `self_serve` | `contact_sales`.
 * - `.abk-segmented__option[data-checked]`, `.abk-method[data-checked]`, `.abk-seat[data-checked]`:
 *   the chosen billing interval, payment method and seats; `.abk-seat[data-status]` a user's
 *   `active` | `invited` | `deactivated` state; `.abk-seat[data-held]` a user who holds a seat of
 *   this product today.
 * - `.abk-review__summary[data-stale]`: the price shown is being recalculated.
 */
export interface UpgradeWizardProps extends UseUpgradeWizardOptions, PolicyLinks, RootElementProps {
  /** Replaces the default card form, e.g. with a payment provider's hosted fields. */
  renderPaymentForm?: (props: PaymentFormSlotProps) => ReactNode;
  /**
   * The primary action after a purchase ("Done"), where the host takes the admin next, e.g.
   * back to the account. Without it the confirmation has no action.
   */
  onDone?: (order: OrderResult) => void;
  /**
   * Heading level of the wizard title, to fit the host page's outline. The step title is one
   * level below it, headings inside a step (tier names, the order summary) two. Default 2.
   */
  headingLevel?: 2 | 3;
}

// The props that configure the headless wizard; every other attribute goes on the root. A
// record, so an option added to the hook cannot be forgotten here and land on the root.
const WIZARD_OPTIONS: Record<keyof UseUpgradeWizardOptions, true> = {
  step: true,
  defaultStep: true,
  onStepChange: true,
  draftStorage: true,
  draftStorageKey: true,
  defaultProductId: true,
  defaultSelection: true,
  onPurchaseComplete: true,
  onContactSales: true,
  quoteDebounceMs: true,
};
const WIZARD_OPTION_KEYS = Object.keys(WIZARD_OPTIONS) as (keyof UseUpgradeWizardOptions)[];

/**
 * The upgrade wizard: choose a plan, assign seats, pay, review and purchase — exactly once.
 * The ref is the root element.
 *
 * @example
 * <UpgradeWizard
 *   termsOfServiceUrl="/legal/terms"
 *   privacyPolicyUrl="/legal/privacy"
 *   acceptableUsePolicyUrl="/legal/aup"
 *   onContactSales={(tier) => openSalesChat(tier.id)}
 *   onPurchaseComplete={(order) => router.push(`/billing/orders/${order.orderId}`)}
 * />
 */
export const UpgradeWizard = forwardRef<HTMLDivElement, UpgradeWizardProps>(
  function UpgradeWizard(props, ref) {
    const { headingLevel = 2, className, id, style } = props;
    return (
      <ScreenShell
        ref={ref}
        screen="UpgradeWizard"
        headingLevel={headingLevel}
        rootClassName="abk-upgrade"
        id={id}
        style={style}
        className={className}
        header={<WizardTitle headingLevel={headingLevel} />}
      >
        <UpgradeWizardScreen {...props} ref={ref} />
      </ScreenShell>
    );
  },
);

function WizardTitle({ headingLevel }: { headingLevel: 2 | 3 }) {
  const { t } = useAccountSettings();
  return (
    <HeadingLevelProvider level={headingLevel}>
      <Heading className="abk-upgrade__title">{t('upgrade.title')}</Heading>
    </HeadingLevelProvider>
  );
}

const UpgradeWizardScreen = forwardRef<HTMLDivElement, UpgradeWizardProps>(function UpgradeWizardScreen(
  {
    termsOfServiceUrl,
    privacyPolicyUrl,
    acceptableUsePolicyUrl,
    renderPaymentForm,
    onDone,
    headingLevel = 2,
    className,
    ...props
  },
  ref,
) {
  const { t } = useAccountSettings();
  const [options, rootProps] = splitProps(props, WIZARD_OPTION_KEYS);
  const wizard = useUpgradeWizard(options);
  const id = useId();
  const stepHeading = useRef<HTMLHeadingElement | null>(null);
  const shownStep = useRef<WizardStep | null>(null);
  const rootClassName = className ? `abk-upgrade ${className}` : 'abk-upgrade';
  const ready = wizard.accountStatus === 'ready';

  // Move focus to the new step's heading, so keyboard and screen-reader users start there. The
  // step first shown (a restored draft's included) is where the page starts: focus stays put.
  useEffect(() => {
    if (!ready) return;
    const first = shownStep.current === null;
    if (shownStep.current === wizard.step) return;
    shownStep.current = wizard.step;
    if (!first) stepHeading.current?.focus();
  }, [ready, wizard.step]);

  // Unknown permissions are no permission: nothing can be chosen until the account is known.
  if (!ready) {
    return (
      <div
        {...rootProps}
        ref={ref}
        className={rootClassName}
        data-state={wizard.accountError ? 'error' : 'loading'}
      >
        <WizardTitle headingLevel={headingLevel} />
        {wizard.accountError ? (
          <ErrorNotice
            error={wizard.accountError}
            title={t('errors.loadFailed')}
            onRetry={wizard.actions.retryAccount}
          />
        ) : (
          <LoadingState tall />
        )}
      </div>
    );
  }

  if (!wizard.mayPurchase) {
    const names = wizard.administrators.map((user) => user.displayName);
    return (
      <div {...rootProps} ref={ref} className={rootClassName} data-state="not-allowed">
        <WizardTitle headingLevel={headingLevel} />
        <Notice tone="info" title={t('upgrade.notAllowedTitle')}>
          <p>
            {names.length > 0 ? (
              <IsolatedMessage id="upgrade.notAllowedBody" values={{ administrators: names }} />
            ) : (
              t('upgrade.notAllowedNoAdministrators')
            )}
          </p>
          {wizard.canRequestUpgrade && <p>{t('upgrade.notAllowedRequestHint')}</p>}
        </Notice>
        {/* The plans can still be compared, and one requested from the administrators. */}
        {wizard.canRequestUpgrade && (
          <HeadingLevelProvider level={headingLevel}>
            <SubheadingScope>
              <section className="abk-upgrade__step" aria-labelledby={`${id}-browse`}>
                <Heading id={`${id}-browse`} className="abk-upgrade__step-title">
                  {t('upgrade.steps.plan')}
                </Heading>
                <SubheadingScope>
                  <UpgradeWizardProvider value={wizard}>
                    <PlanStep />
                  </UpgradeWizardProvider>
                </SubheadingScope>
              </section>
            </SubheadingScope>
          </HeadingLevelProvider>
        )}
      </div>
    );
  }

  // Every step before the outcome is listed, also one this plan skips (seats for a flat plan),
  // so the count ("Step 3 of 4") never changes while the plan is chosen or changed.
  const listedSteps: WizardStep[] = wizardSteps
    .filter((candidate) => candidate.phase !== 'outcome')
    .map((candidate) => candidate.id);
  const outcome = stepDefinition(wizard.step).phase === 'outcome';
  const shownIndex = outcome ? listedSteps.length - 1 : listedSteps.indexOf(wizard.step);
  const skipped = (listed: WizardStep) => wizard.state.tierId !== null && !wizard.steps.includes(listed);
  const purchased = wizard.state.attempt?.status === 'succeeded';
  // Completed steps can be revisited until a purchase is under way or may have happened.
  const revisitable =
    !purchased && !wizard.purchasing && !wizard.ambiguousFailure && !wizard.purchaseInterrupted;
  const StepView = stepViews[wizard.step];

  return (
    <div {...rootProps} ref={ref} className={rootClassName} data-step={wizard.step}>
      <HeadingLevelProvider level={headingLevel}>
        <Heading className="abk-upgrade__title">{t('upgrade.title')}</Heading>
        <nav aria-label={t('upgrade.stepsLabel')} className="abk-steps">
          <ol>
            {listedSteps.map((listed, index) => (
              <StepNavigationItem
                key={listed}
                index={index}
                label={t(stepTitleKey(listed, wizard.state))}
                note={
                  skipped(listed)
                    ? t('upgrade.stepNotNeeded')
                    : purchased && index === listedSteps.length - 1
                      ? t('upgrade.purchaseCompleted')
                      : undefined
                }
                // The outcome is shown as the end of the last listed step, the review; after a
                // purchase every step is complete.
                state={
                  skipped(listed)
                    ? 'skipped'
                    : purchased
                      ? 'complete'
                      : index === shownIndex
                        ? 'current'
                        : index < shownIndex
                          ? 'complete'
                          : 'upcoming'
                }
                onSelect={revisitable ? () => wizard.actions.goTo(listed) : undefined}
              />
            ))}
          </ol>
        </nav>

        <SubheadingScope>
          <section className="abk-upgrade__step" aria-labelledby={`${id}-step`}>
            <Heading id={`${id}-step`} ref={stepHeading} tabIndex={-1} className="abk-upgrade__step-title">
              {!outcome && (
                <span className="abk-upgrade__step-count">
                  {t('upgrade.stepOf', { current: shownIndex + 1, total: listedSteps.length })}
                </span>
              )}
              {t(stepTitleKey(wizard.step, wizard.state))}
            </Heading>
            {/* Headings inside a step (tier names, the order summary) are one level below its title. */}
            <SubheadingScope>
              <UpgradeWizardProvider value={wizard}>
                <StepView
                  policies={{ termsOfServiceUrl, privacyPolicyUrl, acceptableUsePolicyUrl }}
                  renderPaymentForm={renderPaymentForm}
                  onDone={onDone}
                />
              </UpgradeWizardProvider>
            </SubheadingScope>
          </section>
        </SubheadingScope>
      </HeadingLevelProvider>
    </div>
  );
});

/** The title of a step; the outcome's title depends on how the purchase went. */
function stepTitleKey(step: WizardStep, state: WizardState) {
  const { titleKey } = stepDefinition(step);
  return typeof titleKey === 'function' ? titleKey(state) : titleKey;
}

/** One entry of the step navigation: a button back to a completed step, otherwise text. */
function StepNavigationItem({
  index,
  label,
  note,
  state,
  onSelect,
}: {
  index: number;
  label: string;
  /** Said after the label, e.g. that this plan skips the step. */
  note: string | undefined;
  state: 'current' | 'complete' | 'upcoming' | 'skipped';
  onSelect: (() => void) | undefined;
}) {
  return (
    <li className="abk-steps__item" data-state={state}>
      {state === 'complete' && onSelect ? (
        <button type="button" className="abk-steps__link" onClick={onSelect}>
          <StepMarker index={index} />
          {label}
        </button>
      ) : (
        <span className="abk-steps__label" aria-current={state === 'current' ? 'step' : undefined}>
          <StepMarker index={index} />
          {/* One text box beside the marker: a long note wraps under the step's name, not into
              a column of its own. */}
          <span className="abk-steps__text">
            {label}
            {note && <span className="abk-steps__note"> ({note})</span>}
          </span>
        </span>
      )}
    </li>
  );
}

function StepMarker({ index }: { index: number }) {
  return (
    <span className="abk-steps__marker" aria-hidden="true">
      {index + 1}
    </span>
  );
}
