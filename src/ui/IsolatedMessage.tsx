import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages.js';
import { useAccountSettings } from '../provider/context.js';

/** A value for one placeholder: user-supplied text, several of them (joined as a list), or a count. */
export type IsolatedValue = string | readonly string[] | number;

export interface IsolatedMessageProps {
  /** The catalog message, e.g. `'companyInformation.conflictBody'`. */
  id: MessageKey;
  /** Its placeholders. Strings (and each string of a list) are isolated; numbers are formatted. */
  values: Record<string, IsolatedValue>;
}

// Private-use characters: they never occur in a catalog, so they mark where values go.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = new RegExp(`${OPEN}(\\w+)${CLOSE}`);

/**
 * A catalog message with every user-supplied value in its own `<bdi>`: a name written right to
 * left, or holding a direction override (U+202E), cannot reorder the sentence around it. A list
 * of names is joined the locale's way ("A, B and C") with each name isolated.
 *
 * @example
 * <IsolatedMessage id="companyInformation.conflictBody" values={{ name: contacts.updatedBy }} />
 */
export function IsolatedMessage({ id, values }: IsolatedMessageProps) {
  const { t, locale } = useAccountSettings();
  const slots: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    slots[name] = typeof value === 'number' ? value : `${OPEN}${name}${CLOSE}`;
  }
  const pieces = t(id, slots).split(SLOT);
  // One inline box, so a flex or grid parent lays the sentence out as one item, not as pieces.
  return (
    <span>
      {pieces.map((piece, index) => {
        // split() with a capturing group puts the slot names at the odd positions.
        if (index % 2 === 0) return piece;
        const value = values[piece];
        return <Fragment key={index}>{isolated(value, locale)}</Fragment>;
      })}
    </span>
  );
}

function isolated(value: IsolatedValue | undefined, locale: string): ReactNode {
  if (value === undefined || typeof value === 'number') return null;
  if (typeof value === 'string') return <bdi>{value}</bdi>;
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })
    .formatToParts(value)
    .map((part, index) =>
      part.type === 'element' ? (
        <bdi key={index}>{part.value}</bdi>
      ) : (
        <Fragment key={index}>{part.value}</Fragment>
      ),
    );
}
