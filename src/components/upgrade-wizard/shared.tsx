import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/translate.js';
import { warnInDevelopment } from '../../lib/dev-warning.js';
import type { PaymentMethod } from '../../schemas/billing.js';
import { useAccountSettings } from '../../provider/context.js';
import { Icon, Notice } from '../../ui/index.js';
import { useWizardActions, useWizardNavigation } from './wizard-context.js';

/** An error listed at the top of a step, linked to the field it is about. */
export interface StepError {
  fieldId: string;
  message: string;
}

/** "There are 2 problems on this step:" with a link to each field. */
export function ErrorSummary({ errors }: { errors: StepError[] }) {
  const { t } = useAccountSettings();
  if (errors.length === 0) return null;
  return (
    <Notice
      tone="danger"
      live="alert"
      className="abk-error-summary"
      title={t('upgrade.errorSummary', { count: errors.length })}
    >
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId + error.message}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                const field = document.getElementById(error.fieldId);
                field?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** Back on one side, the step's main action on the other. */
export function StepFooter({ onBack, children }: { onBack?: (() => void) | undefined; children: ReactNode }) {
  const { t } = useAccountSettings();
  return (
    <div className="abk-upgrade__footer">
      {onBack ? (
        <button type="button" className="abk-button" data-variant="ghost" onClick={onBack}>
          <Icon name="arrow-left" /> {t('common.back')}
        </button>
      ) : (
        <span />
      )}
      <div className="abk-upgrade__footer-main">{children}</div>
    </div>
  );
}

/**
 * "Next": moves on when the step is complete; otherwise stays, and `onBlocked` shows why. It is
 * aria-disabled rather than disabled, so it stays focusable and its refusal can be explained.
 */
export function NextButton({ onBlocked, label }: { onBlocked: () => void; label?: string }) {
  const { t } = useAccountSettings();
  const { canContinue } = useWizardNavigation();
  const { next } = useWizardActions();
  return (
    <button
      type="button"
      className="abk-button"
      data-variant="primary"
      aria-disabled={!canContinue || undefined}
      onClick={() => (canContinue ? next() : onBlocked())}
    >
      {label ?? t('common.next')} <Icon name="arrow-right" />
    </button>
  );
}

/**
 * Fills a message's placeholders with elements: `withSlots(t, 'upgrade.review.termsIntro',
 * { terms: <a …/> })`. Text around the slots stays text. A slot the message lost (a host's
 * override without `{terms}`) is still shown, after the text, and a development warning names it:
 * a legal link must not disappear with a wording change.
 */
export function withSlots(
  text: (values: Record<string, string>) => string,
  slots: Record<string, ReactNode>,
  messageKey = 'message',
): ReactNode[] {
  const marker = '\u0000';
  const values = Object.fromEntries(Object.keys(slots).map((name) => [name, `${marker}${name}${marker}`]));
  const parts = text(values).split(marker);
  const used = new Set(parts.filter((_, index) => index % 2 === 1));
  const missing = Object.keys(slots).filter((name) => !used.has(name));
  if (missing.length > 0) {
    warnInDevelopment(
      `the ${messageKey} message has no ${missing.map((name) => `{${name}}`).join(', ')}; ` +
        'those links are shown after the text. Keep every placeholder in message overrides.',
    );
  }
  return [
    ...parts.map((part, index) => (index % 2 === 1 ? <span key={index}>{slots[part]}</span> : part)),
    ...missing.map((name) => <span key={`missing-${name}`}> {slots[name]}</span>),
  ];
}

/** "Visa ending in 4242, expires 08/2028", in the viewer's language. */
export function paymentMethodLabel(t: Translate, method: PaymentMethod): string {
  return t('upgrade.payment.existingMethod', {
    brand: t(`upgrade.payment.brands.${method.brand === 'other' ? 'generic' : method.brand}`),
    last4: method.last4,
    month: String(method.expMonth).padStart(2, '0'),
    year: String(method.expYear),
  });
}

/** Whose card it is: the viewer's own, or shared by another admin (and whether it is shared). */
export function paymentMethodOwnership(
  t: Translate,
  method: PaymentMethod,
  viewerId: string | undefined,
): string {
  if (method.ownerUserId !== viewerId) return t('upgrade.payment.sharedBy', { name: method.ownerName });
  return method.sharedWithAdmins ? t('upgrade.payment.ownShared') : t('upgrade.payment.ownNotShared');
}

export function priceLabel(
  t: Translate,
  formatted: string,
  pricing: 'flat' | 'per_seat',
  interval: 'monthly' | 'annual',
): string {
  if (pricing === 'per_seat') {
    return interval === 'annual'
      ? t('upgrade.plan.perSeatPerYear', { price: formatted })
      : t('upgrade.plan.perSeatPerMonth', { price: formatted });
  }
  return interval === 'annual'
    ? t('upgrade.plan.perYear', { price: formatted })
    : t('upgrade.plan.perMonth', { price: formatted });
}
