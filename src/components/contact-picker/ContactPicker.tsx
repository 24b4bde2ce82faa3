import { forwardRef, useMemo, useRef, useState, type FocusEvent, type Ref } from 'react';
import { composeRefs, joinClassNames } from '../../lib/dom-props.js';
import { usePopoverPosition } from '../../lib/use-popover-position.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  AssigneeAvatar,
  ErrorNotice,
  Field,
  Icon,
  IsolatedMessage,
  StatusBadge,
  type RootElementProps,
} from '../../ui/index.js';
import { ContactPickerPopover } from './ContactPickerPopover.js';
import { LIST_MAX_HEIGHT, useContactPicker, type UseContactPickerOptions } from './use-contact-picker.js';

/**
 * Props of `ContactPicker`. `id`, `className`, `style`, `data-*` and `aria-*` go on the root
 * element (`.abk-contact-picker`), and a ref reaches it too; `inputId` names the text input.
 *
 * The picker exposes its state to CSS as attributes that are present or absent:
 * - root and `.abk-contact-picker__popover` `[data-open]`: the list is open;
 * - root `[data-invalid]`: `invalid` is set;
 * - root `[data-disabled]` / `[data-readonly]`: `disabled` / `readOnly` is set;
 * - root `[data-has-value]`: a user or address is chosen;
 * - root `[data-warning]`: a warning is shown under the field (e.g. the chosen user is deactivated);
 * - `.abk-contact-picker__control[data-state]`: `disabled` or `read-only`;
 * - `.abk-contact-picker__popover[data-placement]`: `bottom` or `top` of the field;
 * - `.abk-contact-picker__popover[data-status]`: `idle`, `loading`, `error`, `empty` or `ready`;
 * - `.abk-contact-picker__option[data-highlighted]`: the keyboard or pointer is on it;
 * - `.abk-contact-picker__option[data-selected]`: it is the current value;
 * - `.abk-contact-picker__option[data-status]`: `active`, `invited`, `deactivated` or `external`.
 */
export interface ContactPickerProps extends UseContactPickerOptions, RootElementProps {
  /** The field's label. Always present for assistive technology, even when hidden. */
  label: string;
  /** Hide the label visually (e.g. in a table whose column header says it). */
  hideLabel?: boolean;
  /** Help text under the field. */
  description?: string;
  /** Placeholder; defaults to the catalog's "Select a user". */
  placeholder?: string;
  required?: boolean;
  /** Marks the field invalid; pair with `errorMessage`. */
  invalid?: boolean;
  /** An already translated error, shown under the field and announced with it. */
  errorMessage?: string;
  /** An already translated warning about the current value. Default: a deactivated user is flagged. */
  warningMessage?: string;
  /** Form field name; the value is also submitted as a hidden input for native forms. */
  name?: string;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  /** Ref to the text input, e.g. for react-hook-form's focus on error. */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The accessible, fast "Select a user" combobox. Searches the account's users through the
 * adapter (paginated, virtualised, cached), marks invited and deactivated users, and can accept
 * an external email address.
 *
 * @example
 * <ContactPicker
 *   label={t('primaryContact.label')}
 *   value={primaryContact}
 *   onValueChange={setPrimaryContact}
 *   exclude={billingContactIds}
 * />
 */
export const ContactPicker = forwardRef<HTMLDivElement, ContactPickerProps>(function ContactPicker(
  {
    label,
    hideLabel = false,
    description,
    placeholder,
    required = false,
    invalid = false,
    errorMessage,
    warningMessage,
    name,
    onBlur,
    inputRef,
    className,
    value: valueProp,
    defaultValue,
    onValueChange,
    exclude,
    unavailable,
    allowExternalEmail = false,
    disabled = false,
    readOnly = false,
    searchDebounceMs,
    pageSize,
    rowHeight,
    inputId,
    ...rootProps
  },
  ref,
) {
  const { t } = useAccountSettings();
  const picker = useContactPicker({
    value: valueProp,
    defaultValue,
    onValueChange,
    exclude,
    unavailable,
    allowExternalEmail,
    disabled,
    readOnly,
    searchDebounceMs,
    pageSize,
    rowHeight,
    inputId,
  });
  const { id, isOpen, value } = picker;
  const anchorRef = useRef<HTMLDivElement | null>(null);
  // Kept in state as well as handed on: the clear and retry buttons move focus back to it.
  const [inputElement, setInputElement] = useState<HTMLInputElement | null>(null);
  const setInputRefs = useMemo(() => composeRefs(setInputElement, inputRef), [inputRef]);
  const position = usePopoverPosition(anchorRef, isOpen, LIST_MAX_HEIGHT);

  // A chosen user who does not receive messages (deactivated) or not yet (invited) is flagged.
  const warning =
    warningMessage ??
    (value?.kind === 'user' && value.user.status !== 'active' ? (
      <IsolatedMessage
        id={
          value.user.status === 'deactivated'
            ? 'contactPicker.deactivatedValue'
            : 'contactPicker.invitedValue'
        }
        values={{ name: value.user.displayName }}
      />
    ) : undefined);
  // A deactivated contact keeps their flag until replaced; replacing is one click away.
  const offerReplacement =
    value?.kind === 'user' && value.user.status === 'deactivated' && !disabled && !readOnly;
  const searchErrorId = picker.error ? `${id}-search-error` : undefined;
  const selectedUser = value?.kind === 'user' ? value.user : null;
  // While a new search is typed, the input no longer shows the value: nor do its details.
  const showDetails =
    value !== null && !(isOpen && picker.query) && (selectedUser !== null || value.kind === 'email');

  return (
    <div
      {...rootProps}
      ref={ref}
      className={joinClassNames('abk-contact-picker', className)}
      data-open={isOpen ? '' : undefined}
      data-invalid={invalid ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
      data-readonly={readOnly ? '' : undefined}
      data-has-value={value ? '' : undefined}
      data-warning={warning ? '' : undefined}
    >
      <Field
        id={id}
        label={label}
        hideLabel={hideLabel}
        description={description}
        warning={warning}
        error={invalid ? errorMessage : undefined}
        required={required}
      >
        {(control) => (
          <div
            className="abk-contact-picker__control"
            ref={anchorRef}
            data-state={disabled ? 'disabled' : readOnly ? 'read-only' : undefined}
          >
            <span className="abk-contact-picker__leading" aria-hidden="true">
              {value && !(isOpen && picker.query) ? (
                <AssigneeAvatar assignee={value} />
              ) : (
                <Icon name="search" />
              )}
            </span>
            {/* The value's details (a chosen user's email, a status badge) sit under the
                input, not beside it: the input keeps the width to show the whole value. */}
            <span className="abk-contact-picker__value">
              <input
                className="abk-contact-picker__input"
                {...picker.getInputProps({
                  ...control,
                  ref: setInputRefs,
                  // The field's <label for> names the input.
                  'aria-labelledby': undefined,
                  'aria-describedby':
                    [control['aria-describedby'], searchErrorId].filter(Boolean).join(' ') || undefined,
                  // Invalid even without a message to show, e.g. while a form marks it.
                  'aria-invalid': invalid || undefined,
                  onFocus: (event) => event.currentTarget.select(),
                  onBlur,
                  placeholder: placeholder ?? t('contactPicker.placeholder'),
                  spellCheck: false,
                })}
              />
              {showDetails && (
                <span className="abk-contact-picker__details">
                  {selectedUser && (
                    <bdi className="abk-contact-picker__value-email">
                      <EmailText email={selectedUser.email} />
                    </bdi>
                  )}
                  {value.kind === 'email' && <StatusBadge status="external" />}
                  {selectedUser && selectedUser.status !== 'active' && (
                    <StatusBadge status={selectedUser.status} />
                  )}
                </span>
              )}
            </span>
            {value && !disabled && !readOnly && (
              <button
                type="button"
                className="abk-contact-picker__clear"
                aria-label={`${t('contactPicker.clear')}: ${label}`}
                onClick={() => {
                  picker.clear();
                  // The button disappears; keep focus in the field.
                  inputElement?.focus();
                }}
              >
                <Icon name="clear" size={14} />
              </button>
            )}
            {!readOnly && (
              <button type="button" className="abk-contact-picker__toggle" {...picker.getToggleButtonProps()}>
                <Icon name="chevron-down" size={14} />
              </button>
            )}
          </div>
        )}
      </Field>
      {offerReplacement && (
        <button
          type="button"
          className="abk-button abk-contact-picker__replace"
          data-variant="link"
          onClick={() => {
            inputElement?.focus();
            picker.open();
          }}
        >
          {t('contactPicker.replace')}
        </button>
      )}
      {name && (
        <input
          type="hidden"
          name={name}
          value={value ? (value.kind === 'user' ? value.user.id : value.email) : ''}
        />
      )}
      {picker.error && (
        <ErrorNotice
          id={searchErrorId}
          className="abk-contact-picker__search-error"
          error={picker.error}
          title={t('contactPicker.searchFailed')}
          onRetry={() => {
            picker.retry();
            inputElement?.focus();
            picker.open();
          }}
        />
      )}
      <div className="abk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {isOpen ? picker.announcement : ''}
      </div>
      <ContactPickerPopover
        picker={picker}
        label={label}
        position={position}
        maxHeight={LIST_MAX_HEIGHT}
        offerExternalEmail={allowExternalEmail}
      />
    </div>
  );
});

/** An address that, when it must wrap, wraps after its @ rather than mid-word. */
function EmailText({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
