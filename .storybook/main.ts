import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // The Introduction (MDX) and every component's docs page (autodocs) come with the stories.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
