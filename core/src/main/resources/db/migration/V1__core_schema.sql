-- Kurashi core schema, version 1.
-- Money is an integer number of yen, tax included. Every timestamp is timestamptz.
-- Cross-feature references are plain foreign keys; every query the repositories run has a named index.

-- ## Catalog

CREATE TABLE categories (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text     NOT NULL,
    name        text     NOT NULL,
    parent_id   bigint   NULL REFERENCES categories (id),
    sort_order  integer  NOT NULL DEFAULT 0,
    CONSTRAINT categories_slug_uq UNIQUE (slug),
    CONSTRAINT categories_slug_ck CHECK (slug ~ '^[a-z0-9-]{2,80}$'),
    CONSTRAINT categories_name_ck CHECK (length(name) BETWEEN 1 AND 100),
    CONSTRAINT categories_parent_ck CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX categories_parent_idx ON categories (parent_id);
CREATE INDEX categories_sort_idx ON categories (sort_order, id);

CREATE TABLE products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         text        NOT NULL,
    name         text        NOT NULL,
    brand        text        NOT NULL,
    description  text        NOT NULL,
    category_id  bigint      NOT NULL REFERENCES categories (id),
    tax_rate     smallint    NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT products_slug_uq UNIQUE (slug),
    CONSTRAINT products_slug_ck CHECK (slug ~ '^[a-z0-9-]{3,80}$'),
    CONSTRAINT products_name_ck CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT products_tax_rate_ck CHECK (tax_rate IN (8, 10))
);
-- Category listing pages: active products of a category, paged by id.
CREATE INDEX products_category_idx ON products (category_id, id) WHERE active;
-- All-products listing, paged by id.
CREATE INDEX products_active_idx ON products (id) WHERE active;

CREATE TABLE product_images (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  bigint  NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    url         text    NOT NULL,
    alt         text    NOT NULL DEFAULT '',
    sort_order  integer NOT NULL DEFAULT 0
);
CREATE INDEX product_images_product_idx ON product_images (product_id, sort_order);

CREATE TABLE skus (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text     NOT NULL,
    product_id  bigint   NOT NULL REFERENCES products (id),
    label       text     NOT NULL,
    price_jpy   integer  NOT NULL,
    hidden      boolean  NOT NULL DEFAULT false,
    sort_order  integer  NOT NULL DEFAULT 0,
    CONSTRAINT skus_code_uq UNIQUE (code),
    CONSTRAINT skus_code_ck CHECK (code ~ '^[A-Z0-9-]{3,40}$'),
    CONSTRAINT skus_price_ck CHECK (price_jpy > 0)
);
CREATE INDEX skus_product_idx ON skus (product_id, sort_order);

-- ## Inventory

CREATE TABLE stock (
    sku_id      bigint      PRIMARY KEY REFERENCES skus (id) ON DELETE CASCADE,
    on_hand     integer     NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- The database, not the application, guarantees that stock never goes negative.
    CONSTRAINT stock_on_hand_ck CHECK (on_hand >= 0)
);

-- ## Customers

CREATE TABLE customers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cognito_sub   text        NOT NULL,
    -- Cognito access tokens carry no e-mail: it is filled from the ID token at web sign-in, and
    -- otherwise looked up in the user directory when a mail is sent.
    email         text,
    display_name  text        NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_cognito_sub_uq UNIQUE (cognito_sub),
    CONSTRAINT customers_email_ck CHECK (email IS NULL OR position('@' IN email) > 1)
);

CREATE TABLE favorites (
    customer_id  bigint      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    product_id   bigint      NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, product_id)
);
-- "My favorites", newest first.
CREATE INDEX favorites_customer_created_idx ON favorites (customer_id, created_at DESC);
-- Restock notifications: who favorited this product.
CREATE INDEX favorites_product_idx ON favorites (product_id);

-- ## Cart

CREATE TABLE carts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    reminded_at  timestamptz NULL,
    CONSTRAINT carts_customer_uq UNIQUE (customer_id)
);
-- Abandoned-cart reminders: carts not yet reminded, oldest change first.
CREATE INDEX carts_unreminded_idx ON carts (updated_at) WHERE reminded_at IS NULL;

CREATE TABLE cart_items (
    cart_id   bigint      NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    sku_id    bigint      NOT NULL REFERENCES skus (id) ON DELETE CASCADE,
    quantity  integer     NOT NULL,
    added_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, sku_id),
    CONSTRAINT cart_items_quantity_ck CHECK (quantity BETWEEN 1 AND 99)
);
CREATE INDEX cart_items_sku_idx ON cart_items (sku_id);

-- ## Orders

CREATE TABLE orders (
    id                      uuid        PRIMARY KEY,
    customer_id             bigint      NOT NULL REFERENCES customers (id),
    status                  text        NOT NULL,
    payment_method          text        NOT NULL,
    payment_deadline        timestamptz NULL,
    subtotal_jpy            integer     NOT NULL,
    shipping_jpy            integer     NOT NULL,
    total_jpy               integer     NOT NULL,
    shipping_name           text        NOT NULL,
    shipping_postal_code    text        NOT NULL,
    shipping_prefecture     text        NOT NULL,
    shipping_city           text        NOT NULL,
    shipping_line1          text        NOT NULL,
    shipping_line2          text        NULL,
    shipping_phone          text        NOT NULL,
    placed_at               timestamptz NOT NULL DEFAULT now(),
    cancelled_at            timestamptz NULL,
    CONSTRAINT orders_status_ck CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'SHIPPED')),
    CONSTRAINT orders_payment_method_ck CHECK (payment_method IN ('card', 'konbini')),
    CONSTRAINT orders_amounts_ck CHECK (subtotal_jpy >= 0 AND shipping_jpy >= 0 AND total_jpy = subtotal_jpy + shipping_jpy),
    CONSTRAINT orders_postal_code_ck CHECK (shipping_postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
    CONSTRAINT orders_konbini_deadline_ck CHECK (payment_method <> 'konbini' OR payment_deadline IS NOT NULL),
    CONSTRAINT orders_cancelled_at_ck CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
-- "My orders", newest first.
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id DESC);
-- Auto-cancel of unpaid konbini orders past their deadline.
CREATE INDEX orders_pending_konbini_deadline_idx ON orders (payment_deadline)
    WHERE status = 'PENDING_PAYMENT' AND payment_method = 'konbini';

-- Order lines are a snapshot: they keep the SKU, product and price as they were when the order was placed.
CREATE TABLE order_lines (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        uuid     NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku_id          bigint   NOT NULL REFERENCES skus (id),
    sku_code        text     NOT NULL,
    product_slug    text     NOT NULL,
    product_name    text     NOT NULL,
    sku_label       text     NOT NULL,
    quantity        integer  NOT NULL,
    unit_price_jpy  integer  NOT NULL,
    tax_rate        smallint NOT NULL,
    line_total_jpy  integer  NOT NULL,
    CONSTRAINT order_lines_quantity_ck CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT order_lines_price_ck CHECK (unit_price_jpy > 0),
    CONSTRAINT order_lines_tax_rate_ck CHECK (tax_rate IN (8, 10)),
    CONSTRAINT order_lines_total_ck CHECK (line_total_jpy = unit_price_jpy * quantity)
);
CREATE INDEX order_lines_order_idx ON order_lines (order_id, id);
-- "Has this SKU ever been ordered?" (an ordered SKU is hidden, never deleted).
CREATE INDEX order_lines_sku_idx ON order_lines (sku_id);

-- Qualified invoice (適格請求書): one row per tax rate; taxable_jpy is tax-included, tax_jpy the tax in it.
CREATE TABLE order_tax_lines (
    order_id     uuid     NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    rate         smallint NOT NULL,
    taxable_jpy  integer  NOT NULL,
    tax_jpy      integer  NOT NULL,
    PRIMARY KEY (order_id, rate),
    CONSTRAINT order_tax_lines_rate_ck CHECK (rate IN (8, 10)),
    CONSTRAINT order_tax_lines_amounts_ck CHECK (taxable_jpy >= 0 AND tax_jpy >= 0 AND tax_jpy <= taxable_jpy)
);

CREATE TABLE idempotency_keys (
    customer_id      bigint        NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    idem_key         varchar(255)  NOT NULL,
    request_hash     text          NOT NULL,
    state            text          NOT NULL,
    response_status  integer       NULL,
    response_body    text          NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, idem_key),
    CONSTRAINT idempotency_keys_key_ck CHECK (length(idem_key) >= 1),
    CONSTRAINT idempotency_keys_state_ck CHECK (state IN ('IN_FLIGHT', 'DONE')),
    CONSTRAINT idempotency_keys_response_ck CHECK ((state = 'DONE') = (response_status IS NOT NULL))
);
-- Pruning of expired keys.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- ## Notifications

CREATE TABLE devices (
    token        text        PRIMARY KEY,
    customer_id  bigint      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    platform     text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT devices_platform_ck CHECK (platform IN ('ios', 'android')),
    CONSTRAINT devices_token_ck CHECK (length(token) BETWEEN 1 AND 4096)
);
CREATE INDEX devices_customer_idx ON devices (customer_id);

-- ## Reading (読み物)

-- publish_at: NULL = draft, in the future = scheduled, in the past = published. The status is derived
-- from the clock, so a scheduled article becomes visible with no job.
CREATE TABLE articles (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            text        NOT NULL,
    title           text        NOT NULL,
    lead            text        NOT NULL,
    body_html       text        NOT NULL,
    hero_image_url  text        NULL,
    publish_at      timestamptz NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT articles_slug_uq UNIQUE (slug),
    CONSTRAINT articles_slug_ck CHECK (slug ~ '^[a-z0-9-]{3,80}$'),
    CONSTRAINT articles_title_ck CHECK (length(title) BETWEEN 1 AND 200)
);
-- Published articles, newest first (keyset on publish_at, id).
CREATE INDEX articles_publish_idx ON articles (publish_at DESC, id DESC) WHERE publish_at IS NOT NULL;

CREATE TABLE article_tags (
    article_id  bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag         text   NOT NULL,
    PRIMARY KEY (article_id, tag),
    CONSTRAINT article_tags_tag_ck CHECK (length(tag) BETWEEN 1 AND 50)
);
-- Articles by tag.
CREATE INDEX article_tags_tag_idx ON article_tags (tag, article_id);

CREATE TABLE article_products (
    article_id  bigint  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    product_id  bigint  NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sort_order  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, product_id)
);
-- Related articles of a product.
CREATE INDEX article_products_product_idx ON article_products (product_id);

-- ## Transactional outbox and idempotent consumers

CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    payload         jsonb       NOT NULL,
    traceparent     text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz NULL,
    CONSTRAINT outbox_event_id_uq UNIQUE (event_id)
);
-- The relay's work queue: unsent rows in insertion order; stays small because sent rows leave it.
CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL;
-- Pruning of rows sent long ago.
CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE processed_messages (
    consumer      text        NOT NULL,
    message_id    text        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX processed_messages_processed_idx ON processed_messages (processed_at);
