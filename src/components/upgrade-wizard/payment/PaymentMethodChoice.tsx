import type { PaymentMethod } from '../../../schemas/billing.js';
import { useAccountSettings } from '../../../provider/context.js';
import { NEW_CARD } from './use-payment-submit.js';

/**
 * The account's saved payment methods and "New credit card", as one radio group. A method
 * another admin shared says who shared it.
 */
export function PaymentMethodChoice({
  methods,
  selected,
  onSelect,
  viewerId,
  name,
}: {
  methods: readonly PaymentMethod[];
  /** The chosen method's id, or `NEW_CARD`. */
  selected: string;
  onSelect: (paymentMethodId: string) => void;
  viewerId: string | undefined;
  /** The radio group's name. */
  name: string;
}) {
  const { t } = useAccountSettings();
  return (
    <div className="abk-methods">
      {methods.map((method) => (
        <label key={method.id} className="abk-method" data-checked={selected === method.id ? '' : undefined}>
          <input
            type="radio"
            name={name}
            value={method.id}
            checked={selected === method.id}
            onChange={() => onSelect(method.id)}
          />
          <span className="abk-method__text">
            <span>
              {t('upgrade.payment.existingMethod', {
                brand: t(`upgrade.payment.brands.${method.brand === 'other' ? 'generic' : method.brand}`),
                last4: method.last4,
                month: String(method.expMonth).padStart(2, '0'),
                year: String(method.expYear),
              })}
            </span>
            {method.sharedWithAdmins && method.ownerUserId !== viewerId && (
              <span className="abk-method__meta">
                {t('upgrade.payment.sharedBy', { name: method.ownerName })}
              </span>
            )}
          </span>
        </label>
      ))}
      <label className="abk-method" data-checked={selected === NEW_CARD ? '' : undefined}>
        <input
          type="radio"
          name={name}
          value={NEW_CARD}
          checked={selected === NEW_CARD}
          onChange={() => onSelect(NEW_CARD)}
        />
        <span className="abk-method__text">{t('upgrade.payment.newCard')}</span>
      </label>
    </div>
  );
}
