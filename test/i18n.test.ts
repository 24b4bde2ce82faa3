import { describe, expect, it } from 'vitest';
import { createFormatters } from '../src/i18n/format';
import { english } from '../src/i18n/english';
import { createTranslate, resolveLoadedMessages, resolveMessages } from '../src/i18n/translate';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { pl } from '../src/locales/pl';
import { fi } from '../src/locales/fi';

describe('resolveMessages', () => {
  it('falls back from a regional locale to its language, then to English', () => {
    expect(resolveMessages('de-AT', { de }).billingContacts.addAnother).toBe(de.billingContacts.addAnother);
    expect(resolveMessages('pt-BR', { de }).billingContacts.addAnother).toBe(en.billingContacts.addAnother);
  });

  it('applies host overrides on top of the chosen catalog and keeps the rest', () => {
    const messages = resolveMessages('de', { de }, { billingContacts: { addAnother: 'Noch einen' } });
    expect(messages.billingContacts.addAnother).toBe('Noch einen');
    expect(messages.billingContacts.title).toBe(de.billingContacts.title);
  });
});

describe('English per screen', () => {
  // This file loads no screen: each screen's English arrives with the screen's own module.
  it('gives the provider only the shared strings until a screen is loaded, then that screen’s', async () => {
    expect(english.contactPicker).toEqual(en.contactPicker);
    expect(english.upgrade).toBeUndefined();
    expect(english.billingContacts).toBeUndefined();
    await import('../src/components/upgrade-wizard/wizard-context');
    expect(english.upgrade).toEqual(en.upgrade);
    expect(english.billingContacts).toBeUndefined();
    await import('../src/components/company-information/SectionFrame');
    expect(english.billingContacts).toEqual(en.billingContacts);
  });

  it('keeps a host’s English override for a screen that has not loaded yet', () => {
    const t = createTranslate(
      'en',
      resolveLoadedMessages('en', {}, { roleContacts: { title: 'Who does what' } }),
    );
    expect(t('roleContacts.title')).toBe('Who does what');
  });

  it('still resolves the whole English catalog for hosts that call resolveMessages', () => {
    expect(resolveMessages('en').roleContacts).toEqual(en.roleContacts);
  });
});

describe('createTranslate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    const t = createTranslate('de', de);
    expect(t('contactPicker.resultCount', { count: 12345 })).toContain('12.345');
  });

  it('uses all of Polish plural forms', () => {
    const t = createTranslate('pl', pl);
    const forms = [1, 2, 5, 22, 25].map((count) => t('upgrade.seats.count', { count }));
    expect(new Set(forms.map((form) => form.replace(/[\d\s]/g, ''))).size).toBe(2 + 1);
    expect(forms[1]?.replace(/\d/g, '')).toBe(forms[3]?.replace(/\d/g, ''));
  });

  it('uses Finnish singular and plural', () => {
    const t = createTranslate('fi', fi);
    expect(t('contactPicker.resultCount', { count: 1 })).not.toBe(
      t('contactPicker.resultCount', { count: 2 }).replace('2', '1'),
    );
  });
});

describe('createFormatters', () => {
  it('formats integer minor units for the locale and currency', () => {
    expect(createFormatters('de-DE').money(129_900, 'EUR')).toBe('1.299,00\u00a0€');
    expect(createFormatters('en-US').money(129_900, 'USD')).toBe('$1,299.00');
    expect(createFormatters('en-US').money(1_500, 'JPY')).toBe('¥1,500');
  });

  it('formats dates without shifting them across time zones', () => {
    expect(createFormatters('en-GB').date('2026-12-22')).toBe('22 December 2026');
  });
});
