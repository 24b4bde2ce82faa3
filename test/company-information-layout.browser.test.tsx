import '../src/styles.css';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createMemoryAdapter } from '../src/adapter/memory';
import { CompanyInformation } from '../src/components/company-information';
import { fi } from '../src/locales/fi';
import { renderInBrowser } from './browser-support';

function box(element: Element) {
  return element.getBoundingClientRect();
}

describe('defect 9: at phone width in Finnish, every chosen contact stays readable', () => {
  afterEach(async () => {
    await page.viewport(1280, 900);
  });

  it('keeps the security contact’s address readable beside its long badge', async () => {
    await page.viewport(375, 812);
    await renderInBrowser(<CompanyInformation />, {
      adapter: createMemoryAdapter({ latency: 0 }),
      provider: { locale: 'fi', locales: { fi } },
    });
    const security = page.getByRole('combobox', { name: 'Turvallisuusyhteyshenkilö' });
    await expect.element(security).toHaveValue('security@nordlicht.example');
    const input = security.element() as HTMLInputElement;
    const control = input.closest('.abk-contact-picker__control');
    if (!control) throw new Error('no control around the input');
    // The whole address fits in the input: nothing of it is cut off.
    expect(input.scrollWidth).toBeLessThanOrEqual(input.clientWidth);
    expect(box(input).width).toBeGreaterThan(150);
    // The badge is shown whole, inside the field.
    const badge = control.querySelector('.abk-badge');
    if (!badge) throw new Error('no badge in the field');
    expect(badge.textContent).toContain('Ulkoinen sähköpostiosoite');
    expect(box(badge).width).toBeGreaterThan(0);
    expect(box(badge).right).toBeLessThanOrEqual(box(control).right + 0.5);
    expect(box(badge).left).toBeGreaterThanOrEqual(box(control).left - 0.5);
  });

  it('shows a chosen contact’s email too, so two people of the same name can be told apart', async () => {
    await page.viewport(375, 812);
    await renderInBrowser(<CompanyInformation />, {
      adapter: createMemoryAdapter({ latency: 0 }),
      provider: { locale: 'fi', locales: { fi } },
    });
    const primary = page.getByRole('combobox', { name: 'Ensisijainen tilin yhteyshenkilö' });
    await expect.element(primary).toHaveValue('Anna Schmidt');
    await expect.element(page.getByText('anna.schmidt@nordlicht.example')).toBeVisible();
  });
});
