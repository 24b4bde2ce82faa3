// The help-centre articles (the seeds) are the source of each language's terms. These pins
// keep the catalogs on them: each term is quoted from the seed for that language.
import { describe, expect, it } from 'vitest';
import type { Messages } from '../src/i18n/messages';
import { de } from '../src/locales/de';
import { fi } from '../src/locales/fi';
import { it as italian } from '../src/locales/it';
import { pl } from '../src/locales/pl';

function message(catalog: Messages, path: string): string {
  let node: unknown = catalog;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`${path} is not a message`);
  return node;
}

/** Case and apostrophe style aside (the seeds write ', the catalogs ’). */
function normalise(text: string): string {
  return text.replace(/[’']/g, "'").toLocaleLowerCase();
}

const seedTerms: [locale: string, catalog: Messages, terms: [path: string, term: string][]][] = [
  [
    'de',
    de,
    [
      ['companyInformation.title', 'Unternehmensinformationen'],
      ['primaryContact.title', 'Primärer Account-Kontakt'],
      ['billingContacts.title', 'Abrechnungskontakte'],
      ['billingContacts.addAnother', 'Weiteren hinzufügen'],
      ['contactPicker.placeholder', 'Benutzer auswählen'],
      ['roleContacts.title', 'Sonstige Kontakte'],
      ['roleContacts.roles.decisionMaker.label', 'Entscheidungsträger'],
      ['roleContacts.roles.onboarding.label', 'Onboarding-Kontakt'],
      ['roleContacts.roles.security.label', 'Sicherheitskontakt'],
      ['roleContacts.roles.technicalAdmin.label', 'technischer Administrator'],
    ],
  ],
  [
    'pl',
    pl,
    [
      ['companyInformation.title', 'Informacje o firmie'],
      ['primaryContact.title', 'główny kontakt konta'],
      ['primaryContact.description', 'faktury, aktualizacje, odnowienia'],
      ['billingContacts.title', 'Kontakty rozliczeniowe'],
      ['billingContacts.addAnother', 'Dodaj kolejny'],
      ['contactPicker.placeholder', 'Wybierz użytkownika'],
      ['roleContacts.title', 'Inne kontakty'],
      ['roleContacts.roles.decisionMaker.label', 'osoba decyzyjna'],
      ['roleContacts.roles.technicalAdmin.label', 'administrator techniczny'],
    ],
  ],
  [
    'fi',
    fi,
    [
      ['companyInformation.title', 'Yritystiedot'],
      ['companyInformation.intro', 'olennaiset päivitykset'],
      ['roleContacts.description', 'roolikohtaiset yhteyspisteet'],
      ['billingContacts.addAnother', 'Lisää toinen'],
      ['contactPicker.placeholder', 'Valitse käyttäjä'],
      ['roleContacts.title', 'Muut yhteystiedot'],
      ['roleContacts.roles.decisionMaker.label', 'päätöksentekijä'],
      ['roleContacts.roles.onboarding.label', 'käyttöönoton yhteyshenkilö'],
      ['roleContacts.roles.security.label', 'turvallisuusyhteyshenkilö'],
      ['roleContacts.roles.technicalAdmin.label', 'tekninen ylläpitäjä'],
    ],
  ],
  [
    'it',
    italian,
    [
      ['primaryContact.title', "Contatto principale dell'account"],
      ['primaryContact.description', 'fatture, aggiornamenti, rinnovi'],
      ['companyInformation.intro', 'aggiornamenti essenziali'],
      ['billingContacts.title', 'Contatti di fatturazione'],
      ['billingContacts.addAnother', 'Aggiungi un altro'],
      ['contactPicker.placeholder', 'Seleziona un utente'],
      ['roleContacts.title', 'Altri contatti'],
      ['roleContacts.externalEmailAllowed', 'indirizzo e-mail'],
      ['roleContacts.roles.decisionMaker.label', 'decision maker'],
      ['roleContacts.roles.security.label', 'contatto per la sicurezza'],
      ['roleContacts.roles.technicalAdmin.label', 'amministratore tecnico'],
    ],
  ],
];

describe.each(seedTerms)('the %s catalog speaks the seed’s terms', (_, catalog, terms) => {
  it.each(terms)('%s says “%s”', (path, term) => {
    expect(normalise(message(catalog, path))).toContain(normalise(term));
  });
});

describe('the Italian catalog', () => {
  it('writes “e-mail” as the seed does, never “email”', () => {
    const texts: string[] = [];
    const walk = (node: unknown) => {
      if (typeof node === 'string') texts.push(node);
      else if (node && typeof node === 'object') Object.values(node).forEach(walk);
    };
    walk(italian);
    const offending = texts.filter((text) => /(?<![\w-])email\b/i.test(text.replace(/\{\w+\}/g, '')));
    expect(offending).toEqual([]);
  });
});
