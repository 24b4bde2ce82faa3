import { createHash } from 'node:crypto';
import type { FieldIssue } from '../../../src/adapter/errors.js';
import { foldText } from '../../../src/lib/search-text.js';
import {
  accountContactsSchema,
  cardExpiryStatus,
  MAX_BILLING_CONTACTS,
  type Account,
  type AccountContacts,
  type Assignee,
  type Catalog,
  type ContactsChange,
  type ContactsSection,
  type ContactsUpdate,
  type OrderDraft,
  type OrderResult,
  type PaymentMethod,
  type PaymentMethodInput,
  type ProductSubscription,
  type Quote,
  type RoleDefinition,
  type ProductSeats,
  type SeatAssignmentsUpdate,
  type User,
  type UserPage,
  type ViewerPermissions,
} from '../../../src/schemas/index.js';
import type { Database, Sql } from './db.js';
import { findTier, priceListIssues, priceQuote, PRODUCTS, unitPrice } from './pricing.js';
import { Problem } from './problem.js';

/** The signed-in user of a request, as the bearer token names them. */
export interface Viewer {
  accountId: string;
  userId: string;
  displayName: string;
  permissions: ViewerPermissions;
}

interface UserRow {
  id: string;
  display_name: string;
  email: string;
  status: User['status'];
  avatar_url: string | null;
}

interface ContactsRow {
  version: number;
  primary_contact_id: string | null;
  billing_contact_ids: string[];
  role_contacts: Record<string, { kind: 'user'; userId: string } | { kind: 'email'; email: string }>;
  updated_at: Date | string;
  updated_by: string | null;
  section_changes: Partial<Record<ContactsSection, ContactsChange>>;
}

interface SubscriptionRow {
  product_id: string;
  tier_id: string;
  status: ProductSubscription['status'];
  billing_interval: ProductSubscription['interval'];
  currency: string;
  seats_bought: number;
  next_charge_date: string;
  seats_version: number;
  seats_updated_at: Date | string;
  seats_updated_by: string | null;
}

const USER_COLUMNS = 'id, display_name, email, status, avatar_url';
const SUBSCRIPTION_COLUMNS =
  'product_id, tier_id, status, billing_interval, currency, seats_bought, next_charge_date, seats_version, seats_updated_at, seats_updated_by';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    status: row.status,
    ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}),
  };
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

// PGlite and node-postgres both parse jsonb; a text column would arrive as a string.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored shape
function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An opaque cursor: the last row's sort position, and the total counted on the first page. */
interface Cursor {
  sortKey: string;
  id: string;
  total: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sortKey, cursor.id, cursor.total])).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      Number.isInteger(value[2]) &&
      (value[2] as number) >= 0
    ) {
      return { sortKey: value[0], id: value[1], total: value[2] as number };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw Problem.validation(
    [{ path: ['cursor'], code: 'invalid' }],
    'The cursor is not one this server issued.',
  );
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Every read and write of the contract, on the database, for one signed-in viewer at a time. */
export function createStore(database: Database, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());

  async function nextId(sql: Sql, prefix: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>("SELECT nextval('ids')::text AS id");
    return `${prefix}_${(row?.id ?? '0').padStart(6, '0')}`;
  }

  async function usersByIds(sql: Sql, accountId: string, ids: string[]): Promise<Map<string, User>> {
    if (ids.length === 0) return new Map();
    const rows = await sql.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE account_id = $1 AND id = ANY($2::text[])`,
      [accountId, ids],
    );
    return new Map(rows.map((row) => [row.id, toUser(row)]));
  }

  async function roles(sql: Sql, accountId: string): Promise<RoleDefinition[]> {
    const rows = await sql.query<{
      id: string;
      label: string | null;
      description: string | null;
      accepts_external_email: boolean;
    }>(
      'SELECT id, label, description, accepts_external_email FROM roles WHERE account_id = $1 ORDER BY position',
      [accountId],
    );
    return rows.map((row) => ({
      id: row.id,
      ...(row.label ? { label: row.label } : {}),
      ...(row.description ? { description: row.description } : {}),
      acceptsExternalEmail: row.accepts_external_email,
    }));
  }

  async function contactsRow(sql: Sql, accountId: string, forUpdate = false): Promise<ContactsRow> {
    const [row] = await sql.query<ContactsRow>(
      `SELECT version, primary_contact_id, billing_contact_ids, role_contacts, updated_at, updated_by, section_changes
       FROM contacts WHERE account_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [accountId],
    );
    if (!row) throw Problem.notFound('The account has no contacts.');
    return {
      ...row,
      billing_contact_ids: parseJson(row.billing_contact_ids),
      role_contacts: parseJson(row.role_contacts),
      section_changes: parseJson(row.section_changes),
    };
  }

  async function resolveContacts(sql: Sql, accountId: string, row: ContactsRow): Promise<AccountContacts> {
    const ids = [
      ...(row.primary_contact_id ? [row.primary_contact_id] : []),
      ...row.billing_contact_ids,
      ...Object.values(row.role_contacts).flatMap((assignee) =>
        assignee.kind === 'user' ? [assignee.userId] : [],
      ),
    ];
    const users = await usersByIds(sql, accountId, ids);
    const roleContacts: Record<string, Assignee> = {};
    for (const [roleId, assignee] of Object.entries(row.role_contacts)) {
      if (assignee.kind === 'email') roleContacts[roleId] = { kind: 'email', email: assignee.email };
      else {
        const user = users.get(assignee.userId);
        if (user) roleContacts[roleId] = { kind: 'user', user };
      }
    }
    return accountContactsSchema.parse({
      version: row.version,
      primaryContact: (row.primary_contact_id && users.get(row.primary_contact_id)) || null,
      billingContacts: row.billing_contact_ids.flatMap((id) => {
        const user = users.get(id);
        return user ? [user] : [];
      }),
      roleContacts,
      updatedAt: iso(row.updated_at),
      updatedBy: row.updated_by,
      ...(Object.keys(row.section_changes).length > 0 ? { sectionChanges: row.section_changes } : {}),
    });
  }

  /** Why a user may not be newly chosen as a contact or a seat, or null when they may. */
  function userProblem(users: Map<string, User>, userId: string): string | null {
    const user = users.get(userId);
    if (!user) return 'userNotFound';
    if (user.status === 'deactivated') return 'userDeactivated';
    return null;
  }

  async function subscriptionOf(sql: Sql, accountId: string): Promise<Catalog['subscription']> {
    const [row] = await sql.query<{ subscription: unknown }>(
      'SELECT subscription FROM accounts WHERE id = $1',
      [accountId],
    );
    if (!row) throw Problem.notFound('No such account.');
    return parseJson(row.subscription);
  }

  async function visiblePaymentMethods(sql: Sql, viewer: Viewer): Promise<PaymentMethod[]> {
    const rows = await sql.query<{
      id: string;
      brand: PaymentMethod['brand'];
      last4: string;
      exp_month: number;
      exp_year: number;
      owner_name: string;
      owner_user_id: string;
      shared_with_admins: boolean;
      is_default: boolean;
      version: number;
    }>(
      `SELECT id, brand, last4, exp_month, exp_year, owner_name, owner_user_id, shared_with_admins, is_default, version
       FROM payment_methods WHERE account_id = $1 AND (owner_user_id = $2 OR shared_with_admins)
       ORDER BY created_at, id`,
      [viewer.accountId, viewer.userId],
    );
    return rows.map((row) => ({
      id: row.id,
      brand: row.brand,
      last4: row.last4,
      expMonth: row.exp_month,
      expYear: row.exp_year,
      ownerName: row.owner_name,
      ownerUserId: row.owner_user_id,
      sharedWithAdmins: row.shared_with_admins,
      isDefault: row.is_default,
      version: row.version,
    }));
  }

  /**
   * A card the viewer can see, at the version they saw it, with every card of the account locked
   * until the transaction ends: default, sharing and removal each read the others.
   */
  async function visibleMethodAt(
    sql: Sql,
    viewer: Viewer,
    paymentMethodId: string,
    expectedVersion: number,
  ): Promise<PaymentMethod> {
    await sql.query('SELECT id FROM payment_methods WHERE account_id = $1 FOR UPDATE', [viewer.accountId]);
    const visible = await visiblePaymentMethods(sql, viewer);
    const method = visible.find((candidate) => candidate.id === paymentMethodId);
    if (!method) throw Problem.notFound('No such payment method.');
    if (method.version !== expectedVersion) {
      throw Problem.conflict(`The card is at version ${method.version}, not ${expectedVersion}.`, visible);
    }
    return method;
  }

  /** Makes `paymentMethodId` the default; every card whose flag changes gets a new version. */
  async function makeDefault(sql: Sql, accountId: string, paymentMethodId: string): Promise<void> {
    await sql.query(
      `UPDATE payment_methods SET is_default = false, version = version + 1
       WHERE account_id = $1 AND is_default AND id <> $2`,
      [accountId, paymentMethodId],
    );
    await sql.query(
      `UPDATE payment_methods SET is_default = true, version = version + 1
       WHERE account_id = $1 AND id = $2 AND NOT is_default`,
      [accountId, paymentMethodId],
    );
  }

  async function subscriptionRows(sql: Sql, accountId: string): Promise<SubscriptionRow[]> {
    return sql.query<SubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM product_subscriptions WHERE account_id = $1 ORDER BY product_id`,
      [accountId],
    );
  }

  /** The product's subscription if it is per seat, else `not_found`; locked when `forUpdate`. */
  async function perSeatRow(sql: Sql, accountId: string, productId: string, forUpdate = false) {
    const [row] = await sql.query<SubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM product_subscriptions WHERE account_id = $1 AND product_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [accountId, productId],
    );
    if (!row || findTier(PRODUCTS, row.tier_id)?.tier.pricing !== 'per_seat') {
      throw Problem.notFound(`The account has no per-seat subscription of ${productId}.`);
    }
    return row;
  }

  async function holderIds(sql: Sql, accountId: string, productId: string): Promise<string[]> {
    const rows = await sql.query<{ user_id: string }>(
      'SELECT user_id FROM seat_holders WHERE account_id = $1 AND product_id = $2',
      [accountId, productId],
    );
    return rows.map((row) => row.user_id);
  }

  async function readSeats(sql: Sql, accountId: string, row: SubscriptionRow): Promise<ProductSeats> {
    const holders = await sql.query<UserRow>(
      `SELECT ${USER_COLUMNS.split(', ')
        .map((column) => `u.${column}`)
        .join(', ')}
       FROM seat_holders h JOIN users u ON u.account_id = h.account_id AND u.id = h.user_id
       WHERE h.account_id = $1 AND h.product_id = $2 ORDER BY u.sort_key, u.id`,
      [accountId, row.product_id],
    );
    return {
      productId: row.product_id,
      tierId: row.tier_id,
      version: row.seats_version,
      seatsBought: row.seats_bought,
      holders: holders.map(toUser),
      updatedAt: iso(row.seats_updated_at),
      updatedBy: row.seats_updated_by,
    };
  }

  /** An order replaces its product's subscription; its seat users become the holders. */
  async function recordSubscription(
    sql: Sql,
    viewer: Viewer,
    productId: string,
    draft: OrderDraft,
    quote: Quote,
    method: PaymentMethod,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO product_subscriptions (account_id, product_id, tier_id, status, billing_interval, currency,
         seats_bought, next_charge_date, seats_version, seats_updated_at, seats_updated_by)
       VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, 1, $8, $9)
       ON CONFLICT (account_id, product_id) DO UPDATE SET tier_id = $3, status = 'active', billing_interval = $4,
         currency = $5, seats_bought = $6, next_charge_date = $7,
         seats_version = product_subscriptions.seats_version + 1, seats_updated_at = $8, seats_updated_by = $9`,
      [
        viewer.accountId,
        productId,
        draft.tierId,
        draft.interval,
        draft.currency,
        quote.seats,
        quote.nextChargeDate,
        now().toISOString(),
        viewer.displayName,
      ],
    );
    await sql.query('DELETE FROM seat_holders WHERE account_id = $1 AND product_id = $2', [
      viewer.accountId,
      productId,
    ]);
    if (quote.seats > 0) {
      await sql.query(
        'INSERT INTO seat_holders (account_id, product_id, user_id) SELECT $1, $2, unnest($3::text[])',
        [viewer.accountId, productId, draft.seatUserIds],
      );
    }
    const [existingDefault] = await sql.query(
      'SELECT id FROM payment_methods WHERE account_id = $1 AND is_default',
      [viewer.accountId],
    );
    if (!existingDefault) await makeDefault(sql, viewer.accountId, method.id);
  }

  async function priceDraft(sql: Sql, viewer: Viewer, draft: OrderDraft): Promise<Quote> {
    const found = findTier(PRODUCTS, draft.tierId);
    if (!found) throw Problem.validation([{ path: ['tierId'], code: 'tierUnknown' }]);
    const issues: FieldIssue[] = priceListIssues(found.tier, draft);
    if (found.tier.pricing === 'per_seat') {
      const users = await usersByIds(sql, viewer.accountId, draft.seatUserIds);
      // Today's holders keep their seats, deactivated or not: only a new holder must be active.
      const holders = new Set(await holderIds(sql, viewer.accountId, found.product.id));
      draft.seatUserIds.forEach((id, index) => {
        const problem = holders.has(id) ? null : userProblem(users, id);
        if (problem) issues.push({ path: ['seatUserIds', index], code: problem });
      });
    }
    const price = unitPrice(found.tier, draft);
    if (issues.length > 0 || price === undefined) throw Problem.validation(issues);
    return priceQuote({
      id: await nextId(sql, 'quote'),
      draft,
      product: found.product,
      tier: found.tier,
      price,
      subscription: await subscriptionOf(sql, viewer.accountId),
      today: now(),
    });
  }

  // Users are only ever added by seeding, so an account's size is read once per process.
  const accountSizes = new Map<string, number>();
  async function accountSize(accountId: string): Promise<number> {
    let size = accountSizes.get(accountId);
    if (size === undefined) {
      const [row] = await database.query<{ size: number }>(
        'SELECT count(*)::int AS size FROM users WHERE account_id = $1',
        [accountId],
      );
      size = row?.size ?? 0;
      accountSizes.set(accountId, size);
    }
    return size;
  }

  return {
    /** The viewer a bearer token belongs to, or null. */
    async viewerForToken(token: string): Promise<Viewer | null> {
      const [row] = await database.query<{
        account_id: string;
        user_id: string;
        display_name: string;
        can_manage_contacts: boolean;
        can_manage_billing: boolean;
        can_purchase: boolean;
      }>(
        `SELECT s.account_id, s.user_id, u.display_name, u.can_manage_contacts, u.can_manage_billing, u.can_purchase
         FROM sessions s JOIN users u ON u.account_id = s.account_id AND u.id = s.user_id
         WHERE s.token_hash = $1 AND u.status <> 'deactivated'`,
        [sha256(token)],
      );
      if (!row) return null;
      return {
        accountId: row.account_id,
        userId: row.user_id,
        displayName: row.display_name,
        permissions: {
          manageContacts: row.can_manage_contacts,
          manageBilling: row.can_manage_billing,
          purchase: row.can_purchase,
        },
      };
    },

    async getAccount(viewer: Viewer): Promise<Account> {
      const [account] = await database.query<{ id: string; name: string }>(
        'SELECT id, name FROM accounts WHERE id = $1',
        [viewer.accountId],
      );
      if (!account) throw Problem.notFound('No such account.');
      const users = await usersByIds(database, viewer.accountId, [viewer.userId]);
      const user = users.get(viewer.userId);
      if (!user) throw Problem.notFound('The signed-in user no longer exists.');
      const administrators = await database.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users WHERE account_id = $1 AND is_administrator ORDER BY sort_key, id`,
        [viewer.accountId],
      );
      return {
        id: account.id,
        name: account.name,
        viewer: { user, permissions: viewer.permissions },
        administrators: administrators.map(toUser),
      };
    },

    /**
     * Search: every folded term must occur in the folded name and email (trigram index), in
     * `sort_key, id` order, one keyset page at a time. The total is counted on the first page
     * only and carried in the cursor, so paging deeper costs one index range scan per page.
     */
    async searchUsers(
      viewer: Viewer,
      params: {
        query: string;
        cursor?: string | null;
        limit?: number;
        includeDeactivated?: boolean;
        excludeIds?: string[];
      },
    ): Promise<UserPage> {
      const terms = foldText(params.query).split(/\s+/).filter(Boolean);
      const limit = params.limit ?? 50;
      const cursor = params.cursor ? decodeCursor(params.cursor) : null;
      const conditions = ['account_id = $1'];
      const values: unknown[] = [viewer.accountId];
      const add = (condition: (placeholder: string) => string, value: unknown) => {
        values.push(value);
        conditions.push(condition(`$${values.length}`));
      };
      if (params.includeDeactivated === false) conditions.push("status <> 'deactivated'");
      if (params.excludeIds && params.excludeIds.length > 0)
        add((p) => `NOT (id = ANY(${p}::text[]))`, params.excludeIds);
      for (const term of terms) add((p) => `search_text LIKE ${p}`, likePattern(term));
      const filter = conditions.join(' AND ');

      let total = cursor?.total;
      if (total === undefined && conditions.length === 1) total = await accountSize(viewer.accountId);
      if (total === undefined) {
        const [row] = await database.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM users WHERE ${filter}`,
          values,
        );
        total = row?.total ?? 0;
      }
      const pageValues = [...values];
      let pageFilter = filter;
      if (cursor) {
        pageValues.push(cursor.sortKey, cursor.id);
        pageFilter += ` AND (sort_key, id) > ($${pageValues.length - 1}, $${pageValues.length})`;
      }
      pageValues.push(limit + 1);
      // A rare match is found fastest through the trigram index and then sorted; a common one
      // by walking the sort order until a page is full. The planner cannot tell them apart from
      // a LIKE pattern, but the count just taken can.
      const rare = terms.length > 0 && total * 20 < (await accountSize(viewer.accountId));
      const select = `SELECT ${USER_COLUMNS}, sort_key FROM users WHERE ${pageFilter}`;
      const rows = await database.query<UserRow & { sort_key: string }>(
        rare
          ? `WITH matches AS MATERIALIZED (${select}) SELECT * FROM matches ORDER BY sort_key, id LIMIT $${pageValues.length}`
          : `${select} ORDER BY sort_key, id LIMIT $${pageValues.length}`,
        pageValues,
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        users: page.map(toUser),
        nextCursor:
          rows.length > limit && last ? encodeCursor({ sortKey: last.sort_key, id: last.id, total }) : null,
        total,
      };
    },

    async getUsersByIds(viewer: Viewer, ids: string[]): Promise<User[]> {
      const users = await usersByIds(database, viewer.accountId, ids);
      return ids.flatMap((id) => {
        const user = users.get(id);
        return user ? [user] : [];
      });
    },

    async getContacts(viewer: Viewer): Promise<AccountContacts> {
      return resolveContacts(database, viewer.accountId, await contactsRow(database, viewer.accountId));
    },

    /** Applies an update if `expectedVersion` is still the stored one, with the memory adapter's rules. */
    updateContacts(
      viewer: Viewer,
      update: ContactsUpdate,
      expectedVersion: number,
    ): Promise<AccountContacts> {
      return database.transaction(async (sql) => {
        const current = await contactsRow(sql, viewer.accountId, true);
        if (current.version !== expectedVersion) {
          throw Problem.conflict(
            `The contacts are at version ${current.version}, not ${expectedVersion}.`,
            await resolveContacts(sql, viewer.accountId, current),
          );
        }
        const roleList = await roles(sql, viewer.accountId);
        const wanted = [
          ...(update.primaryContactId ? [update.primaryContactId] : []),
          ...(update.billingContactIds ?? []),
          ...Object.values(update.roleContacts ?? {}).flatMap((assignee) =>
            assignee?.kind === 'user' ? [assignee.userId] : [],
          ),
        ];
        const users = await usersByIds(sql, viewer.accountId, wanted);
        const issues: FieldIssue[] = [];
        const next = {
          primaryContactId: current.primary_contact_id,
          billingContactIds: current.billing_contact_ids,
          roleContacts: { ...current.role_contacts },
        };
        if (update.primaryContactId !== undefined) {
          // Keeping a contact who was deactivated since is allowed; choosing one is not.
          if (update.primaryContactId !== current.primary_contact_id) {
            const problem = userProblem(users, update.primaryContactId);
            if (problem) issues.push({ path: ['primaryContactId'], code: problem });
          }
          next.primaryContactId = update.primaryContactId;
        }
        if (update.billingContactIds !== undefined) {
          if (update.billingContactIds.length > MAX_BILLING_CONTACTS) {
            issues.push({ path: ['billingContactIds'], code: 'billingContactsTooMany' });
          }
          update.billingContactIds.forEach((id, index) => {
            if (current.billing_contact_ids.includes(id) && users.has(id)) return;
            const problem = userProblem(users, id);
            if (problem) issues.push({ path: ['billingContactIds', index], code: problem });
          });
          next.billingContactIds = [...update.billingContactIds];
        }
        for (const [roleId, assignee] of Object.entries(update.roleContacts ?? {})) {
          const role = roleList.find((candidate) => candidate.id === roleId);
          if (!role) {
            issues.push({ path: ['roleContacts', roleId], code: 'roleUnknown' });
            continue;
          }
          if (assignee === null) {
            next.roleContacts = Object.fromEntries(
              Object.entries(next.roleContacts).filter(([id]) => id !== roleId),
            );
          } else if (assignee.kind === 'email') {
            if (!role.acceptsExternalEmail)
              issues.push({ path: ['roleContacts', roleId], code: 'externalEmailNotAllowed' });
            else next.roleContacts[roleId] = { kind: 'email', email: assignee.email };
          } else {
            const held = current.role_contacts[roleId];
            const unchanged = held?.kind === 'user' && held.userId === assignee.userId;
            const problem = unchanged ? null : userProblem(users, assignee.userId);
            if (problem) issues.push({ path: ['roleContacts', roleId], code: problem });
            next.roleContacts[roleId] = { kind: 'user', userId: assignee.userId };
          }
        }
        if (issues.length > 0) throw Problem.validation(issues);
        const change: ContactsChange = { updatedAt: now().toISOString(), updatedBy: viewer.displayName };
        const sectionChanges = {
          ...current.section_changes,
          ...(update.primaryContactId !== undefined ? { primary: change } : {}),
          ...(update.billingContactIds !== undefined ? { billing: change } : {}),
          ...(update.roleContacts !== undefined ? { roles: change } : {}),
        };
        await sql.query(
          `UPDATE contacts SET version = version + 1, primary_contact_id = $2, billing_contact_ids = $3,
             role_contacts = $4, updated_at = $5, updated_by = $6, section_changes = $7 WHERE account_id = $1`,
          [
            viewer.accountId,
            next.primaryContactId,
            JSON.stringify(next.billingContactIds),
            JSON.stringify(next.roleContacts),
            change.updatedAt,
            change.updatedBy,
            JSON.stringify(sectionChanges),
          ],
        );
        return resolveContacts(sql, viewer.accountId, await contactsRow(sql, viewer.accountId));
      });
    },

    getRoleDefinitions: (viewer: Viewer) => roles(database, viewer.accountId),

    async getSubscription(viewer: Viewer) {
      return subscriptionOf(database, viewer.accountId);
    },

    getPaymentMethods: (viewer: Viewer) => visiblePaymentMethods(database, viewer),

    /** Each product's subscription, its seat count and the default card it is charged to. */
    async getSubscriptions(viewer: Viewer): Promise<ProductSubscription[]> {
      const rows = await subscriptionRows(database, viewer.accountId);
      const counts = await database.query<{ product_id: string; holders: number }>(
        `SELECT h.product_id, count(*)::int AS holders FROM seat_holders h
         JOIN users u ON u.account_id = h.account_id AND u.id = h.user_id
         WHERE h.account_id = $1 GROUP BY h.product_id`,
        [viewer.accountId],
      );
      const [card] = await database.query<{
        id: string;
        brand: PaymentMethod['brand'];
        last4: string;
        exp_month: number;
        exp_year: number;
      }>(
        'SELECT id, brand, last4, exp_month, exp_year FROM payment_methods WHERE account_id = $1 AND is_default',
        [viewer.accountId],
      );
      return rows.map((row) => {
        const tier = findTier(PRODUCTS, row.tier_id)?.tier;
        const unit = tier?.prices[row.currency]?.[row.billing_interval] ?? 0;
        const perSeat = tier?.pricing === 'per_seat';
        // Per-seat tiers charge the seats above those included.
        const price = tier && perSeat ? unit * Math.max(0, row.seats_bought - tier.includedSeats) : unit;
        return {
          productId: row.product_id,
          tierId: row.tier_id,
          status: row.status,
          interval: row.billing_interval,
          currency: row.currency,
          pricing: perSeat ? 'per_seat' : 'flat',
          seatsBought: perSeat ? row.seats_bought : 0,
          seatsAssigned: perSeat
            ? (counts.find((count) => count.product_id === row.product_id)?.holders ?? 0)
            : 0,
          price,
          nextCharge: row.status === 'canceled' ? null : { date: row.next_charge_date, amount: price },
          paymentMethod: card
            ? {
                id: card.id,
                brand: card.brand,
                last4: card.last4,
                expMonth: card.exp_month,
                expYear: card.exp_year,
              }
            : null,
        };
      });
    },

    /** Makes a valid card the default; answers with every card the viewer sees. */
    setDefaultPaymentMethod(
      viewer: Viewer,
      paymentMethodId: string,
      expectedVersion: number,
    ): Promise<PaymentMethod[]> {
      return database.transaction(async (sql) => {
        const method = await visibleMethodAt(sql, viewer, paymentMethodId, expectedVersion);
        if (cardExpiryStatus(method, now()) === 'expired') {
          throw Problem.validation([{ path: ['paymentMethodId'], code: 'paymentMethodExpired' }]);
        }
        await makeDefault(sql, viewer.accountId, method.id);
        return visiblePaymentMethods(sql, viewer);
      });
    },

    /** Shares the viewer's own card with the other admins, or stops sharing it. */
    updatePaymentMethodSharing(
      viewer: Viewer,
      paymentMethodId: string,
      sharedWithAdmins: boolean,
      expectedVersion: number,
    ): Promise<PaymentMethod> {
      return database.transaction(async (sql) => {
        const method = await visibleMethodAt(sql, viewer, paymentMethodId, expectedVersion);
        if (method.ownerUserId !== viewer.userId) throw Problem.forbidden('ownership of this card');
        if (method.sharedWithAdmins === sharedWithAdmins) return method;
        await sql.query(
          `UPDATE payment_methods SET shared_with_admins = $3, version = version + 1
           WHERE account_id = $1 AND id = $2`,
          [viewer.accountId, method.id, sharedWithAdmins],
        );
        return { ...method, sharedWithAdmins, version: method.version + 1 };
      });
    },

    /**
     * Removes the viewer's own card, unless a subscription that is not canceled would be left
     * without a valid default: the default card stays until another is the default, and the
     * account's last valid card stays.
     */
    removePaymentMethod(viewer: Viewer, paymentMethodId: string, expectedVersion: number): Promise<void> {
      return database.transaction(async (sql) => {
        const method = await visibleMethodAt(sql, viewer, paymentMethodId, expectedVersion);
        if (method.ownerUserId !== viewer.userId) throw Problem.forbidden('ownership of this card');
        const charging = (await subscriptionRows(sql, viewer.accountId)).some(
          (row) => row.status !== 'canceled',
        );
        if (charging) {
          if (method.isDefault) {
            throw Problem.validation([{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }]);
          }
          // Every card of the account counts, not only those the viewer sees.
          const others = await sql.query<{ exp_month: number; exp_year: number }>(
            'SELECT exp_month, exp_year FROM payment_methods WHERE account_id = $1 AND id <> $2',
            [viewer.accountId, method.id],
          );
          const othersValid = others.some(
            (other) =>
              cardExpiryStatus({ expMonth: other.exp_month, expYear: other.exp_year }, now()) !== 'expired',
          );
          if (cardExpiryStatus(method, now()) !== 'expired' && !othersValid) {
            throw Problem.validation([{ path: ['paymentMethodId'], code: 'lastValidPaymentMethod' }]);
          }
        }
        await sql.query('DELETE FROM payment_methods WHERE account_id = $1 AND id = $2', [
          viewer.accountId,
          method.id,
        ]);
      });
    },

    async getSeatAssignments(viewer: Viewer, productId: string): Promise<ProductSeats> {
      return readSeats(database, viewer.accountId, await perSeatRow(database, viewer.accountId, productId));
    },

    /** Applies a seat change over `expectedVersion`, with the memory adapter's rules. */
    updateSeatAssignments(
      viewer: Viewer,
      productId: string,
      update: SeatAssignmentsUpdate,
      expectedVersion: number,
    ): Promise<ProductSeats> {
      return database.transaction(async (sql) => {
        const row = await perSeatRow(sql, viewer.accountId, productId, true);
        if (row.seats_version !== expectedVersion) {
          throw Problem.conflict(
            `The seats are at version ${row.seats_version}, not ${expectedVersion}.`,
            await readSeats(sql, viewer.accountId, row),
          );
        }
        const current = await holderIds(sql, viewer.accountId, productId);
        const removed = new Set(update.unassign);
        const holders = current.filter((id) => !removed.has(id));
        const users = await usersByIds(sql, viewer.accountId, update.assign);
        const issues: FieldIssue[] = [];
        // Holders deactivated since keep their seat; only new holders are checked.
        update.assign.forEach((id, index) => {
          if (holders.includes(id)) return;
          const problem = userProblem(users, id);
          if (problem) issues.push({ path: ['assign', index], code: problem });
          else holders.push(id);
        });
        if (issues.length === 0 && holders.length > row.seats_bought) {
          issues.push({ path: ['assign'], code: 'seatsExceedBought' });
        }
        if (issues.length > 0) throw Problem.validation(issues);
        const added = holders.filter((id) => !current.includes(id));
        const dropped = current.filter((id) => !holders.includes(id));
        if (added.length === 0 && dropped.length === 0) return readSeats(sql, viewer.accountId, row);
        await sql.query(
          'DELETE FROM seat_holders WHERE account_id = $1 AND product_id = $2 AND user_id = ANY($3::text[])',
          [viewer.accountId, productId, dropped],
        );
        await sql.query(
          `INSERT INTO seat_holders (account_id, product_id, user_id)
           SELECT $1, $2, unnest($3::text[])`,
          [viewer.accountId, productId, added],
        );
        const [saved] = await sql.query<SubscriptionRow>(
          `UPDATE product_subscriptions SET seats_version = seats_version + 1, seats_updated_at = $3, seats_updated_by = $4
           WHERE account_id = $1 AND product_id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
          [viewer.accountId, productId, now().toISOString(), viewer.displayName],
        );
        return readSeats(sql, viewer.accountId, saved ?? row);
      });
    },

    async saveCardToken(
      viewer: Viewer,
      card: {
        brand: PaymentMethod['brand'];
        last4: string;
        expMonth: number;
        expYear: number;
        ownerName: string;
      },
    ): Promise<string> {
      const token = await nextId(database, 'tok');
      await database.query(
        `INSERT INTO card_tokens (token, account_id, user_id, brand, last4, exp_month, exp_year, owner_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          token,
          viewer.accountId,
          viewer.userId,
          card.brand,
          card.last4,
          card.expMonth,
          card.expYear,
          card.ownerName,
        ],
      );
      return token;
    },

    createPaymentMethod(viewer: Viewer, input: PaymentMethodInput): Promise<PaymentMethod> {
      return database.transaction(async (sql) => {
        // A token is single-use and belongs to whoever created it.
        const [card] = await sql.query<{
          brand: PaymentMethod['brand'];
          last4: string;
          exp_month: number;
          exp_year: number;
          owner_name: string;
        }>(
          `DELETE FROM card_tokens WHERE token = $1 AND account_id = $2 AND user_id = $3
           RETURNING brand, last4, exp_month, exp_year, owner_name`,
          [input.token, viewer.accountId, viewer.userId],
        );
        if (!card) throw Problem.validation([{ path: ['token'], code: 'cardTokenInvalid' }]);
        const method: PaymentMethod = {
          id: await nextId(sql, 'pm'),
          brand: card.brand,
          last4: card.last4,
          expMonth: card.exp_month,
          expYear: card.exp_year,
          ownerName: card.owner_name,
          ownerUserId: viewer.userId,
          sharedWithAdmins: input.sharedWithAdmins,
          isDefault: false,
          version: 1,
        };
        // An account without a default card gets one as soon as it has a card to charge.
        const [existingDefault] = await sql.query(
          'SELECT id FROM payment_methods WHERE account_id = $1 AND is_default FOR UPDATE',
          [viewer.accountId],
        );
        if (input.makeDefault === true || !existingDefault) {
          await sql.query(
            'UPDATE payment_methods SET is_default = false, version = version + 1 WHERE account_id = $1 AND is_default',
            [viewer.accountId],
          );
          method.isDefault = true;
        }
        await sql.query(
          `INSERT INTO payment_methods (account_id, id, brand, last4, exp_month, exp_year, owner_name, owner_user_id,
             shared_with_admins, is_default, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)`,
          [
            viewer.accountId,
            method.id,
            method.brand,
            method.last4,
            method.expMonth,
            method.expYear,
            method.ownerName,
            method.ownerUserId,
            method.sharedWithAdmins,
            method.isDefault,
          ],
        );
        return method;
      });
    },

    previewOrder: (viewer: Viewer, draft: OrderDraft) => priceDraft(database, viewer, draft),

    /**
     * Runs `decide` once per idempotency key: the first request's answer (an order, a decline,
     * a refusal) is stored with the key in the same transaction as the order, and every later
     * request with that key gets it back, or a 422 when its body differs.
     */
    async withIdempotencyKey(
      viewer: Viewer,
      key: string,
      fingerprint: string,
      decide: (sql: Sql) => Promise<{ status: number; body: unknown }>,
    ): Promise<{ status: number; body: unknown; replayed: boolean }> {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await database.transaction(async (sql) => {
            const [stored] = await sql.query<{ fingerprint: string; status: number; response: unknown }>(
              'SELECT fingerprint, status, response FROM idempotency_keys WHERE account_id = $1 AND key = $2 FOR UPDATE',
              [viewer.accountId, key],
            );
            if (stored) {
              if (stored.fingerprint !== fingerprint) {
                throw Problem.validation(
                  [{ path: ['idempotencyKey'], code: 'idempotencyKeyReused' }],
                  'This Idempotency-Key was used for a different request.',
                );
              }
              return { status: stored.status, body: parseJson(stored.response), replayed: true };
            }
            const outcome = await decide(sql);
            await sql.query(
              'INSERT INTO idempotency_keys (account_id, key, fingerprint, status, response) VALUES ($1, $2, $3, $4, $5)',
              [viewer.accountId, key, fingerprint, outcome.status, JSON.stringify(outcome.body)],
            );
            return { ...outcome, replayed: false };
          });
        } catch (error) {
          // Two first requests with one key at once (PostgreSQL): the loser's insert fails on
          // the key's primary key and its transaction, order included, is rolled back. Once
          // more, it finds the winner's answer.
          const code = (error as { code?: unknown }).code;
          if (code === '23505' && attempt === 0) continue;
          throw error;
        }
      }
    },

    /** Places an order inside the idempotency transaction; throws `Problem` for a refusal or a decline. */
    async placeOrder(sql: Sql, viewer: Viewer, draft: OrderDraft, key: string): Promise<OrderResult> {
      const quote = await priceDraft(sql, viewer, draft);
      const method = (await visiblePaymentMethods(sql, viewer)).find(
        (candidate) => candidate.id === draft.paymentMethodId,
      );
      if (!method) throw Problem.validation([{ path: ['paymentMethodId'], code: 'paymentMethodRequired' }]);
      if (!draft.company) throw Problem.validation([{ path: ['company'], code: 'companyNameRequired' }]);
      // Test cards ending 0002 are declined, as with common payment providers' test numbers.
      if (method.last4 === '0002') throw Problem.paymentDeclined('card_declined');
      const found = findTier(PRODUCTS, draft.tierId);
      const subscription = await subscriptionOf(sql, viewer.accountId);
      const result: OrderResult = {
        orderId: await nextId(sql, 'order'),
        status: 'completed',
        tierId: draft.tierId,
        interval: draft.interval,
        seats: quote.seats,
        total: quote.total,
        currency: quote.currency,
        placedAt: now().toISOString(),
      };
      const nextSubscription: Catalog['subscription'] = {
        ...subscription,
        tierIds: [
          ...subscription.tierIds.filter(
            (id) => !found?.product.tiers.some((candidate) => candidate.id === id),
          ),
          draft.tierId,
        ],
        interval: draft.interval,
        currency: draft.currency,
        seats: quote.seats || subscription.seats,
        // The seats bought are who holds one of this product's seats from now on.
        ...(found && quote.seats > 0
          ? { seatHolders: { ...subscription.seatHolders, [found.product.id]: [...draft.seatUserIds] } }
          : {}),
      };
      await sql.query(
        'INSERT INTO orders (account_id, id, idempotency_key, result, placed_at) VALUES ($1, $2, $3, $4, $5)',
        [viewer.accountId, result.orderId, key, JSON.stringify(result), result.placedAt],
      );
      await sql.query('UPDATE accounts SET subscription = $2 WHERE id = $1', [
        viewer.accountId,
        JSON.stringify(nextSubscription),
      ]);
      if (found) await recordSubscription(sql, viewer, found.product.id, draft, quote, method);
      return result;
    },

    /** Every order of an account, oldest first (for tests and operators). */
    async orders(accountId: string): Promise<OrderResult[]> {
      const rows = await database.query<{ result: unknown }>(
        'SELECT result FROM orders WHERE account_id = $1 ORDER BY placed_at, id',
        [accountId],
      );
      return rows.map((row) => parseJson<OrderResult>(row.result));
    },
  };
}

export type Store = ReturnType<typeof createStore>;
