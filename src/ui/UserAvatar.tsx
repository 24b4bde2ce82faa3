import type { CSSProperties } from 'react';
import { initialsOf } from '../lib/search-text.js';
import type { Assignee } from '../schemas/contacts.js';
import type { User } from '../schemas/user.js';

/**
 * A user's photo, or their initials on a colour derived from their id (stable across renders
 * and sessions). Decorative: the user's name is always written next to it.
 *
 * @example
 * <UserAvatar user={user} />
 */
export function UserAvatar({ user }: { user: Pick<User, 'id' | 'displayName' | 'avatarUrl'> }) {
  if (user.avatarUrl) return <img className="abk-avatar" src={user.avatarUrl} alt="" />;
  let hue = 0;
  for (const character of user.id) hue = (hue * 31 + character.charCodeAt(0)) % 360;
  return (
    <span className="abk-avatar" aria-hidden="true" style={{ '--abk-avatar-hue': hue } as CSSProperties}>
      {initialsOf(user.displayName)}
    </span>
  );
}

/** The avatar of an assignee: a user's, or an "@" for an external email address. */
export function AssigneeAvatar({ assignee }: { assignee: Assignee }) {
  if (assignee.kind === 'email') {
    return (
      <span className="abk-avatar" data-kind="external" aria-hidden="true">
        @
      </span>
    );
  }
  return <UserAvatar user={assignee.user} />;
}
