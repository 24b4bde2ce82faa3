import { useEffect, useId, useRef } from 'react';
import { useAccountSettings } from '../../provider/context.js';
import { ContactPickerField } from '../contact-picker/ContactPickerField.js';
import {
  useBillingContacts,
  usePrimaryContact,
  useRoleContacts,
  type ContactsSectionOptions,
} from './hooks.js';
import { SectionFrame } from './SectionFrame.js';

export interface ContactsSectionProps extends ContactsSectionOptions {
  /** Heading level of the section title, to fit the host page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** Explain to read-only viewers who can make changes. Default true; `CompanyInformation` says it once instead. */
  readOnlyNotice?: boolean;
  className?: string;
}

/**
 * The primary account contact: the one user who works with the account every day and
 * receives all important account notifications.
 *
 * @example
 * <PrimaryContactSection onDirtyChange={setUnsaved} />
 */
export function PrimaryContactSection({
  headingLevel,
  className,
  readOnlyNotice,
  ...options
}: ContactsSectionProps) {
  const { t } = useAccountSettings();
  const state = usePrimaryContact(options);
  return (
    <SectionFrame
      state={state}
      title={t('primaryContact.title')}
      description={t('primaryContact.description')}
      headingLevel={headingLevel}
      readOnlyNotice={readOnlyNotice}
      className={className ? `abk-primary-contact ${className}` : 'abk-primary-contact'}
    >
      <ContactPickerField
        control={state.form.control}
        name="primaryContact"
        label={t('primaryContact.label')}
        hideLabel
        readOnly={state.readOnly}
        placeholder={
          state.readOnly && !state.contacts?.primaryContact ? t('primaryContact.empty') : undefined
        }
      />
    </SectionFrame>
  );
}

/**
 * Billing contacts: up to three distinct users who receive invoices, receipts, orders and
 * renewal notices. "Add another" adds a row; at three it is disabled and says why.
 *
 * @example
 * <BillingContactsList headingLevel={2} />
 */
export function BillingContactsList({
  headingLevel,
  className,
  readOnlyNotice,
  ...options
}: ContactsSectionProps) {
  const { t } = useAccountSettings();
  const state = useBillingContacts(options);
  const limitId = useId();
  const addButton = useRef<HTMLButtonElement | null>(null);
  // After a row is removed its button is gone: focus the row that took its place, else the
  // one before, else "Add another".
  const focusAfterRemoval = useRef<number | null>(null);
  const { setFocus } = state.form;
  const rowCount = state.rows.length;
  useEffect(() => {
    const removed = focusAfterRemoval.current;
    if (removed === null) return;
    focusAfterRemoval.current = null;
    const target = Math.min(removed, rowCount - 1);
    if (target >= 0) setFocus(`billingContacts.${target}.contact`);
    else addButton.current?.focus();
  }, [rowCount, setFocus]);
  return (
    <SectionFrame
      state={state}
      title={t('billingContacts.title')}
      description={t('billingContacts.description')}
      headingLevel={headingLevel}
      readOnlyNotice={readOnlyNotice}
      skeletonRows={2}
      className={className ? `abk-billing-contacts ${className}` : 'abk-billing-contacts'}
      actions={
        <div className="abk-billing-contacts__add">
          <button
            ref={addButton}
            type="button"
            className="abk-button"
            onClick={() => {
              if (state.canAdd) state.addRow();
            }}
            aria-disabled={!state.canAdd || undefined}
            aria-describedby={state.limitReached ? limitId : undefined}
          >
            <span aria-hidden="true">+</span> {t('billingContacts.addAnother')}
          </button>
          {state.limitReached && (
            <p id={limitId} className="abk-billing-contacts__limit">
              {t('billingContacts.limitReached')}
            </p>
          )}
        </div>
      }
    >
      {state.rows.length === 0 ? (
        <p className="abk-section__empty">{t('billingContacts.empty')}</p>
      ) : (
        <ol className="abk-billing-contacts__rows">
          {state.rows.map((row, index) => (
            <li key={row.id} className="abk-billing-contacts__row">
              <ContactPickerField
                control={state.form.control}
                name={`billingContacts.${index}.contact`}
                label={t('billingContacts.contactLabel', { number: index + 1 })}
                exclude={state.chosenIds}
                readOnly={state.readOnly}
              />
              {!state.readOnly && (
                <button
                  type="button"
                  className="abk-button abk-billing-contacts__remove"
                  data-variant="ghost"
                  aria-label={t('billingContacts.remove', { number: index + 1 })}
                  onClick={() => {
                    state.removeRow(index);
                    focusAfterRemoval.current = index;
                  }}
                >
                  <svg
                    width="16"
                    height="16"
                    viewBox="0 0 16 16"
                    aria-hidden="true"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.6"
                  >
                    <path
                      d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                    />
                  </svg>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="abk-billing-contacts__count">
        {t('billingContacts.count', { count: state.rows.length, max: state.max })}
      </p>
    </SectionFrame>
  );
}

/**
 * Role-specific points of contact: one row per role (decision maker, onboarding, security,
 * technical administrator, and any host-defined roles). The security contact may be an
 * external email address. On narrow screens the table reads as a list.
 *
 * @example
 * <RoleContactsTable />
 */
export function RoleContactsTable({
  headingLevel,
  className,
  readOnlyNotice,
  ...options
}: ContactsSectionProps) {
  const { t } = useAccountSettings();
  const state = useRoleContacts(options);
  return (
    <SectionFrame
      state={state}
      title={t('roleContacts.title')}
      description={t('roleContacts.description')}
      headingLevel={headingLevel}
      readOnlyNotice={readOnlyNotice}
      skeletonRows={4}
      className={className ? `abk-role-contacts ${className}` : 'abk-role-contacts'}
    >
      {/* Explicit roles keep table semantics when narrow layouts change `display`. */}
      <table className="abk-role-contacts__table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              {t('roleContacts.roleColumn')}
            </th>
            <th role="columnheader" scope="col">
              {t('roleContacts.contactColumn')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {state.roles.map((role) => {
            const builtIn = t(`roleContacts.roles.${role.id}.label` as 'roleContacts.roles.security.label');
            const known = builtIn !== `roleContacts.roles.${role.id}.label`;
            const label = role.label ?? (known ? builtIn : role.id);
            const purpose =
              role.description ??
              (known
                ? t(`roleContacts.roles.${role.id}.description` as 'roleContacts.roles.security.description')
                : '');
            return (
              <tr key={role.id} role="row" className="abk-role-contacts__row" data-role={role.id}>
                <th role="rowheader" scope="row" className="abk-role-contacts__role">
                  <span className="abk-role-contacts__role-name">{label}</span>
                  {purpose && <span className="abk-role-contacts__role-purpose">{purpose}</span>}
                </th>
                <td role="cell" className="abk-role-contacts__contact">
                  <ContactPickerField
                    control={state.form.control}
                    name={`roles.${role.id}`}
                    label={label}
                    hideLabel
                    allowExternalEmail={role.acceptsExternalEmail}
                    description={
                      role.acceptsExternalEmail && !state.readOnly
                        ? t('roleContacts.externalEmailAllowed')
                        : undefined
                    }
                    readOnly={state.readOnly}
                    placeholder={
                      state.readOnly && !state.contacts?.roleContacts[role.id]
                        ? t('roleContacts.unassigned')
                        : undefined
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SectionFrame>
  );
}
