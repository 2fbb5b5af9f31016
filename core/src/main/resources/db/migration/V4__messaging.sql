-- Messaging, version 4: the outbox relay's wake-up, the record of every mail and push sent, and the
-- once-per-restock fan-out. See docs/adr/0004-queue-worker-messaging.md.

-- ## Outbox wake-up
-- Every statement that inserts outbox rows wakes the relays (LISTEN outbox_inserted). PostgreSQL delivers
-- a notification only when the inserting transaction commits, and folds identical notifications of one
-- transaction into one, so the relay never looks before the rows are visible and is woken once per commit.
-- The relays also poll, so a lost notification (a relay reconnecting) only delays a row by the poll interval.
CREATE FUNCTION outbox_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('outbox_inserted', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_inserted
    AFTER INSERT ON outbox
    FOR EACH STATEMENT
    EXECUTE FUNCTION outbox_notify();

-- ## Notification sends
-- One row per mail or push a consumer decided to send, written (PENDING, with a lease) and committed BEFORE
-- the provider is called, and marked SENT after it answered. A redelivered message never sends a SENT row
-- again; a PENDING row whose lease ran out (its sender died mid-call) is sent again with the same dedupe id,
-- which the provider gets as its de-duplication hint (SES tag, APNs apns-id/collapse id, FCM collapse key).
-- UNREGISTERED: the provider said the device token is gone; the device row was deleted and nothing is resent.
CREATE TABLE notification_sends (
    -- hex SHA-256 of (event id, channel, recipient)
    dedupe_id            text        PRIMARY KEY,
    event_id             uuid        NOT NULL,
    channel              text        NOT NULL,
    recipient            text        NOT NULL,
    status               text        NOT NULL,
    attempts             integer     NOT NULL DEFAULT 1,
    -- a PENDING row is being sent by whoever holds it until then; after that anyone may take it over
    lease_until          timestamptz NOT NULL,
    provider_message_id  text        NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    sent_at              timestamptz NULL,
    CONSTRAINT notification_sends_dedupe_id_ck CHECK (dedupe_id ~ '^[0-9a-f]{64}$'),
    CONSTRAINT notification_sends_channel_ck CHECK (channel IN ('mail', 'apns', 'fcm')),
    CONSTRAINT notification_sends_status_ck CHECK (status IN ('PENDING', 'SENT', 'UNREGISTERED')),
    CONSTRAINT notification_sends_sent_at_ck CHECK ((status = 'PENDING') = (sent_at IS NULL))
);
-- The sends of one event (support: "did the customer get the mail for this order?").
CREATE INDEX notification_sends_event_idx ON notification_sends (event_id);
-- Pruning of old rows.
CREATE INDEX notification_sends_created_idx ON notification_sends (created_at);

-- ## Restock notifications
-- Who is told about one restock: the customers who had favorited the product when the first StockReplenished
-- of that restock was handled. The primary key makes it once per (restock, customer) whatever the number of
-- events or deliveries; event_id says which event owns the row, so only that event's redeliveries send it.
CREATE TABLE restock_notifications (
    restock_id   bigint      NOT NULL,
    customer_id  bigint      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    event_id     uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (restock_id, customer_id)
);
CREATE INDEX restock_notifications_event_idx ON restock_notifications (event_id);
