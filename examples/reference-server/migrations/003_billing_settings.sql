-- Payment methods: which card the subscriptions are charged to, and a version per card that
-- guards sharing, default and removal against concurrent changes (If-Match).
ALTER TABLE payment_methods ADD COLUMN is_default boolean NOT NULL DEFAULT false;
ALTER TABLE payment_methods ADD COLUMN version integer NOT NULL DEFAULT 1;
-- At most one default card per account.
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id) WHERE is_default;
