// The kit inside a host page that styles plain elements globally, as most existing apps do:
// our parts must still look as designed, and one host class must still override them.
import '../src/styles.css';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { seedUsers } from '../src/adapter/memory';
import { ContactPicker } from '../src/components/contact-picker';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import * as z from 'zod/mini';
import { useForm } from '../src/lib/form/use-form';
import { TextField } from '../src/ui';
import { policyLinks } from '../stories/fixtures';
import { renderInBrowser } from './browser-support';

/** Global element rules of the kind a host's own stylesheet has, loaded after ours. */
const HOST_CSS = `
  button {
    background: rgb(31, 41, 55); color: rgb(255, 255, 255); padding: 14px 28px;
    border: 3px solid rgb(0, 0, 0); border-radius: 0; text-transform: uppercase;
    box-shadow: 0 4px 0 rgb(0, 0, 0); min-height: 48px; margin: 6px; font-size: 18px;
  }
  input, select {
    border: 2px solid rgb(255, 0, 255); padding: 12px; max-width: 180px; height: 52px;
    box-shadow: inset 0 0 0 4px rgb(0, 255, 255); margin: 8px 0; background: rgb(255, 255, 224);
  }
  a { color: rgb(255, 0, 0); font-weight: 900; }
  h1, h2, h3, h4 {
    color: rgb(204, 0, 204); font-family: Georgia, serif; margin: 40px 0;
    text-transform: uppercase; letter-spacing: 0.2em;
  }
  table { border: 4px double rgb(0, 0, 0); }
  th, td { border: 1px solid rgb(0, 0, 0); padding: 20px; background: rgb(238, 238, 238); }
  ul, ol { list-style: decimal; padding-left: 60px; margin: 30px 0; }
  li { margin: 12px 0; padding: 4px; }
  svg { fill: currentColor; }
  span { color: rgb(255, 255, 255); font-size: 9px; }

  /* One class each: the host's own overrides. */
  .my-host-class { max-inline-size: 30rem; }
  .my-host-theme { --abk-color-primary: rgb(10, 120, 20); }
  .abk-tabs__tab { color: rgb(120, 0, 0); }
`;

let hostStyle: HTMLStyleElement;
beforeAll(() => {
  hostStyle = document.createElement('style');
  hostStyle.textContent = HOST_CSS;
  // After ours: the order a host gets by importing our stylesheet before its own.
  document.head.append(hostStyle);
});
afterAll(() => {
  hostStyle.remove();
});

const style = (element: Element) => getComputedStyle(element);
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** The colour the element's text is drawn on: its own background or the nearest one behind it. */
function backgroundBehind(element: Element): string {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const background = style(current).backgroundColor;
    if (background !== TRANSPARENT) return background;
  }
  return 'rgb(255, 255, 255)';
}

function required<T extends Element>(element: T | null | undefined, what: string): T {
  if (!element) throw new Error(`${what} is not rendered`);
  return element;
}

describe('in a host page with global element styles', () => {
  it("shows the picker's clear and toggle buttons as unfilled icon buttons", async () => {
    const [user] = seedUsers();
    await renderInBrowser(
      <ContactPicker label="Primary account contact" defaultValue={user ? { kind: 'user', user } : null} />,
    );
    const clear = page.getByRole('button', { name: /clear/i }).element();
    const toggle = required(
      document.querySelector('.abk-contact-picker__toggle'),
      "The picker's toggle button",
    );
    for (const button of [clear, toggle]) {
      expect(style(button).backgroundColor).toBe(TRANSPARENT);
      expect(style(button).borderTopWidth).toBe('0px');
      expect(style(button).boxShadow).toBe('none');
      expect(style(button).paddingLeft).toBe('0px');
      const icon = required(button.querySelector('svg'), 'The button icon');
      const box = icon.getBoundingClientRect();
      expect(box.width).toBeGreaterThanOrEqual(12);
      expect(box.height).toBeGreaterThanOrEqual(12);
      const buttonBox = button.getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(buttonBox.left);
      expect(box.right).toBeLessThanOrEqual(buttonBox.right);
      // Drawn with strokes: a fill from the host would turn the chevron into a solid shape.
      expect(style(icon).fill).toBe('none');
      expect(style(icon).stroke).not.toBe('none');
    }
  });

  it('keeps one border on inputs and none of the host max-width, padding or shadow', async () => {
    function Form() {
      const form = useForm({
        schema: z.object({ city: z.string() }),
        defaultValues: { city: '' },
        validateOn: 'submit',
      });
      return <TextField label="City" registration={form.register('city')} />;
    }
    await renderInBrowser(
      <>
        <Form />
        <ContactPicker label="Primary account contact" />
      </>,
    );
    const input = page.getByRole('textbox', { name: 'City' }).element();
    expect(style(input).borderTopWidth).toBe('1px');
    expect(style(input).borderLeftColor).not.toBe('rgb(255, 0, 255)');
    expect(style(input).boxShadow).toBe('none');
    expect(style(input).maxWidth).toBe('none');
    expect(style(input).marginTop).toBe('0px');
    expect(input.getBoundingClientRect().width).toBe(
      required(input.parentElement, 'The field').getBoundingClientRect().width,
    );

    // The picker's control draws the only border; the text input inside it has none.
    const combobox = page.getByRole('combobox', { name: 'Primary account contact' }).element();
    const control = required(combobox.closest('.abk-contact-picker__control'), 'The control');
    expect(style(control).borderTopWidth).toBe('1px');
    expect(style(combobox).borderTopWidth).toBe('0px');
    expect(style(combobox).boxShadow).toBe('none');
    expect(style(combobox).maxWidth).toBe('none');
    expect(style(combobox).backgroundColor).toBe(TRANSPARENT);
  });

  it('marks the selected product tab, shows the step numbers and keeps its own headings', async () => {
    await renderInBrowser(<UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} />);
    await expect.element(page.getByRole('tab', { selected: true })).toBeVisible();
    const tabs = page.getByRole('tab').all();
    expect(tabs.length).toBeGreaterThan(1);
    const selected = page.getByRole('tab', { selected: true }).element();
    const others = tabs.map((tab) => tab.element()).filter((tab) => tab !== selected);
    for (const tab of others) {
      expect(style(tab).backgroundColor).not.toBe(style(selected).backgroundColor);
      expect(style(tab).boxShadow).not.toBe(style(selected).boxShadow);
      expect(style(tab).backgroundColor).not.toBe('rgb(31, 41, 55)');
    }

    const list = required(document.querySelector('.abk-steps ol'), 'The step list');
    expect(style(list).listStyleType).toBe('none');
    const markers = [...document.querySelectorAll('.abk-steps__marker')];
    expect(markers.map((marker) => marker.textContent)).toEqual(markers.map((_, index) => String(index + 1)));
    for (const marker of markers) {
      const box = marker.getBoundingClientRect();
      expect(box.width).toBeGreaterThan(10);
      expect(box.height).toBeGreaterThan(10);
      // The host's `span { color: white; font-size: 9px }` must not reach the number.
      expect(style(marker).color).not.toBe(backgroundBehind(marker));
      expect(style(marker).fontSize).not.toBe('9px');
    }

    // Unclassed text inside our parts (a billing interval's name) is ours too.
    expect(style(page.getByText('Monthly billing').element()).fontSize).not.toBe('9px');

    const title = page.getByRole('heading', { level: 2 }).element();
    expect(style(title).color).not.toBe('rgb(204, 0, 204)');
    expect(style(title).textTransform).toBe('none');
    expect(style(title).marginTop).toBe('0px');
  });

  it('lets one host class override a part, a state rule and a token without !important', async () => {
    await renderInBrowser(
      <UpgradeWizard className="my-host-class" {...policyLinks} draftStorage={null} quoteDebounceMs={0} />,
      { provider: { className: 'my-host-theme' } },
    );
    await expect.element(page.getByRole('tab', { selected: true })).toBeVisible();
    const root = required(document.querySelector('.abk-upgrade'), 'The wizard root');
    expect(style(root).maxWidth).toBe('480px');
    // `.abk-tabs__tab` in the host beats our `[data-selected]` state rule as well.
    for (const tab of page.getByRole('tab').all()) {
      expect(style(tab.element()).color).toBe('rgb(120, 0, 0)');
    }
    const current = required(
      document.querySelector('.abk-steps__item[data-state="current"] .abk-steps__marker'),
      'The current step marker',
    );
    expect(style(current).backgroundColor).toBe('rgb(10, 120, 20)');
  });
});
