import type { CSSProperties, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { PopoverPosition } from '../../lib/use-popover-position.js';
import { useAccountSettings } from '../../provider/context.js';
import { ContactPickerOption } from './ContactPickerOption.js';
import type { UseContactPickerResult } from './use-contact-picker.js';

interface ContactPickerPopoverProps {
  picker: UseContactPickerResult;
  /** The field's label, which also names the list. */
  label: string;
  position: PopoverPosition;
  /** The tallest the list may be, in pixels, when the viewport does not limit it further. */
  maxHeight: number;
  /** Whether to say, under the list, that an email address may be typed instead. */
  offerExternalEmail: boolean;
}

/**
 * The open list, rendered in the provider's portal so that no overflow or stacking context of
 * the host page can clip it: the virtualised options, and a line saying why there are none
 * (loading, nobody matches) or that more are loading.
 */
export function ContactPickerPopover({
  picker,
  label,
  position,
  maxHeight,
  offerExternalEmail,
}: ContactPickerPopoverProps) {
  const { t } = useAccountSettings();
  const { isOpen, status } = picker;
  const listMaxHeight =
    typeof position.style.maxHeight === 'number' ? position.style.maxHeight - 2 : maxHeight;
  const listStyle: CSSProperties & Record<'--abk-list-size', string> = {
    maxHeight: listMaxHeight,
    // Only the rows in view exist; a sizer of the full height keeps the scrollbar true.
    '--abk-list-size': `${picker.totalSize}px`,
  };
  return (
    <InPortal>
      <div
        className="abk-contact-picker__popover"
        data-placement={position.placement}
        data-open={isOpen ? '' : undefined}
        data-status={status}
        // A failed search is explained (with its retry) under the field; the popover would cover it.
        hidden={!isOpen || status === 'error'}
        style={position.style}
      >
        <ul
          className="abk-contact-picker__list"
          {...picker.getListProps({ 'aria-label': label })}
          hidden={!isOpen || picker.items.length === 0}
          style={listStyle}
        >
          {isOpen &&
            picker.virtualRows.map((row) => (
              <ContactPickerOption
                key={row.key}
                row={row}
                optionProps={picker.getOptionProps({ item: row.item, index: row.index })}
                selected={picker.isSelected(row.item)}
                terms={picker.terms}
              />
            ))}
        </ul>
        {isOpen && status !== 'ready' && (
          <p className="abk-contact-picker__state" aria-hidden="true">
            {status === 'loading' ? t('contactPicker.loadingResults') : picker.announcement}
          </p>
        )}
        {isOpen && picker.isFetchingMore && (
          <p className="abk-contact-picker__state" aria-hidden="true">
            {t('contactPicker.loadingMore')}
          </p>
        )}
        {isOpen && offerExternalEmail && status === 'ready' && !picker.query.includes('@') && (
          <p className="abk-contact-picker__hint" aria-hidden="true">
            {t('contactPicker.externalEmailHint')}
          </p>
        )}
      </div>
    </InPortal>
  );
}

/** Renders into the provider's portal, inside a themed root so tokens and direction still apply. */
function InPortal({ children }: { children: ReactNode }) {
  const { portalContainer, themeRootProps } = useAccountSettings();
  if (!portalContainer) return null;
  return createPortal(
    portalContainer.closest('.abk-root') ? (
      children
    ) : (
      <div className="abk-root" {...themeRootProps}>
        {children}
      </div>
    ),
    portalContainer,
  );
}
