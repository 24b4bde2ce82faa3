-- The reference server's schema. Plain PostgreSQL: it runs unchanged on the embedded PGlite
-- and on a PostgreSQL server (DATABASE_URL). Text that is searched or sorted is folded by the
-- same function the screens use (accents removed, lower case) before it is stored, so search
-- needs no database extension beyond pg_trgm.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- The current subscription: { tierIds, interval, currency, seats }.
  subscription jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  display_name text NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'invited', 'deactivated')),
  avatar_url text,
  -- Folded display name: the order of search results, with id as the tie-breaker.
  sort_key text COLLATE "C" NOT NULL,
  -- Folded "display name email": what a search term must occur in.
  search_text text NOT NULL,
  is_administrator boolean NOT NULL DEFAULT false,
  can_manage_contacts boolean NOT NULL DEFAULT false,
  can_manage_billing boolean NOT NULL DEFAULT false,
  can_purchase boolean NOT NULL DEFAULT false,
  -- scrypt, as salt:hash in hex; only users who may sign in with a password have one.
  password_hash text,
  PRIMARY KEY (account_id, id)
);
-- Keyset pagination: WHERE (sort_key, id) > (cursor) ORDER BY sort_key, id LIMIT n.
CREATE INDEX users_by_sort_key ON users (account_id, sort_key, id);
-- Substring search (LIKE '%term%') on the folded text.
CREATE INDEX users_search_trgm ON users USING gin (search_text gin_trgm_ops);
CREATE INDEX users_by_email ON users (lower(email));

CREATE TABLE sessions (
  -- SHA-256 of the bearer token: a leaked table does not leak usable tokens.
  token_hash text PRIMARY KEY,
  account_id text NOT NULL,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id) ON DELETE CASCADE
);

CREATE TABLE roles (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  label text,
  description text,
  accepts_external_email boolean NOT NULL,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE contacts (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  version integer NOT NULL,
  primary_contact_id text,
  billing_contact_ids jsonb NOT NULL,
  -- { roleId: { kind: 'user', userId } | { kind: 'email', email } }
  role_contacts jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text
);

CREATE TABLE payment_methods (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL,
  exp_month integer NOT NULL,
  exp_year integer NOT NULL,
  owner_name text NOT NULL,
  owner_user_id text NOT NULL,
  shared_with_admins boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);

-- What a payment provider keeps of a tokenised card: never the number or the security code.
CREATE TABLE card_tokens (
  token text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL,
  exp_month integer NOT NULL,
  exp_year integer NOT NULL,
  owner_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  idempotency_key text NOT NULL,
  result jsonb NOT NULL,
  placed_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, idempotency_key)
);

-- One row per Idempotency-Key, bound to the first request's fingerprint and its answer,
-- whatever that answer was (an order, a decline, a broken rule).
CREATE TABLE idempotency_keys (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);

CREATE SEQUENCE ids;
