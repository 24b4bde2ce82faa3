import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // Every story is an accessibility test: a violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
