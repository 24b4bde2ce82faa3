export { ContactPicker, UserAvatar } from './ContactPicker.js';
export type { ContactPickerProps } from './ContactPicker.js';
export { ContactPickerField } from './ContactPickerField.js';
export type { ContactPickerFieldProps } from './ContactPickerField.js';
export { useContactPicker } from './use-contact-picker.js';
export type {
  ContactPickerItem,
  ContactPickerState,
  ContactPickerValue,
  UseContactPickerOptions,
} from './use-contact-picker.js';
