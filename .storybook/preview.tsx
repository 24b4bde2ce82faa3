import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';
import { adapterLoader, describeFromJsDoc, withAccountSettings } from '../stories/support';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // Every story is an accessibility test: a violation fails it.
    a11y: { test: 'error' },
    // How to embed the kit first, then the foundations, the screens, and their parts.
    options: { storySort: { order: ['Introduction', 'Foundations', 'Screens', 'Components'] } },
    docs: { extractComponentDescription: describeFromJsDoc },
  },
  loaders: [adapterLoader],
  decorators: [withAccountSettings],
  globalTypes: {
    locale: {
      description: 'Locale',
      toolbar: {
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'pl', title: 'Polski' },
          { value: 'fi', title: 'Suomi' },
          { value: 'it', title: 'Italiano' },
        ],
      },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        icon: 'mirror',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
      },
    },
    latency: {
      description: 'Adapter latency',
      toolbar: {
        icon: 'timer',
        dynamicTitle: true,
        items: [
          { value: 'none', title: 'No latency' },
          { value: 'fast', title: '80-200 ms' },
          { value: 'slow', title: '0.8-1.6 s' },
        ],
      },
    },
    faults: {
      description: 'Injected faults',
      toolbar: {
        icon: 'alert',
        dynamicTitle: true,
        items: [
          { value: 'none', title: 'No faults' },
          { value: 'writes', title: 'Saves and purchases fail' },
          { value: 'random', title: '30% of calls fail' },
        ],
      },
    },
    permissions: {
      description: "Viewer's permissions",
      toolbar: {
        icon: 'lock',
        dynamicTitle: true,
        items: [
          { value: 'admin', title: 'Administrator' },
          { value: 'no-purchase', title: 'May not purchase' },
          { value: 'viewer', title: 'Read-only viewer' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', latency: 'none', faults: 'none', permissions: 'admin' },
};

export default preview;
