import { lazy, Suspense, useEffect, useId, useRef, type ReactNode } from 'react';
import { useAccountSettings } from '../../provider/context.js';
import { DoneStep } from './DoneStep.js';
import type { PaymentFormSlotProps } from './PaymentStep.js';
import { PlanStep } from './PlanStep.js';
import { ReviewStep, type PolicyLinks } from './ReviewStep.js';
import { SeatsStep } from './SeatsStep.js';
import { useUpgradeWizard, type UseUpgradeWizardOptions } from './use-upgrade-wizard.js';

// Card handling is only downloaded when someone reaches the payment step.
const PaymentStep = lazy(() => import('./PaymentStep.js'));

export interface UpgradeWizardProps extends UseUpgradeWizardOptions, PolicyLinks {
  /** Replaces the default card form, e.g. with a payment provider's hosted fields. */
  renderPaymentForm?: (props: PaymentFormSlotProps) => ReactNode;
  /** Heading level of the wizard title; step titles use the next level. Default 2. */
  headingLevel?: 2 | 3;
  className?: string;
}

/**
 * The upgrade wizard: choose a plan, assign seats, pay, review and purchase — exactly once.
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
export function UpgradeWizard({
  termsOfServiceUrl,
  privacyPolicyUrl,
  acceptableUsePolicyUrl,
  renderPaymentForm,
  headingLevel = 2,
  className,
  ...options
}: UpgradeWizardProps) {
  const { t } = useAccountSettings();
  const wizard = useUpgradeWizard(options);
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const StepHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const stepHeading = useRef<HTMLHeadingElement | null>(null);
  const firstRender = useRef(true);

  // Move focus to the new step's heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [wizard.step]);

  const visibleSteps = wizard.steps.filter((step) => step !== 'done');
  const title =
    wizard.step === 'done' && wizard.state.attempt?.status === 'succeeded'
      ? t('upgrade.done.title')
      : wizard.step === 'done'
        ? t('upgrade.done.failedTitle')
        : t(`upgrade.steps.${wizard.step}`);

  if (wizard.mayPurchase === false) {
    const names = wizard.administrators.map((user) => user.displayName).join(t('common.listSeparator'));
    return (
      <div className={className ? `abk-upgrade ${className}` : 'abk-upgrade'} data-state="not-allowed">
        <Heading className="abk-upgrade__title">{t('upgrade.title')}</Heading>
        <div className="abk-notice" data-tone="info">
          <p>
            <strong>{t('upgrade.notAllowedTitle')}</strong>
          </p>
          <p>
            {names
              ? t('upgrade.notAllowedBody', { administrators: names })
              : t('upgrade.notAllowedNoAdministrators')}
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className={className ? `abk-upgrade ${className}` : 'abk-upgrade'} data-step={wizard.step}>
      <Heading className="abk-upgrade__title">{t('upgrade.title')}</Heading>
      <nav aria-label={t('upgrade.stepsLabel')} className="abk-steps">
        <ol>
          {visibleSteps.map((step, index) => {
            const current = step === wizard.step || (wizard.step === 'done' && step === 'review');
            const reachable =
              !current &&
              index < wizard.stepIndex &&
              wizard.state.attempt?.status !== 'succeeded' &&
              !wizard.purchasing &&
              !wizard.ambiguousFailure;
            return (
              <li
                key={step}
                className="abk-steps__item"
                data-state={current ? 'current' : index < wizard.stepIndex ? 'complete' : 'upcoming'}
              >
                {reachable ? (
                  <button type="button" className="abk-steps__link" onClick={() => wizard.goTo(step)}>
                    <StepMarker index={index} />
                    {t(`upgrade.steps.${step}`)}
                  </button>
                ) : (
                  <span className="abk-steps__label" aria-current={current ? 'step' : undefined}>
                    <StepMarker index={index} />
                    {t(`upgrade.steps.${step}`)}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>

      <section className="abk-upgrade__step" aria-labelledby={`${id}-step`}>
        <StepHeading id={`${id}-step`} ref={stepHeading} tabIndex={-1} className="abk-upgrade__step-title">
          {wizard.step !== 'done' && (
            <span className="abk-upgrade__step-count">
              {t('upgrade.stepOf', { current: wizard.stepIndex + 1, total: visibleSteps.length })}
            </span>
          )}
          {title}
        </StepHeading>
        {wizard.step === 'plan' && <PlanStep wizard={wizard} />}
        {wizard.step === 'seats' && <SeatsStep wizard={wizard} />}
        {wizard.step === 'payment' && (
          <Suspense
            fallback={
              <div role="status" className="abk-section__skeleton">
                <span className="abk-visually-hidden">{t('common.loading')}</span>
                <span className="abk-skeleton abk-skeleton--tall" aria-hidden="true" />
              </div>
            }
          >
            <PaymentStep wizard={wizard} renderPaymentForm={renderPaymentForm} />
          </Suspense>
        )}
        {wizard.step === 'review' && (
          <ReviewStep
            wizard={wizard}
            policies={{ termsOfServiceUrl, privacyPolicyUrl, acceptableUsePolicyUrl }}
          />
        )}
        {wizard.step === 'done' && <DoneStep wizard={wizard} />}
      </section>
    </div>
  );
}

function StepMarker({ index }: { index: number }) {
  return (
    <span className="abk-steps__marker" aria-hidden="true">
      {index + 1}
    </span>
  );
}
