import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  builtInRoles,
  generateUsers,
  SEED_ACCOUNT_NAME,
  nextRenewalDate,
  seedPaymentMethods,
  seedProductSubscriptions,
  seedSubscription,
  seedUsers,
} from '../../../src/adapter/memory-seed.js';
import { foldText } from '../../../src/lib/search-text.js';
import type { User, ViewerPermissions } from '../../../src/schemas/index.js';
import type { Sql } from './db.js';
import { PRODUCTS } from './pricing.js';

/** The demo account `npm start` opens, and who can sign in to it. */
export const DEMO_ACCOUNT_ID = 'acct_nordlicht';
/** Every demo user signs in with this password (the demo is local; never reuse it). */
export const DEMO_PASSWORD = 'nordlicht-demo';
export const DEMO_USERS = {
  /** Anna Schmidt: may change contacts, manage billing and purchase. */
  admin: { userId: 'u001', email: 'anna.schmidt@nordlicht.example' },
  /** Matteo Rossi: may look at everything and change nothing. */
  viewer: { userId: 'u005', email: 'matteo.rossi@nordlicht.example' },
} as const;

const ALL_PERMISSIONS: ViewerPermissions = { manageContacts: true, manageBilling: true, purchase: true };
const NO_PERMISSIONS: ViewerPermissions = { manageContacts: false, manageBilling: false, purchase: false };

export interface SeedAccountOptions {
  accountId: string;
  /** Users: the forty seed users, or a generated account of this size. */
  userCount?: number;
  /** Permissions by user id; users not named have none. */
  permissions: Record<string, ViewerPermissions>;
  /** Users who may sign in with `DEMO_PASSWORD`. */
  passwordUserIds?: string[];
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** The row values of a user: what search and ordering read is folded once, here. */
export function userRow(user: User) {
  return {
    sortKey: foldText(user.displayName),
    searchText: foldText(`${user.displayName} ${user.email}`),
  };
}

const BATCH = 5_000;

/**
 * Creates an account with the memory adapter's seed data: its users, the built-in roles, a
 * primary contact, two billing contacts, two role contacts, two payment methods (the default
 * and one about to expire) and two product subscriptions, one with seats.
 */
export async function seedAccount(sql: Sql, options: SeedAccountOptions): Promise<void> {
  const users = options.userCount === undefined ? seedUsers() : generateUsers(options.userCount);
  const administrators = new Set(users.slice(0, 2).map((user) => user.id));
  const passwords = new Set(options.passwordUserIds ?? []);
  const passwordHash = passwords.size > 0 ? hashPassword(DEMO_PASSWORD) : null;
  await sql.query('INSERT INTO accounts (id, name, subscription) VALUES ($1, $2, $3)', [
    options.accountId,
    SEED_ACCOUNT_NAME,
    JSON.stringify(seedSubscription()),
  ]);
  for (let start = 0; start < users.length; start += BATCH) {
    const batch = users.slice(start, start + BATCH);
    const columns = batch.map((user) => {
      const permissions = options.permissions[user.id] ?? NO_PERMISSIONS;
      const { sortKey, searchText } = userRow(user);
      return [
        user.id,
        user.displayName,
        user.email,
        user.status,
        sortKey,
        searchText,
        administrators.has(user.id),
        permissions.manageContacts,
        permissions.manageBilling,
        permissions.purchase,
        passwords.has(user.id) ? passwordHash : null,
      ] as const;
    });
    const column = (index: number) => columns.map((row) => row[index]);
    // One statement per batch: unnest turns parallel arrays into rows.
    await sql.query(
      `INSERT INTO users (account_id, id, display_name, email, status, sort_key, search_text, is_administrator,
         can_manage_contacts, can_manage_billing, can_purchase, password_hash)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::boolean[], $9::boolean[], $10::boolean[], $11::boolean[], $12::text[])`,
      [options.accountId, ...Array.from({ length: 11 }, (_, index) => column(index))],
    );
  }
  for (const [position, role] of builtInRoles().entries()) {
    await sql.query(
      'INSERT INTO roles (account_id, id, position, label, description, accepts_external_email) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        options.accountId,
        role.id,
        position,
        role.label ?? null,
        role.description ?? null,
        role.acceptsExternalEmail,
      ],
    );
  }
  const [first, second, third, fourth] = users;
  const seededAt = new Date().toISOString();
  await sql.query(
    `INSERT INTO contacts (account_id, version, primary_contact_id, billing_contact_ids, role_contacts, updated_at, updated_by,
       section_changes)
     VALUES ($1, 1, $2, $3, $4, $5, NULL, $6)`,
    [
      options.accountId,
      first?.id ?? null,
      JSON.stringify([second, third].flatMap((user) => (user ? [user.id] : []))),
      JSON.stringify({
        ...(fourth ? { decisionMaker: { kind: 'user', userId: fourth.id } } : {}),
        security: { kind: 'email', email: 'security@nordlicht.example' },
      }),
      seededAt,
      JSON.stringify(
        Object.fromEntries(
          ['primary', 'billing', 'roles'].map((section) => [
            section,
            { updatedAt: seededAt, updatedBy: null },
          ]),
        ),
      ),
    ],
  );
  const methods = seedPaymentMethods(users, first?.id ?? 'u001', new Date());
  for (const method of methods) {
    await sql.query(
      `INSERT INTO payment_methods (account_id, id, brand, last4, exp_month, exp_year, owner_name, owner_user_id,
         shared_with_admins, is_default, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, now() + make_interval(secs => $11))`,
      [
        options.accountId,
        method.id,
        method.brand,
        method.last4,
        method.expMonth,
        method.expYear,
        method.ownerName,
        method.ownerUserId,
        method.sharedWithAdmins,
        method.isDefault ?? false,
        // Listed in the seed's order, as the memory adapter lists them.
        methods.indexOf(method) / 1000,
      ],
    );
  }
  const userIds = new Set(users.map((user) => user.id));
  for (const subscription of seedProductSubscriptions()) {
    const perSeat = PRODUCTS.some((product) =>
      product.tiers.some((tier) => tier.id === subscription.tierId && tier.pricing === 'per_seat'),
    );
    await sql.query(
      `INSERT INTO product_subscriptions (account_id, product_id, tier_id, status, billing_interval, currency,
         seats_bought, next_charge_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        options.accountId,
        subscription.productId,
        subscription.tierId,
        subscription.status,
        subscription.interval,
        subscription.currency,
        perSeat ? subscription.seatsBought : 0,
        nextRenewalDate(new Date(), subscription.interval),
      ],
    );
    const holders = perSeat ? subscription.holderIds.filter((id) => userIds.has(id)) : [];
    if (holders.length > 0) {
      await sql.query(
        'INSERT INTO seat_holders (account_id, product_id, user_id) SELECT $1, $2, unnest($3::text[])',
        [options.accountId, subscription.productId, holders],
      );
    }
  }
}

/** Seeds the demo account once: on an empty database, never over data already there. */
export async function seedDemoAccount(sql: Sql, userCount?: number): Promise<boolean> {
  const existing = await sql.query('SELECT 1 FROM accounts WHERE id = $1', [DEMO_ACCOUNT_ID]);
  if (existing.length > 0) return false;
  await seedAccount(sql, {
    accountId: DEMO_ACCOUNT_ID,
    ...(userCount === undefined ? {} : { userCount }),
    permissions: { u001: ALL_PERMISSIONS, u002: ALL_PERMISSIONS },
    passwordUserIds: [DEMO_USERS.admin.userId, DEMO_USERS.viewer.userId],
  });
  return true;
}

export { ALL_PERMISSIONS, NO_PERMISSIONS };
