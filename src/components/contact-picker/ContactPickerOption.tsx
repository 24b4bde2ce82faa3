import { Fragment, memo } from 'react';
import { highlightMatches, type TextSegment } from '../../lib/search-text.js';
import { useAccountSettings } from '../../provider/context.js';
import { AssigneeAvatar, Icon, IsolatedMessage, StatusBadge } from '../../ui/index.js';
import type { ContactPickerItem, ContactPickerOptionProps, ContactPickerRow } from './use-contact-picker.js';

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
      <OptionContent item={item} selected={selected} terms={terms} />
    </li>
  );
}

interface OptionContentProps {
  item: ContactPickerItem;
  selected: boolean;
  terms: string[];
}

/**
 * What an option shows. Kept apart from the option's attributes: the server's answer to a
 * keystroke usually shows the same users in the same rows as the narrowing painted just before
 * it, with only the count (`aria-setsize`) changed, so those rows' content is not built again.
 */
const OptionContent = memo(function OptionContent({ item, selected, terms }: OptionContentProps) {
  const user = item.kind === 'user' ? item.user : null;
  return (
    <>
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
    </>
  );
}, sameContent);

/** The same user (a page answered again holds copies), shown the same way, with the same marks. */
function sameContent(before: OptionContentProps, after: OptionContentProps): boolean {
  if (before.selected !== after.selected || before.terms !== after.terms) return false;
  const [a, b] = [before.item, after.item];
  if (a === b) return true;
  if (a.kind === 'email' || b.kind === 'email') {
    return a.kind === 'email' && b.kind === 'email' && a.email === b.email;
  }
  return (
    a.user.id === b.user.id &&
    a.user.displayName === b.user.displayName &&
    a.user.email === b.user.email &&
    a.user.status === b.user.status &&
    a.user.avatarUrl === b.user.avatarUrl
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
