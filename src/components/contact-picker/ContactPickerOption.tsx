import { Fragment } from 'react';
import { highlightMatches, type TextSegment } from '../../lib/search-text.js';
import { useAccountSettings } from '../../provider/context.js';
import { AssigneeAvatar, Icon, IsolatedMessage, StatusBadge } from '../../ui/index.js';
import type { ContactPickerOptionProps, ContactPickerRow } from './use-contact-picker.js';

interface ContactPickerOptionRowProps {
  row: ContactPickerRow;
  /** From `getOptionProps`: role, id, handlers, position in the set, highlighted and selected state. */
  optionProps: ContactPickerOptionProps;
  selected: boolean;
  /** Search terms to mark in the name and address. */
  terms: string[];
}

/**
 * One row of the list: avatar, name and address with the matches marked, the user's status and
 * a check on the current value. Named by its own text, so what is shown and what is announced
 * cannot drift apart: the avatar and icons are hidden, and hidden commas keep the parts from
 * running together.
 */
export function ContactPickerOption({ row, optionProps, selected, terms }: ContactPickerOptionRowProps) {
  const { t } = useAccountSettings();
  const { item } = row;
  const user = item.kind === 'user' ? item.user : null;
  const deactivated = user?.status === 'deactivated';
  return (
    <li
      className="abk-list-row abk-contact-picker__option"
      {...optionProps}
      data-status={user?.status ?? 'external'}
      title={
        deactivated
          ? t('common.status.deactivatedReason')
          : user?.status === 'invited'
            ? t('common.status.invitedReason')
            : undefined
      }
      style={{ top: row.start, height: row.size }}
    >
      <span className="abk-contact-picker__avatar-slot" aria-hidden="true">
        <AssigneeAvatar assignee={item} />
      </span>
      <span className="abk-contact-picker__text">
        {user ? (
          <>
            {/* Isolated: a name's own direction, or an override inside it, stays inside it. */}
            <bdi className="abk-contact-picker__name">
              <HighlightedText segments={highlightMatches(user.displayName, terms)} />
            </bdi>
            <span className="abk-visually-hidden">, </span>
            <bdi className="abk-contact-picker__email">
              <HighlightedText segments={highlightMatches(user.email, terms)} />
            </bdi>
          </>
        ) : (
          <span className="abk-contact-picker__name">
            <IsolatedMessage
              id="contactPicker.useEmail"
              values={{ email: item.kind === 'email' ? item.email : '' }}
            />
          </span>
        )}
      </span>
      {user && user.status !== 'active' && <StatusBadge status={user.status} withReason />}
      {selected && <Icon name="check" className="abk-contact-picker__check" />}
    </li>
  );
}

/** Text with the matched runs marked. */
function HighlightedText({ segments }: { segments: TextSegment[] }) {
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
