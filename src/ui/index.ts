// The kit's shared UI parts. Features import from here, never from each other.
export { Field, TextField } from './Field.js';
export type { FieldControlProps, FieldProps, TextFieldProps } from './Field.js';
export { Heading, HeadingLevelProvider, SubheadingScope, useHeadingLevel } from './Heading.js';
export type { HeadingLevel } from './Heading.js';
export { Icon } from './Icon.js';
export { IsolatedMessage } from './IsolatedMessage.js';
export type { IsolatedMessageProps, IsolatedValue } from './IsolatedMessage.js';
export type { IconName, IconProps } from './Icon.js';
export { LoadingState } from './LoadingState.js';
export { ErrorNotice, Notice } from './Notice.js';
export { ScreenErrorBoundary } from './ScreenErrorBoundary.js';
export type { ScreenErrorBoundaryProps } from './ScreenErrorBoundary.js';
export type { ErrorNoticeProps, NoticeProps, NoticeTone } from './Notice.js';
export { StatusBadge } from './StatusBadge.js';
export type { PersonStatus, StatusBadgeProps } from './StatusBadge.js';
export { AssigneeAvatar, UserAvatar } from './UserAvatar.js';
export type { RootElementProps } from './root-props.js';
