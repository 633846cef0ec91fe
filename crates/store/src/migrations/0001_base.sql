-- Meridian schema v1. Written once for both backends: {{pk}} becomes the backend's
-- auto-increment key. Times are UTC milliseconds since the epoch; money is minor units
-- with its ISO 4217 currency beside it.

CREATE TABLE stores (
    id {{pk}},
    name TEXT NOT NULL,
    platform TEXT NOT NULL,
    domain TEXT NOT NULL,
    country TEXT NOT NULL,
    currency TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    UNIQUE (platform, domain)
);

CREATE TABLE customers (
    id {{pk}},
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    language TEXT NOT NULL,
    time_zone TEXT,
    time_zone_source TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE customer_identities (
    id {{pk}},
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (kind, value)
);
CREATE INDEX customer_identities_customer ON customer_identities (customer_id);

CREATE TABLE orders (
    id {{pk}},
    store_id BIGINT NOT NULL REFERENCES stores (id),
    customer_id BIGINT REFERENCES customers (id) ON DELETE SET NULL,
    platform TEXT NOT NULL,
    external_id TEXT NOT NULL,
    number TEXT NOT NULL,
    email TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    cancelled_at BIGINT,
    financial_status TEXT NOT NULL,
    fulfillment_status TEXT NOT NULL,
    currency TEXT NOT NULL,
    subtotal_minor BIGINT NOT NULL,
    shipping_minor BIGINT NOT NULL,
    tax_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    ship_name TEXT,
    ship_line1 TEXT,
    ship_line2 TEXT,
    ship_city TEXT,
    ship_region TEXT,
    ship_region_code TEXT,
    ship_postcode TEXT,
    ship_country TEXT,
    ship_phone TEXT,
    source TEXT NOT NULL,
    fresh_at BIGINT NOT NULL,
    UNIQUE (store_id, external_id)
);
CREATE INDEX orders_customer ON orders (customer_id, created_at);
CREATE INDEX orders_number ON orders (number);

CREATE TABLE order_lines (
    id {{pk}},
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    unit_minor BIGINT NOT NULL,
    currency TEXT NOT NULL
);
CREATE INDEX order_lines_order ON order_lines (order_id, position);

CREATE TABLE shipments (
    id {{pk}},
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    status TEXT NOT NULL,
    shipped_at BIGINT,
    promised_by TEXT,
    expected_at BIGINT,
    delivered_at BIGINT,
    source TEXT NOT NULL,
    fresh_at BIGINT NOT NULL,
    UNIQUE (carrier, tracking_number)
);
CREATE INDEX shipments_order ON shipments (order_id);

CREATE TABLE shipment_events (
    id {{pk}},
    shipment_id BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    time_zone TEXT,
    place TEXT NOT NULL,
    country TEXT,
    status TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE INDEX shipment_events_shipment ON shipment_events (shipment_id, at);

CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    -- Comma-separated ISO 639-1 codes, most fluent first.
    languages TEXT NOT NULL
);

CREATE TABLE conversations (
    id {{pk}},
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    store_id BIGINT NOT NULL REFERENCES stores (id),
    -- The order the conversation is about, when known.
    order_id BIGINT REFERENCES orders (id) ON DELETE SET NULL,
    channel TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT REFERENCES agents (id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    intent TEXT,
    priority TEXT NOT NULL,
    sla_due_at BIGINT,
    created_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL,
    -- The start of the newest message, for the inbox list.
    preview TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conversations_recent ON conversations (last_message_at, id);
CREATE INDEX conversations_status ON conversations (status, last_message_at);
CREATE INDEX conversations_language ON conversations (language, last_message_at);
CREATE INDEX conversations_customer ON conversations (customer_id);

CREATE TABLE messages (
    id {{pk}},
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    author TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT,
    language TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);

CREATE TABLE drafts (
    conversation_id BIGINT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    action TEXT,
    reason TEXT,
    updated_at BIGINT NOT NULL
);

CREATE TABLE outbox (
    id {{pk}},
    idempotency_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    conversation_id BIGINT REFERENCES conversations (id) ON DELETE SET NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    not_before BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, not_before);

CREATE TABLE audit_events (
    id {{pk}},
    conversation_id BIGINT REFERENCES conversations (id) ON DELETE SET NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX audit_events_conversation ON audit_events (conversation_id, at);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
