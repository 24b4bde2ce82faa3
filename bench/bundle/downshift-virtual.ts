// Host entry for the bundle-size measurement of the best-known pairing: downshift's combobox hook and TanStack Virtual.
export { useCombobox } from 'downshift';
export { useVirtualizer } from '@tanstack/react-virtual';
