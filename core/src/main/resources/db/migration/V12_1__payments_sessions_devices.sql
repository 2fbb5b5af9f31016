-- Issue 12: a real payment provider, abuse limits, sessions that end, devices bound to an install (ADR 1201).

-- ## Orders: the provider's payment and the konbini slip
-- payment_id is the provider's PaymentIntent (or the local adapter's id): webhooks find the order by it.
ALTER TABLE orders ADD COLUMN payment_id text NULL;
ALTER TABLE orders ADD COLUMN konbini_payment_number text NULL;
ALTER TABLE orders ADD COLUMN konbini_voucher_url text NULL;
CREATE UNIQUE INDEX orders_payment_id_idx ON orders (payment_id) WHERE payment_id IS NOT NULL;
-- Abuse limits count a customer's unpaid orders at every konbini checkout.
CREATE INDEX orders_customer_pending_idx ON orders (customer_id) WHERE status = 'PENDING_PAYMENT';

-- ## Payment webhooks: one row per provider event id, written in the transaction of its effect, so a replayed
-- or redelivered event changes nothing.
CREATE TABLE payment_webhook_events (
    event_id     text        PRIMARY KEY,
    event_type   text        NOT NULL,
    payment_id   text        NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_webhook_events_received_idx ON payment_webhook_events (received_at);

-- ## Web sessions ended by a logout: the SHA-256 of the session's ID token, kept until the token expires.
-- A request that still carries that token (cookies saved before the logout) is treated as signed out.
CREATE TABLE web_session_revocations (
    token_hash  text        PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX web_session_revocations_expires_idx ON web_session_revocations (expires_at);

-- ## Devices: SHA-256 of the app install's secret id; a token moves to another customer only from the same install.
ALTER TABLE devices ADD COLUMN install_id_hash text NULL;
