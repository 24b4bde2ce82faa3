import type { PaymentMethod } from '../../../schemas/billing.js';
import { useAccountSettings } from '../../../provider/context.js';
import { paymentMethodLabel } from '../shared.js';
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
  /** The chosen method's id, `NEW_CARD`, or null while nothing is chosen yet. */
  selected: string | null;
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
            <span>{paymentMethodLabel(t, method)}</span>
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
