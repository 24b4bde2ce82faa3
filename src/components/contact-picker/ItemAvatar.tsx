import { initialsOf } from '../../lib/search-text.js';
import type { User } from '../../schemas/user.js';
import type { ContactPickerItem } from './use-contact-picker.js';

/** A user's avatar, or "@" for an email address. */
export function ItemAvatar({ item }: { item: ContactPickerItem }) {
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
