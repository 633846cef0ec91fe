-- Meridian schema v2: the team calendar. Written once for both backends. Times of day are
-- local "HH:MM" text on the agent's (or the market's) clock, 24:00 allowed as an end; dates
-- are local "YYYY-MM-DD"; weekdays are "mon" … "sun". A window whose end is not after its
-- start runs past midnight.

-- The market whose public holidays an agent keeps (ISO 3166-1 alpha-2); NULL: the
-- country of the agent's time zone.
ALTER TABLE agents ADD COLUMN country TEXT;

-- How well each agent speaks each language; `agents.languages` keeps the codes in order.
CREATE TABLE agent_languages (
    agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    proficiency TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (agent_id, language)
);

CREATE TABLE agent_shifts (
    id {{pk}},
    agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    weekday TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL
);
CREATE INDEX agent_shifts_agent ON agent_shifts (agent_id);

CREATE TABLE agent_days_off (
    agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    PRIMARY KEY (agent_id, on_date)
);

CREATE TABLE public_holidays (
    country TEXT NOT NULL,
    on_date TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (country, on_date)
);

-- Opening hours of a store or market ("ES", "amazon-us"…), in its zone, closed on the
-- public holidays of `holidays_country` (the market itself when NULL).
CREATE TABLE business_calendars (
    market TEXT PRIMARY KEY,
    time_zone TEXT NOT NULL,
    holidays_country TEXT
);

CREATE TABLE business_hours (
    id {{pk}},
    market TEXT NOT NULL REFERENCES business_calendars (market) ON DELETE CASCADE,
    weekday TEXT NOT NULL,
    opens TEXT NOT NULL,
    closes TEXT NOT NULL
);
CREATE INDEX business_hours_market ON business_hours (market);
