-- Payment methods: which card the subscriptions are charged to, and a version per card that
-- guards sharing, default and removal against concurrent changes (If-Match).
ALTER TABLE payment_methods ADD COLUMN is_default boolean NOT NULL DEFAULT false;
ALTER TABLE payment_methods ADD COLUMN version integer NOT NULL DEFAULT 1;
-- At most one default card per account.
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id) WHERE is_default;

-- Each product's subscription: its tier, interval, seats and next charge. Seats are versioned per
-- product, so admins editing two products' seats never conflict.
CREATE TABLE product_subscriptions (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  product_id text NOT NULL,
  tier_id text NOT NULL,
  status text NOT NULL,
  billing_interval text NOT NULL,
  currency text NOT NULL,
  seats_bought integer NOT NULL,
  -- An ISO date (YYYY-MM-DD), kept as text so no time zone ever shifts it.
  next_charge_date text NOT NULL,
  seats_version integer NOT NULL DEFAULT 1,
  seats_updated_at timestamptz NOT NULL DEFAULT now(),
  seats_updated_by text,
  PRIMARY KEY (account_id, product_id)
);

-- Who holds a seat. Users are never deleted, only deactivated: a holder's row stays until unassigned.
CREATE TABLE seat_holders (
  account_id text NOT NULL,
  product_id text NOT NULL,
  user_id text NOT NULL,
  PRIMARY KEY (account_id, product_id, user_id),
  FOREIGN KEY (account_id, product_id) REFERENCES product_subscriptions (account_id, product_id) ON DELETE CASCADE
);
