'use client';
// `account-billing-kit/react-hook-form`: the contact picker bound to a host's own react-hook-form
// form. Its own entry, so that only hosts that use react-hook-form load it (it is an optional
// peer dependency); the screens keep their form state themselves (docs/decisions/0023-own-form-state.md).
export { ContactPickerField } from './components/contact-picker/ContactPickerField.js';
export type { ContactPickerFieldProps } from './components/contact-picker/ContactPickerField.js';
