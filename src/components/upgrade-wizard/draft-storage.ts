// Where the wizard keeps its draft across reloads. A stored draft is input like any other: it
// may be from an older version, from another account or viewer in the same tab, or edited by
// hand. It is scoped to its owner, checked with a versioned schema, and never trusted beyond it.
import * as z from 'zod/mini';
import type { AdapterErrorCode } from '../../adapter/errors.js';
import { companyDetailsSchema, orderResultSchema } from '../../schemas/billing.js';
import { billingIntervalSchema, currencySchema } from '../../schemas/catalog.js';
import { userIdSchema } from '../../schemas/user.js';
import {
  initialWizardState,
  persistableState,
  reachableStep,
  type PurchaseAttempt,
  type WizardState,
  type WizardStep,
} from './wizard-machine.js';
import { wizardSteps } from './wizard-steps.js';

/** The storage a host may pass: `sessionStorage`, `localStorage` or its own. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The version of the stored envelope; a draft of another version is discarded. */
export const DRAFT_VERSION = 1;

/** Who a draft belongs to: the adapter (its cache scope), the account and the signed-in viewer. */
export interface DraftOwner {
  adapter: string;
  accountId: string;
  viewerId: string;
}

const adapterErrorCodes = [
  'conflict',
  'forbidden',
  'validation',
  'not_found',
  'rate_limited',
  'network',
  'payment_declined',
  'unknown',
] as const satisfies readonly AdapterErrorCode[];

const stepIds = wizardSteps.map((step) => step.id) as [WizardStep, ...WizardStep[]];
const id = z.string().check(z.minLength(1), z.maxLength(200));

const storedAttemptSchema = z.object({
  idempotencyKey: id,
  status: z.enum(['idle', 'placing', 'interrupted', 'failed', 'succeeded']),
  errorCode: z.nullable(z.enum(adapterErrorCodes)),
  order: z.nullable(orderResultSchema),
}) satisfies z.ZodMiniType<PurchaseAttempt>;

/** The draft as stored: everything but the agreement to the terms, which is asked for again. */
const storedStateSchema = z.object({
  step: z.enum(stepIds),
  productId: z.nullable(id),
  tierId: z.nullable(id),
  pricing: z.nullable(z.enum(['flat', 'per_seat'])),
  tierIntervals: z.array(billingIntervalSchema).check(z.minLength(1), z.maxLength(2)),
  currency: z.nullable(currencySchema),
  interval: billingIntervalSchema,
  seatUserIds: z.array(userIdSchema).check(z.maxLength(100_000)),
  company: z.nullable(companyDetailsSchema),
  paymentMethodId: z.nullable(id),
  attempt: z.nullable(storedAttemptSchema),
});

/** The stored envelope: its version, its owner, and the draft. */
export const storedDraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  owner: z.object({ adapter: z.string(), accountId: z.string(), viewerId: z.string() }),
  state: storedStateSchema,
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

/**
 * The key of one owner's draft: `baseKey` followed by the owner's ids, so another account or
 * viewer in the same tab never even reads it.
 */
export function draftStorageKey(baseKey: string, owner: DraftOwner): string {
  return [baseKey, owner.adapter, owner.accountId, owner.viewerId].map(encodeURIComponent).join(':');
}

function sameOwner(a: DraftOwner, b: DraftOwner): boolean {
  return a.adapter === b.adapter && a.accountId === b.accountId && a.viewerId === b.viewerId;
}

/**
 * The owner's draft, checked, or a clean start. Whatever does not pass is removed, and so is a
 * draft under `baseKey` alone, as versions before drafts had owners kept it: it could be
 * anyone's. A purchase that was in flight is restored as `interrupted`, never sent again by
 * itself; a purchase that succeeded is over, and starts clean.
 */
export function loadDraft(storage: DraftStorage | null, baseKey: string, owner: DraftOwner): WizardState {
  if (!storage) return initialWizardState();
  const key = draftStorageKey(baseKey, owner);
  try {
    storage.removeItem(baseKey);
    const raw = storage.getItem(key);
    if (!raw) return initialWizardState();
    const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || !sameOwner(parsed.data.owner, owner)) {
      storage.removeItem(key);
      return initialWizardState();
    }
    const { attempt, ...draft } = parsed.data.state;
    if (attempt?.status === 'succeeded') {
      storage.removeItem(key);
      return initialWizardState();
    }
    const restored = initialWizardState({
      ...draft,
      attempt:
        attempt?.status === 'placing' ? { ...attempt, status: 'interrupted', errorCode: null } : attempt,
    });
    // An interrupted purchase is shown where its outcome will be; any other step only as far as
    // the draft reaches it.
    if (restored.attempt?.status === 'interrupted') return { ...restored, step: 'done' };
    return { ...restored, step: reachableStep({ ...restored, step: 'plan' }, restored.step) };
  } catch {
    return initialWizardState();
  }
}

/** Stores the draft for its owner, without the agreement to the terms. */
export function saveDraft(
  storage: DraftStorage | null,
  baseKey: string,
  owner: DraftOwner,
  state: WizardState,
): void {
  if (!storage) return;
  try {
    const key = draftStorageKey(baseKey, owner);
    if (state.attempt?.status === 'succeeded') {
      storage.removeItem(key);
      return;
    }
    // The agreement is stored as not given (the schema drops it): it is asked for again.
    const stored: StoredDraft = { version: DRAFT_VERSION, owner, state: persistableState(state) };
    storage.setItem(key, JSON.stringify(stored));
  } catch {
    // Storage full or blocked: the wizard works without it.
  }
}
