// Host entry for the bundle-size measurement: only what a page with one picker imports.
export { AccountSettingsProvider, ContactPicker } from '../../src/index.js';
