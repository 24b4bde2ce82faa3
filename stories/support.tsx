import { zodResolver } from '@hookform/resolvers/zod';
import {
  ArgTypes,
  Controls,
  Description,
  Markdown,
  Primary,
  Stories,
  Subtitle,
  Title,
} from '@storybook/addon-docs/blocks';
import type { Decorator, Loader } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { useForm } from 'react-hook-form';
import { userEvent, within } from 'storybook/test';
import * as z from 'zod';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { ContactPickerField } from '../src/react-hook-form';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import { assigneeSchema } from '../src/schemas';
import { de } from '../src/locales/de';
import { fi } from '../src/locales/fi';
import { it } from '../src/locales/it';
import { pl } from '../src/locales/pl';

export const storyLocales = { de, pl, fi, it };

/** Per-story adapter options: `parameters: { adapter: { users: 100_000 } }`. */
export interface StoryAdapterParameters extends MemoryAdapterOptions {
  /** Runs after creation, e.g. to schedule faults or deactivate a contact. */
  setup?: (adapter: MemoryAdapter) => void;
}

/** Typed `parameters.adapter` for the story loader. */
export function adapterParameters(parameters: StoryAdapterParameters): StoryAdapterParameters {
  return parameters;
}

/** The memory adapter the loader built for this render. */
export function adapterOf(loaded: Record<string, unknown>): MemoryAdapter {
  return (loaded as { adapter: MemoryAdapter }).adapter;
}

/** The whole page: the picker's list is portalled into the provider root, outside the canvas queries' reach. */
export function screenOf(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/** Types into a picker and clicks the option, as a mouse user would. */
export async function pick(
  canvasElement: HTMLElement,
  combobox: HTMLElement,
  query: string,
  option: RegExp | string,
) {
  await userEvent.clear(combobox);
  await userEvent.type(combobox, query);
  await userEvent.click(await screenOf(canvasElement).findByRole('option', { name: option }));
}

const LATENCIES: Record<string, MemoryAdapterOptions['latency']> = {
  none: 0,
  fast: { min: 80, max: 200 },
  slow: { min: 800, max: 1600 },
};

/** Builds a fresh memory adapter for each story render, honouring the toolbar's globals. */
export const adapterLoader: Loader = (context) => {
  const parameters = (context.parameters.adapter ?? {}) as StoryAdapterParameters;
  const { setup, ...options } = parameters;
  const globals = context.globals as Record<string, string | undefined>;
  const permissions =
    globals.permissions === 'viewer'
      ? { manageContacts: false, manageBilling: false, purchase: false }
      : globals.permissions === 'no-purchase'
        ? { purchase: false }
        : {};
  const adapter = createMemoryAdapter({
    latency: LATENCIES[globals.latency ?? 'none'] ?? 0,
    ...(globals.faults === 'random' ? { failureRate: 0.3, failureCode: 'network' as const, seed: 7 } : {}),
    ...options,
    viewer: { ...options.viewer, permissions: { ...permissions, ...options.viewer?.permissions } },
  });
  if (globals.faults === 'writes')
    adapter.control.failNext(1000, 'network', ['updateContacts', 'placeOrder']);
  setup?.(adapter);
  return { adapter, queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) };
};

/**
 * Wraps every story in `<StrictMode>` (effects run twice, as in a host's development build) and
 * the provider with the toolbar's locale and theme.
 */
export const withAccountSettings: Decorator = (Story, context) => {
  const { adapter, queryClient } = context.loaded as { adapter: MemoryAdapter; queryClient: QueryClient };
  const globals = context.globals as Record<string, string | undefined>;
  const locale = (context.parameters.locale as string | undefined) ?? globals.locale ?? 'en';
  const colorScheme =
    (context.parameters.colorScheme as 'light' | 'dark' | undefined) ??
    (globals.theme === 'dark' ? 'dark' : 'light');
  const dir = context.parameters.dir as 'ltr' | 'rtl' | undefined;
  return (
    <StrictMode>
      <AccountSettingsProvider
        adapter={adapter}
        queryClient={queryClient}
        locale={locale}
        locales={storyLocales}
        appearance={{ colorScheme }}
        {...(dir ? { dir } : {})}
        className="abk-story-root"
      >
        <Story />
      </AccountSettingsProvider>
    </StrictMode>
  );
};

/**
 * A component's JSDoc as its docs page shows it. The `@example` becomes a code block: left as
 * text, Markdown would render its JSX as (invisible) HTML elements.
 */
export function describeFromJsDoc(component: unknown): string {
  const docgen = (component as { __docgenInfo?: { description?: string } } | undefined)?.__docgenInfo;
  const [prose = '', ...examples] = (docgen?.description ?? '').split(/^@example[ \t]*\n?/m);
  return [prose.trim(), ...examples.map((example) => `**Example**\n\n\`\`\`tsx\n${example.trim()}\n\`\`\``)]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The docs page of a drop-in component, for designers and host developers: the component's
 * JSDoc, then `guide` (how to embed it, its `data-*` states), the first story, the props and
 * every story. `props: 'table'` lists the props without live controls, for components whose
 * stories do not render from their args.
 */
export function componentDocsPage(
  guide: string,
  { props = 'controls' }: { props?: 'controls' | 'table' } = {},
) {
  return function ComponentDocsPage() {
    return (
      <>
        <Title />
        <Subtitle />
        <Description />
        <Markdown>{guide}</Markdown>
        <Primary />
        {props === 'controls' ? <Controls /> : <ArgTypes />}
        <Stories />
      </>
    );
  };
}

const contactFormSchema = z.object({
  primaryContact: z.nullable(assigneeSchema).refine((value) => value !== null, { error: 'userRequired' }),
});

/** A host's react-hook-form form with one `ContactPickerField`, validated by a zod schema. */
export function ContactForm({ label }: { label: string }) {
  const { control, handleSubmit, formState } = useForm<
    z.input<typeof contactFormSchema>,
    unknown,
    z.infer<typeof contactFormSchema>
  >({
    resolver: zodResolver(contactFormSchema),
    defaultValues: { primaryContact: null },
  });
  return (
    // noValidate: the schema's translated message, not the browser's own bubble for `required`.
    <form
      noValidate
      onSubmit={(event) => void handleSubmit(() => undefined)(event)}
      style={{ display: 'grid', gap: 16 }}
    >
      <ContactPickerField control={control} name="primaryContact" label={label} required />
      <div>
        <button type="submit" className="abk-button" data-variant="primary">
          Save
        </button>
      </div>
      {formState.isSubmitSuccessful && <p role="status">Saved.</p>}
    </form>
  );
}
