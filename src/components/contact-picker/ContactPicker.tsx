import { Fragment, useCallback, useRef, useState, type FocusEvent, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { highlightMatches, initialsOf, type TextSegment } from '../../lib/search-text.js';
import { usePopoverPosition } from '../../lib/use-popover-position.js';
import { useAccountSettings } from '../../provider/context.js';
import type { User } from '../../schemas/user.js';
import {
  useContactPicker,
  type ContactPickerItem,
  type ContactPickerValue,
  type UseContactPickerOptions,
} from './use-contact-picker.js';

export interface ContactPickerProps extends UseContactPickerOptions {
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
  className?: string;
}

const LIST_MAX_HEIGHT = 320;

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
export function ContactPicker({
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
  ...options
}: ContactPickerProps) {
  const { t, portalContainer, themeRootProps } = useAccountSettings();
  const picker = useContactPicker(options);
  const { combobox, id, isOpen, value, scrollRef } = picker;
  const anchorRef = useRef<HTMLDivElement | null>(null);
  const [inputElement, setInputElementState] = useState<HTMLInputElement | null>(null);
  const setInputElement = useCallback(
    (element: HTMLInputElement | null) => {
      setInputElementState(element);
      assignRef(inputRef, element);
    },
    [inputRef],
  );
  const position = usePopoverPosition(anchorRef, isOpen, LIST_MAX_HEIGHT);
  const disabled = options.disabled ?? false;
  const readOnly = options.readOnly ?? false;

  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = invalid && errorMessage ? `${id}-error` : undefined;
  const warning =
    warningMessage ??
    (value?.kind === 'user' && value.user.status === 'deactivated'
      ? t('companyInformation.deactivatedContact', { name: value.user.displayName })
      : undefined);
  const warningId = warning ? `${id}-warning` : undefined;
  const searchErrorId = picker.error ? `${id}-search-error` : undefined;
  const describedBy =
    [descriptionId, warningId, errorId, searchErrorId].filter(Boolean).join(' ') || undefined;
  const selectedUser = value?.kind === 'user' ? value.user : null;
  const state = disabled ? 'disabled' : readOnly ? 'read-only' : undefined;

  const inputProps = combobox.getInputProps({
    ref: setInputElement,
    onChange: (event) => picker.setQuery(event.currentTarget.value),
    onFocus: (event) => event.currentTarget.select(),
    onBlur,
    disabled,
    readOnly,
    // Only aria-required: the native attribute would make the browser block submission with
    // its own untranslated bubble before the form's localised message can show.
    placeholder: placeholder ?? t('contactPicker.placeholder'),
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
    autoComplete: 'off',
    spellCheck: false,
  });

  const popover = (
    <div
      className="abk-contact-picker__popover"
      data-placement={position.placement}
      data-open={isOpen ? '' : undefined}
      data-status={picker.status}
      // A failed search is explained (with its retry) under the field; the popover would cover it.
      hidden={!isOpen || picker.status === 'error'}
      style={position.style}
    >
      <ul
        className="abk-contact-picker__list"
        {...combobox.getMenuProps(
          { ref: scrollRef, 'aria-busy': picker.isRefreshing || undefined },
          // The list mounts in the provider's portal one render after the input.
          { suppressRefError: true },
        )}
        hidden={!isOpen || picker.items.length === 0}
        style={
          {
            maxHeight:
              typeof position.style.maxHeight === 'number' ? position.style.maxHeight - 2 : LIST_MAX_HEIGHT,
            // Only the rows in view exist; a sizer of the full height keeps the scrollbar true.
            '--abk-list-size': `${picker.virtualizer.getTotalSize()}px`,
          } as React.CSSProperties
        }
      >
        {isOpen &&
          picker.virtualRows.map((row) => {
            const item = picker.items[row.index];
            if (!item) return null;
            return (
              <PickerOption
                key={row.key}
                item={item}
                index={row.index}
                setSize={picker.total}
                highlighted={combobox.highlightedIndex === row.index}
                selected={isSameItem(value, item)}
                terms={picker.terms}
                itemProps={combobox.getItemProps({ item, index: row.index })}
                start={row.start}
                height={row.size}
              />
            );
          })}
      </ul>
      {isOpen && picker.status !== 'ready' && (
        <p className="abk-contact-picker__state" aria-hidden="true">
          {picker.status === 'loading' ? t('contactPicker.loadingResults') : picker.announcement}
        </p>
      )}
      {isOpen && picker.isFetchingMore && (
        <p className="abk-contact-picker__state" aria-hidden="true">
          {t('contactPicker.loadingMore')}
        </p>
      )}
      {isOpen && options.allowExternalEmail && picker.status === 'ready' && !picker.query.includes('@') && (
        <p className="abk-contact-picker__hint" aria-hidden="true">
          {t('contactPicker.externalEmailHint')}
        </p>
      )}
    </div>
  );

  return (
    <div
      className={className ? `abk-contact-picker ${className}` : 'abk-contact-picker'}
      data-open={isOpen ? '' : undefined}
      data-invalid={invalid ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
      data-readonly={readOnly ? '' : undefined}
      data-has-value={value ? '' : undefined}
      data-warning={warning ? '' : undefined}
    >
      <label
        {...combobox.getLabelProps()}
        className={hideLabel ? 'abk-visually-hidden' : 'abk-contact-picker__label'}
      >
        {label}
        {required && !hideLabel && (
          <span className="abk-contact-picker__required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      <div className="abk-contact-picker__control" ref={anchorRef} data-state={state}>
        <span className="abk-contact-picker__leading" aria-hidden="true">
          {value && !(isOpen && picker.query) ? <Avatar item={value} /> : <SearchIcon />}
        </span>
        <input className="abk-contact-picker__input" {...inputProps} />
        {value?.kind === 'email' && (
          <span className="abk-contact-picker__badge" data-kind="external">
            {t('contactPicker.externalEmail')}
          </span>
        )}
        {selectedUser && selectedUser.status !== 'active' && (
          <span className="abk-contact-picker__badge" data-kind={selectedUser.status}>
            {selectedUser.status === 'invited'
              ? t('contactPicker.statusInvited')
              : t('contactPicker.statusDeactivated')}
          </span>
        )}
        {value && !disabled && !readOnly && (
          <button
            type="button"
            className="abk-contact-picker__clear"
            aria-label={`${t('contactPicker.clear')}: ${label}`}
            onClick={() => {
              picker.setValue(null);
              combobox.reset();
              // The button disappears; keep focus in the field.
              inputElement?.focus();
            }}
          >
            <ClearIcon />
          </button>
        )}
        {!readOnly && (
          <button
            type="button"
            className="abk-contact-picker__toggle"
            {...combobox.getToggleButtonProps({ disabled, 'aria-label': t('contactPicker.toggle') })}
          >
            <ChevronIcon />
          </button>
        )}
      </div>
      {name && (
        <input
          type="hidden"
          name={name}
          value={value ? (value.kind === 'user' ? value.user.id : value.email) : ''}
        />
      )}
      {description && (
        <p id={descriptionId} className="abk-contact-picker__description">
          {description}
        </p>
      )}
      {warningId && (
        <p id={warningId} className="abk-contact-picker__warning">
          {warning}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="abk-contact-picker__error">
          {errorMessage}
        </p>
      )}
      {picker.error && (
        <div id={searchErrorId} className="abk-contact-picker__search-error" role="alert">
          <span>{t('contactPicker.searchFailed')}</span>{' '}
          <button
            type="button"
            className="abk-button"
            data-variant="link"
            onClick={() => {
              picker.retry();
              inputElement?.focus();
              combobox.openMenu();
            }}
          >
            {t('common.retry')}
          </button>
        </div>
      )}
      <div className="abk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {isOpen ? picker.announcement : ''}
      </div>
      {portalContainer
        ? createPortal(
            portalContainer.closest('.abk-root') ? (
              popover
            ) : (
              <div className="abk-root" {...themeRootProps}>
                {popover}
              </div>
            ),
            portalContainer,
          )
        : null}
    </div>
  );
}

function isSameItem(value: ContactPickerValue | null, item: ContactPickerItem): boolean {
  if (!value) return false;
  if (value.kind === 'user' && item.kind === 'user') return value.user.id === item.user.id;
  return value.kind === 'email' && item.kind === 'email' && value.email === item.email;
}

interface PickerOptionProps {
  item: ContactPickerItem;
  index: number;
  setSize: number;
  highlighted: boolean;
  selected: boolean;
  terms: string[];
  itemProps: Record<string, unknown>;
  start: number;
  height: number;
}

function PickerOption({
  item,
  index,
  setSize,
  highlighted,
  selected,
  terms,
  itemProps,
  start,
  height,
}: PickerOptionProps) {
  const { t } = useAccountSettings();
  const user = item.kind === 'user' ? item.user : null;
  const deactivated = user?.status === 'deactivated';
  // Named by its own text, so what is shown and what is announced cannot drift apart: the
  // avatar and icons are hidden, and hidden commas keep the parts from running together.
  return (
    <li
      className="abk-contact-picker__option"
      {...itemProps}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-highlighted={highlighted ? '' : undefined}
      data-selected={selected ? '' : undefined}
      data-status={user?.status ?? 'external'}
      title={deactivated ? t('contactPicker.deactivatedReason') : undefined}
      style={{ top: start, height }}
    >
      <span className="abk-contact-picker__avatar-slot" aria-hidden="true">
        <Avatar item={item} />
      </span>
      <span className="abk-contact-picker__text">
        {user ? (
          <>
            <span className="abk-contact-picker__name">
              <Highlighted segments={highlightMatches(user.displayName, terms)} />
            </span>
            <span className="abk-visually-hidden">, </span>
            <span className="abk-contact-picker__email">
              <Highlighted segments={highlightMatches(user.email, terms)} />
            </span>
          </>
        ) : (
          <span className="abk-contact-picker__name">
            {t('contactPicker.useEmail', { email: item.kind === 'email' ? item.email : '' })}
          </span>
        )}
      </span>
      {user && user.status !== 'active' && (
        <span className="abk-contact-picker__badge" data-kind={user.status}>
          <span className="abk-visually-hidden">, </span>
          {user.status === 'invited'
            ? t('contactPicker.statusInvited')
            : t('contactPicker.statusDeactivated')}
          {deactivated && (
            <span className="abk-visually-hidden">. {t('contactPicker.deactivatedReason')}</span>
          )}
        </span>
      )}
      {selected && <CheckIcon />}
    </li>
  );
}

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="abk-contact-picker__match">
            {segment.text}
          </mark>
        ) : (
          // A bare text node: wrapping it would let name computation drop its spaces.
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}

function Avatar({ item }: { item: ContactPickerItem }) {
  if (item.kind === 'email') {
    return (
      <span className="abk-avatar" data-kind="external">
        @
      </span>
    );
  }
  return <UserAvatar user={item.user} />;
}

/** A user's photo, or their initials on a colour derived from their id. */
export function UserAvatar({ user }: { user: User }) {
  if (user.avatarUrl) return <img className="abk-avatar" src={user.avatarUrl} alt="" />;
  let hash = 0;
  for (const character of user.id) hash = (hash * 31 + character.charCodeAt(0)) % 360;
  return (
    <span className="abk-avatar" style={{ '--abk-avatar-hue': hash } as React.CSSProperties}>
      {initialsOf(user.displayName)}
    </span>
  );
}

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5 14 14" strokeLinecap="round" />
    </svg>
  );
}

function ClearIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-hidden="true"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <path d="M3 3l8 8M11 3l-8 8" strokeLinecap="round" />
    </svg>
  );
}

function ChevronIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <path d="M3 5.5 7 9.5l4-4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg
      className="abk-contact-picker__check"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <path d="M3.5 8.5 6.5 11.5 12.5 4.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}
