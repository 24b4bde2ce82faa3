import type {
  BillingInterval,
  Catalog,
  PaymentMethod,
  Product,
  RoleDefinition,
  SubscriptionStatus,
  Tier,
  User,
} from '../schemas/index.js';
import { foldText } from '../lib/search-text.js';
import { BUILT_IN_ROLE_IDS } from '../schemas/contacts.js';

/** Forty users of a European company, names and addresses in all five product languages. */
const SEED_PEOPLE: [name: string, email: string, status?: User['status']][] = [
  ['Anna Schmidt', 'anna.schmidt@nordlicht.example'],
  ['Jürgen Groß', 'juergen.gross@nordlicht.example'],
  ['Zofia Wójcik', 'zofia.wojcik@nordlicht.example'],
  ['Aino Mäkelä', 'aino.makela@nordlicht.example'],
  ['Matteo Rossi', 'matteo.rossi@nordlicht.example'],
  ['Emily Carter', 'emily.carter@nordlicht.example'],
  ['Łukasz Kowalczyk', 'lukasz.kowalczyk@nordlicht.example'],
  ['Giulia Bianchi', 'giulia.bianchi@nordlicht.example'],
  ['Mikko Virtanen', 'mikko.virtanen@nordlicht.example'],
  ['Sophie Müller', 'sophie.mueller@nordlicht.example'],
  ['Oliver Bennett', 'oliver.bennett@nordlicht.example'],
  ['Małgorzata Nowak', 'malgorzata.nowak@nordlicht.example'],
  ['Francesco Esposito', 'francesco.esposito@nordlicht.example'],
  ['Päivi Järvinen', 'paivi.jarvinen@nordlicht.example'],
  ['Lukas Weiß', 'lukas.weiss@nordlicht.example', 'deactivated'],
  ['Chloe Adams', 'chloe.adams@nordlicht.example', 'invited'],
  ['Paweł Zieliński', 'pawel.zielinski@nordlicht.example'],
  ['Chiara Ricci', 'chiara.ricci@nordlicht.example'],
  ['Eero Heikkinen', 'eero.heikkinen@nordlicht.example'],
  ['Hannah Becker', 'hannah.becker@nordlicht.example'],
  ['James O’Connor', 'james.oconnor@nordlicht.example'],
  ['Katarzyna Lewandowska', 'katarzyna.lewandowska@nordlicht.example', 'invited'],
  ['Lorenzo Romano', 'lorenzo.romano@nordlicht.example'],
  ['Sanna Lehtonen', 'sanna.lehtonen@nordlicht.example'],
  ['Felix Schäfer', 'felix.schaefer@nordlicht.example'],
  ['Grace Liu', 'grace.liu@nordlicht.example'],
  ['Tomasz Wiśniewski', 'tomasz.wisniewski@nordlicht.example', 'deactivated'],
  ['Sofia Colombo', 'sofia.colombo@nordlicht.example'],
  ['Juha Mäkinen', 'juha.makinen@nordlicht.example'],
  ['Marie Köhler', 'marie.koehler@nordlicht.example'],
  ['Daniel Hughes', 'daniel.hughes@nordlicht.example'],
  ['Agnieszka Dąbrowska', 'agnieszka.dabrowska@nordlicht.example'],
  ['Alessandro Greco', 'alessandro.greco@nordlicht.example', 'invited'],
  ['Leena Koskinen', 'leena.koskinen@nordlicht.example'],
  ['Max Neumann', 'max.neumann@nordlicht.example'],
  ['Isabella Conti', 'isabella.conti@nordlicht.example'],
  ['Jakub Kamiński', 'jakub.kaminski@nordlicht.example'],
  ['Ville Nieminen', 'ville.nieminen@nordlicht.example', 'deactivated'],
  ['Ella Thompson', 'ella.thompson@nordlicht.example'],
  ['Niklas Hoffmann', 'niklas.hoffmann@nordlicht.example'],
];

export const SEED_ACCOUNT_NAME = 'Nordlicht Logistik GmbH';

export function seedUsers(): User[] {
  return SEED_PEOPLE.map(([displayName, email, status], index) => ({
    id: `u${String(index + 1).padStart(3, '0')}`,
    displayName,
    email,
    status: status ?? 'active',
  }));
}

const FIRST_NAMES = [
  'Anna',
  'Jürgen',
  'Zofia',
  'Aino',
  'Matteo',
  'Emily',
  'Łukasz',
  'Giulia',
  'Mikko',
  'Sophie',
  'Oliver',
  'Małgorzata',
  'Francesco',
  'Päivi',
  'Lukas',
  'Chloe',
  'Paweł',
  'Chiara',
  'Eero',
  'Hannah',
  'Katarzyna',
  'Lorenzo',
  'Sanna',
  'Felix',
  'Grace',
  'Tomasz',
  'Sofia',
  'Juha',
  'Marie',
];
const LAST_NAMES = [
  'Schmidt',
  'Groß',
  'Wójcik',
  'Mäkelä',
  'Rossi',
  'Carter',
  'Kowalczyk',
  'Bianchi',
  'Virtanen',
  'Müller',
  'Bennett',
  'Nowak',
  'Esposito',
  'Järvinen',
  'Weiß',
  'Adams',
  'Zieliński',
  'Ricci',
  'Heikkinen',
  'Becker',
  'Lewandowska',
  'Romano',
  'Lehtonen',
  'Schäfer',
  'Liu',
  'Colombo',
  'Köhler',
];

/**
 * A deterministic large account: `count` users (the forty seed users first), about 2% invited
 * and 1% deactivated. The same count always yields the same users.
 */
export function generateUsers(count: number): User[] {
  const users = seedUsers().slice(0, count);
  for (let index = users.length; index < count; index += 1) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Anna';
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Schmidt';
    const id = `u${String(index + 1).padStart(6, '0')}`;
    users.push({
      id,
      displayName: `${first} ${last} ${index + 1}`,
      email: `${foldText(first)}.${foldText(last)}.${index + 1}@nordlicht.example`,
      status: index % 100 === 7 ? 'deactivated' : index % 50 === 3 ? 'invited' : 'active',
    });
  }
  return users;
}

export function builtInRoles(): RoleDefinition[] {
  return BUILT_IN_ROLE_IDS.map((id) => ({ id, acceptsExternalEmail: id === 'security' }));
}

/** Monthly list prices in US cents; other currencies are derived and rounded to whole units. */
const EXCHANGE_RATES: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, PLN: 3.95 };
export const CATALOG_CURRENCIES = Object.keys(EXCHANGE_RATES);
/** Paying yearly costs ten months instead of twelve. */
const ANNUAL_MONTHS = 10;

function prices(monthlyUsdCents: number): Tier['prices'] {
  return Object.fromEntries(
    Object.entries(EXCHANGE_RATES).map(([currency, rate]) => {
      const monthly = Math.round((monthlyUsdCents * rate) / 100) * 100;
      return [currency, { monthly, annual: monthly * ANNUAL_MONTHS }];
    }),
  );
}

function tier(
  id: string,
  name: string,
  rank: number,
  monthlyUsdCents: number,
  options: Partial<Omit<Tier, 'id' | 'name' | 'rank' | 'prices'>> & { features: string[] },
): Tier {
  return {
    id,
    name,
    rank,
    purchase: 'self_serve',
    pricing: 'flat',
    includedSeats: 0,
    intervals: ['monthly', 'annual'],
    commitment: 'none',
    prices: prices(monthlyUsdCents),
    ...options,
  };
}

export function seedProducts(): Product[] {
  return [
    {
      id: 'marketing',
      name: 'Marketing Hub',
      tiers: [
        tier('marketing-starter', 'Starter', 1, 2000, {
          features: ['Forms and landing pages', 'Email marketing', '1,000 marketing contacts'],
        }),
        tier('marketing-professional', 'Professional', 2, 89000, {
          features: ['Marketing automation', 'A/B testing', '2,000 marketing contacts'],
          commitment: 'annual',
          intervals: ['annual'],
        }),
        tier('marketing-enterprise', 'Enterprise', 3, 360000, {
          purchase: 'contact_sales',
          features: ['Custom objects', 'Multi-touch attribution', '10,000 marketing contacts'],
        }),
      ],
    },
    {
      id: 'sales',
      name: 'Sales Hub',
      tiers: [
        tier('sales-starter', 'Starter', 1, 2000, {
          pricing: 'per_seat',
          includedSeats: 2,
          features: ['Deal pipelines', 'Email tracking', 'Meeting scheduling'],
        }),
        tier('sales-professional', 'Professional', 2, 10000, {
          pricing: 'per_seat',
          features: ['Sequences', 'Forecasting', 'Sales analytics'],
        }),
        tier('sales-enterprise', 'Enterprise', 3, 15000, {
          pricing: 'per_seat',
          purchase: 'contact_sales',
          features: ['Predictive lead scoring', 'Custom objects', 'Playbooks'],
        }),
      ],
    },
    {
      id: 'service',
      name: 'Service Hub',
      tiers: [
        tier('service-starter', 'Starter', 1, 2000, {
          pricing: 'per_seat',
          includedSeats: 2,
          features: ['Help desk', 'Live chat', 'Ticket routing'],
        }),
        tier('service-professional', 'Professional', 2, 10000, {
          pricing: 'per_seat',
          features: ['Knowledge base', 'Customer feedback surveys', 'SLAs'],
        }),
        tier('service-enterprise', 'Enterprise', 3, 13000, {
          pricing: 'per_seat',
          purchase: 'contact_sales',
          features: ['Playbooks', 'Goals', 'Custom objects'],
        }),
      ],
    },
  ];
}

/**
 * Tier features in the product languages besides English, as a real catalog service would
 * return them for the viewer's locale. Numbers are written the language's way.
 */
const FEATURE_TRANSLATIONS = new Map<string, Record<string, string>>([
  [
    'Forms and landing pages',
    {
      de: 'Formulare und Landingpages',
      pl: 'Formularze i strony docelowe',
      fi: 'Lomakkeet ja laskeutumissivut',
      it: 'Moduli e landing page',
    },
  ],
  [
    'Email marketing',
    { de: 'E-Mail-Marketing', pl: 'E-mail marketing', fi: 'Sähköpostimarkkinointi', it: 'Email marketing' },
  ],
  [
    '1,000 marketing contacts',
    {
      de: '1.000 Marketingkontakte',
      pl: '1000 kontaktów marketingowych',
      fi: '1 000 markkinointikontaktia',
      it: '1.000 contatti di marketing',
    },
  ],
  [
    'Marketing automation',
    {
      de: 'Marketing-Automatisierung',
      pl: 'Automatyzacja marketingu',
      fi: 'Markkinoinnin automaatio',
      it: 'Automazione del marketing',
    },
  ],
  ['A/B testing', { de: 'A/B-Tests', pl: 'Testy A/B', fi: 'A/B-testaus', it: 'Test A/B' }],
  [
    '2,000 marketing contacts',
    {
      de: '2.000 Marketingkontakte',
      pl: '2000 kontaktów marketingowych',
      fi: '2 000 markkinointikontaktia',
      it: '2.000 contatti di marketing',
    },
  ],
  [
    'Custom objects',
    {
      de: 'Benutzerdefinierte Objekte',
      pl: 'Obiekty niestandardowe',
      fi: 'Mukautetut objektit',
      it: 'Oggetti personalizzati',
    },
  ],
  [
    'Multi-touch attribution',
    {
      de: 'Multi-Touch-Attribution',
      pl: 'Atrybucja wielokanałowa',
      fi: 'Monikosketusattribuutio',
      it: 'Attribuzione multi-touch',
    },
  ],
  [
    '10,000 marketing contacts',
    {
      de: '10.000 Marketingkontakte',
      pl: '10 000 kontaktów marketingowych',
      fi: '10 000 markkinointikontaktia',
      it: '10.000 contatti di marketing',
    },
  ],
  [
    'Deal pipelines',
    { de: 'Deal-Pipelines', pl: 'Lejki transakcji', fi: 'Kauppaputket', it: 'Pipeline delle trattative' },
  ],
  [
    'Email tracking',
    {
      de: 'E-Mail-Tracking',
      pl: 'Śledzenie e-maili',
      fi: 'Sähköpostien seuranta',
      it: 'Tracciamento delle email',
    },
  ],
  [
    'Meeting scheduling',
    {
      de: 'Meeting-Planung',
      pl: 'Planowanie spotkań',
      fi: 'Tapaamisten ajoitus',
      it: 'Pianificazione delle riunioni',
    },
  ],
  ['Sequences', { de: 'Sequenzen', pl: 'Sekwencje', fi: 'Sekvenssit', it: 'Sequenze' }],
  ['Forecasting', { de: 'Prognosen', pl: 'Prognozowanie', fi: 'Ennusteet', it: 'Previsioni' }],
  [
    'Sales analytics',
    {
      de: 'Vertriebsanalysen',
      pl: 'Analityka sprzedaży',
      fi: 'Myyntianalytiikka',
      it: 'Analisi delle vendite',
    },
  ],
  [
    'Predictive lead scoring',
    {
      de: 'Prädiktives Lead-Scoring',
      pl: 'Predykcyjna ocena leadów',
      fi: 'Ennakoiva liidien pisteytys',
      it: 'Punteggio predittivo dei lead',
    },
  ],
  ['Playbooks', { de: 'Playbooks', pl: 'Scenariusze działań', fi: 'Toimintaohjeet', it: 'Playbook' }],
  ['Help desk', { de: 'Helpdesk', pl: 'Helpdesk', fi: 'Asiakastuki', it: 'Help desk' }],
  ['Live chat', { de: 'Live-Chat', pl: 'Czat na żywo', fi: 'Live-chat', it: 'Chat dal vivo' }],
  [
    'Ticket routing',
    {
      de: 'Ticket-Routing',
      pl: 'Przekierowywanie zgłoszeń',
      fi: 'Tikettien ohjaus',
      it: 'Instradamento dei ticket',
    },
  ],
  [
    'Knowledge base',
    { de: 'Wissensdatenbank', pl: 'Baza wiedzy', fi: 'Tietämyskanta', it: 'Knowledge base' },
  ],
  [
    'Customer feedback surveys',
    {
      de: 'Kundenfeedback-Umfragen',
      pl: 'Ankiety opinii klientów',
      fi: 'Asiakaspalautekyselyt',
      it: 'Sondaggi sul feedback dei clienti',
    },
  ],
  ['SLAs', { de: 'SLAs', pl: 'Umowy SLA', fi: 'Palvelutasosopimukset', it: 'SLA' }],
  ['Goals', { de: 'Ziele', pl: 'Cele', fi: 'Tavoitteet', it: 'Obiettivi' }],
]);

/** The products with tier features in `locale`'s language; English, or as given, without one. */
export function localizedProducts(products: Product[], locale: string | undefined): Product[] {
  const language = locale?.split('-')[0]?.toLowerCase();
  if (!language || language === 'en') return products;
  return products.map((product) => ({
    ...product,
    tiers: product.tiers.map((tier) => ({
      ...tier,
      features: tier.features.map((feature) => FEATURE_TRANSLATIONS.get(feature)?.[language] ?? feature),
    })),
  }));
}

export function seedSubscription(): Catalog['subscription'] {
  return { tierIds: ['marketing-starter', 'sales-starter'], interval: 'monthly', currency: 'EUR', seats: 5 };
}

/** A product subscription as a store keeps it: seat holders by user id. */
export interface SeedProductSubscription {
  productId: string;
  tierId: string;
  status: SubscriptionStatus;
  interval: BillingInterval;
  currency: string;
  /** Seats paid for (0 for flat tiers). */
  seatsBought: number;
  /** Who holds a seat; users the account does not have are left out. */
  holderIds: string[];
}

/**
 * Marketing Hub Starter (flat) and Sales Hub Starter with five seats, four of them held: one by
 * Lukas Weiß, who has since been deactivated and still holds a paid seat.
 */
export function seedProductSubscriptions(): SeedProductSubscription[] {
  return [
    {
      productId: 'marketing',
      tierId: 'marketing-starter',
      status: 'active',
      interval: 'monthly',
      currency: 'EUR',
      seatsBought: 0,
      holderIds: [],
    },
    {
      productId: 'sales',
      tierId: 'sales-starter',
      status: 'active',
      interval: 'monthly',
      currency: 'EUR',
      seatsBought: 5,
      holderIds: ['u001', 'u002', 'u007', 'u015'],
    },
  ];
}

/** A payment method as a host seeds it: the version is the store's, the default is optional. */
export type SeedPaymentMethod = Omit<PaymentMethod, 'version' | 'isDefault'> & { isDefault?: boolean };

/**
 * The viewer's Visa (the default) and another admin's shared Mastercard, which expires at the end
 * of next month, so the overview and the payment methods have a card to warn about.
 */
export function seedPaymentMethods(users: User[], viewerUserId: string, today: Date): SeedPaymentMethod[] {
  const nextMonth = new Date(today.getFullYear(), today.getMonth() + 1, 1);
  return [
    {
      id: 'pm_visa_4242',
      brand: 'visa',
      last4: '4242',
      expMonth: 8,
      expYear: today.getFullYear() + 2,
      ownerName: users[0]?.displayName ?? 'Account owner',
      ownerUserId: viewerUserId,
      sharedWithAdmins: false,
      isDefault: true,
    },
    {
      id: 'pm_mc_4444',
      brand: 'mastercard',
      last4: '4444',
      expMonth: nextMonth.getMonth() + 1,
      expYear: nextMonth.getFullYear(),
      ownerName: users[1]?.displayName ?? 'Billing admin',
      ownerUserId: users[1]?.id ?? 'u002',
      sharedWithAdmins: true,
    },
  ];
}

/** The first day of the month after `today`, as an ISO date: when monthly subscriptions renew. */
export function nextRenewalDate(today: Date, interval: BillingInterval): string {
  const months = interval === 'annual' ? 12 : 1;
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, 1))
    .toISOString()
    .slice(0, 10);
}

/** VAT rates by country; EU business customers with a VAT id are reverse-charged. */
export const TAX_RATES: Record<string, number> = { DE: 19, AT: 20, PL: 23, FI: 25.5, IT: 22, FR: 20, GB: 20 };
export const EU_COUNTRIES = new Set(['DE', 'AT', 'PL', 'FI', 'IT', 'FR', 'ES', 'NL', 'BE', 'IE', 'SE', 'DK']);
