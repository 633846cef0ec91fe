//! Builds the demo world from a seed: who the customers are, what they bought, where their
//! parcels went, and what they wrote about it.

use crate::assets::{Assets, City, Country, PhraseBook};
use crate::rng::Rng;
use crate::world::{DemoConversation, DemoMessage, World};
use meridian_core::tracking::{self, Carrier};
use meridian_core::{
    money, Address, CarrierEvent, Channel, Conversation, ConversationStatus, Customer, Direction,
    FinancialStatus, FulfillmentStatus, Identity, IdentityKind, Intent, LineItem, Money, Order,
    Platform, Priority, Shipment, ShipmentStatus, StoreFront,
};
use meridian_store::Agent;
use jiff::{SignedDuration, Timestamp, ToSpan};

/// How big a world to make, from which seed, seen from which moment.
#[derive(Debug, Clone)]
pub struct DemoSpec {
    pub seed: u64,
    pub customers: usize,
    pub orders: usize,
    pub conversations: usize,
    /// Messages per conversation; `None` lets threads be 1–4 messages long as in real life.
    pub messages_per_conversation: Option<usize>,
    /// "Now" for the world: orders, parcels and messages happen before it.
    pub now: Timestamp,
}

impl DemoSpec {
    /// The demo store of the README: 320 customers, 800 orders, 240 conversations.
    pub fn demo(seed: u64, now: Timestamp) -> DemoSpec {
        DemoSpec { seed, customers: 320, orders: 800, conversations: 240, messages_per_conversation: None, now }
    }
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

const COUNTRY_WEIGHTS: &[(&str, u32)] = &[
    ("US", 40), ("GB", 25), ("DE", 25), ("FR", 20), ("ES", 25), ("IT", 15), ("PT", 8), ("NL", 10),
    ("PL", 10), ("JP", 25), ("CN", 15), ("KR", 12), ("SA", 12), ("AE", 10), ("MX", 15), ("BR", 12),
    ("CA", 12), ("AU", 10),
];

/// Approximate units of each currency per euro, for pricing the catalogue in every market.
fn per_euro(currency: &str) -> f64 {
    match currency {
        "USD" => 1.08, "GBP" => 0.85, "JPY" => 165.0, "CNY" => 7.8, "KRW" => 1450.0, "SAR" => 4.05,
        "AED" => 3.97, "AUD" => 1.65, "CAD" => 1.5, "MXN" => 19.5, "BRL" => 5.8, "PLN" => 4.3, _ => 1.0,
    }
}

const SHOPIFY: usize = 0;
const AMAZON_US: usize = 1;
const AMAZON_DE: usize = 2;
const AMAZON_JP: usize = 3;
const WOO: usize = 4;

fn stores() -> Vec<StoreFront> {
    let s = |id: usize, name: &str, platform, domain: &str, country: &str, currency: &str, tz: &str| StoreFront {
        id: id as i64,
        name: name.into(),
        platform,
        domain: domain.into(),
        country: country.into(),
        currency: currency.into(),
        time_zone: tz.into(),
    };
    vec![
        s(SHOPIFY, "Northwind Outfitters", Platform::Shopify, "northwind-outfitters.myshopify.com", "ES", "EUR", "Europe/Madrid"),
        s(AMAZON_US, "Northwind · Amazon.com", Platform::Amazon, "ATVPDKIKX0DER", "US", "USD", "America/Los_Angeles"),
        s(AMAZON_DE, "Northwind · Amazon.de", Platform::Amazon, "A1PA6795UKMFR9", "DE", "EUR", "Europe/Berlin"),
        s(AMAZON_JP, "Northwind · Amazon.co.jp", Platform::Amazon, "A1VC38T7YXB528", "JP", "JPY", "Asia/Tokyo"),
        s(WOO, "Northwind Home", Platform::WooCommerce, "shop.northwind-home.example", "GB", "GBP", "Europe/London"),
    ]
}

/// One member of the demo team: who, where, which languages how well, and the weekly
/// shifts on their own clock (days, start, end; an end before the start runs past midnight).
struct TeamMember {
    id: &'static str,
    name: &'static str,
    time_zone: &'static str,
    country: &'static str,
    languages: &'static [(&'static str, &'static str)],
    shifts: &'static [(&'static [&'static str], &'static str, &'static str)],
}

const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri"];

const TEAM: &[TeamMember] = &[
    TeamMember { id: "lucia", name: "Lucía Ortega", time_zone: "Europe/Madrid", country: "ES", languages: &[("es", "native"), ("en", "fluent"), ("fr", "conversational")], shifts: &[(WEEKDAYS, "08:00", "16:00"), (&["sat"], "10:00", "14:00")] },
    TeamMember { id: "jonas", name: "Jonas Becker", time_zone: "Europe/Berlin", country: "DE", languages: &[("de", "native"), ("en", "fluent"), ("nl", "conversational")], shifts: &[(WEEKDAYS, "14:00", "22:00")] },
    TeamMember { id: "marta", name: "Marta Nowak", time_zone: "Europe/Warsaw", country: "PL", languages: &[("pl", "native"), ("en", "fluent"), ("de", "fluent")], shifts: &[(&["tue", "wed", "thu", "fri", "sat"], "07:00", "15:00")] },
    TeamMember { id: "wei", name: "Chen Wei", time_zone: "Asia/Shanghai", country: "CN", languages: &[("zh", "native"), ("en", "fluent")], shifts: &[(WEEKDAYS, "09:00", "18:00")] },
    TeamMember { id: "yuki", name: "Sato Yuki", time_zone: "Asia/Tokyo", country: "JP", languages: &[("ja", "native"), ("en", "fluent"), ("ko", "conversational")], shifts: &[(WEEKDAYS, "09:00", "18:00")] },
    // Evenings in Mexico City are mornings in Asia: a night shift across midnight.
    TeamMember { id: "diego", name: "Diego Ramírez", time_zone: "America/Mexico_City", country: "MX", languages: &[("es", "native"), ("en", "fluent"), ("pt", "conversational")], shifts: &[(&["sun", "mon", "tue", "wed", "thu"], "18:00", "02:00")] },
    TeamMember { id: "amira", name: "Amira Haddad", time_zone: "Asia/Dubai", country: "AE", languages: &[("ar", "native"), ("en", "fluent"), ("fr", "fluent")], shifts: &[(WEEKDAYS, "08:00", "16:00")] },
    // Covers the US West Coast evening, past midnight in New York.
    TeamMember { id: "grace", name: "Grace Miller", time_zone: "America/New_York", country: "US", languages: &[("en", "native"), ("it", "conversational")], shifts: &[(&["tue", "wed", "thu", "fri", "sat"], "16:00", "00:30")] },
];

fn agents() -> Vec<Agent> {
    TEAM.iter()
        .map(|m| Agent {
            id: m.id.into(),
            name: m.name.into(),
            time_zone: m.time_zone.into(),
            languages: m.languages.iter().map(|(l, _)| l.to_string()).collect(),
        })
        .collect()
}

/// The demo team's calendar around `anchor` (the world's "now"): shifts and proficiencies,
/// a few days off just ahead, public holidays of ES, DE, US, JP and CN for that year and the
/// next, and the stores' business hours. Only agents in `agents` are included.
pub(crate) fn team_calendar(anchor: jiff::civil::Date, agents: &[Agent]) -> meridian_store::TeamCalendar {
    use meridian_store::{AgentCalendar, AgentLanguage, BusinessCalendarRecord, TeamCalendar, WeeklyWindow};
    let window = |day: &str, start: &str, end: &str| WeeklyWindow { weekday: day.into(), start: start.into(), end: end.into() };
    let ahead = |days: i64| anchor.checked_add(days.days()).unwrap_or(anchor);
    let days_off = |id: &str| -> Vec<jiff::civil::Date> {
        match id {
            "lucia" => vec![ahead(3), ahead(4)],
            "jonas" => (7..12).map(ahead).collect(),
            "grace" => vec![ahead(1)],
            _ => vec![],
        }
    };
    let calendars = TEAM
        .iter()
        .filter(|m| agents.iter().any(|a| a.id == m.id))
        .map(|m| AgentCalendar {
            agent_id: m.id.into(),
            country: Some(m.country.into()),
            languages: m.languages.iter().map(|(l, p)| AgentLanguage { language: l.to_string(), proficiency: p.to_string() }).collect(),
            shifts: m.shifts.iter().flat_map(|(days, start, end)| days.iter().map(move |d| window(d, start, end))).collect(),
            days_off: days_off(m.id),
        })
        .collect();
    let weekdays = |start: &str, end: &str| WEEKDAYS.iter().map(|d| window(d, start, end)).collect::<Vec<_>>();
    let business = vec![
        BusinessCalendarRecord { market: "DE".into(), time_zone: "Europe/Berlin".into(), holidays_country: None, hours: weekdays("08:00", "17:00") },
        BusinessCalendarRecord { market: "ES".into(), time_zone: "Europe/Madrid".into(), holidays_country: None, hours: weekdays("09:00", "18:00") },
        BusinessCalendarRecord { market: "GB".into(), time_zone: "Europe/London".into(), holidays_country: None, hours: weekdays("09:00", "17:30") },
        BusinessCalendarRecord { market: "JP".into(), time_zone: "Asia/Tokyo".into(), holidays_country: None, hours: weekdays("09:00", "18:00") },
        BusinessCalendarRecord { market: "US".into(), time_zone: "America/Los_Angeles".into(), holidays_country: None, hours: weekdays("08:00", "17:00") },
    ];
    let holidays = (anchor.year()..=anchor.year() + 1).flat_map(public_holidays).collect();
    TeamCalendar { agents: calendars, holidays, business }
}

/// National public holidays of Spain, Germany, the United States, Japan and China in `year`
/// (the days themselves, without substitute days; China's lunar festivals from a table).
fn public_holidays(year: i16) -> Vec<meridian_store::Holiday> {
    use jiff::civil::{Date, Weekday};
    let mut out = Vec::new();
    let mut add = |country: &str, date: Option<Date>, name: &str| {
        if let Some(date) = date {
            out.push(meridian_store::Holiday { country: country.into(), date, name: name.into() });
        }
    };
    let on = |m: i8, d: i8| Date::new(year, m, d).ok();
    let nth = |m: i8, n: i8, wd: Weekday| Date::new(year, m, 1).ok().and_then(|d| d.nth_weekday_of_month(n, wd).ok());
    let easter = easter_sunday(year);
    let from_easter = |days: i64| easter.and_then(|e| e.checked_add(days.days()).ok());

    for (m, d, name) in [(1, 1, "Año Nuevo"), (1, 6, "Epifanía del Señor"), (5, 1, "Fiesta del Trabajo"), (8, 15, "Asunción de la Virgen"), (10, 12, "Fiesta Nacional de España"), (11, 1, "Todos los Santos"), (12, 6, "Día de la Constitución"), (12, 8, "Inmaculada Concepción"), (12, 25, "Navidad")] {
        add("ES", on(m, d), name);
    }
    add("ES", from_easter(-2), "Viernes Santo");

    for (m, d, name) in [(1, 1, "Neujahr"), (5, 1, "Tag der Arbeit"), (10, 3, "Tag der Deutschen Einheit"), (12, 25, "1. Weihnachtstag"), (12, 26, "2. Weihnachtstag")] {
        add("DE", on(m, d), name);
    }
    for (days, name) in [(-2, "Karfreitag"), (1, "Ostermontag"), (39, "Christi Himmelfahrt"), (50, "Pfingstmontag")] {
        add("DE", from_easter(days), name);
    }

    for (m, d, name) in [(1, 1, "New Year's Day"), (6, 19, "Juneteenth"), (7, 4, "Independence Day"), (11, 11, "Veterans Day"), (12, 25, "Christmas Day")] {
        add("US", on(m, d), name);
    }
    add("US", nth(1, 3, Weekday::Monday), "Martin Luther King Jr. Day");
    add("US", nth(2, 3, Weekday::Monday), "Washington's Birthday");
    add("US", nth(5, -1, Weekday::Monday), "Memorial Day");
    add("US", nth(9, 1, Weekday::Monday), "Labor Day");
    add("US", nth(10, 2, Weekday::Monday), "Columbus Day");
    add("US", nth(11, 4, Weekday::Thursday), "Thanksgiving Day");

    for (m, d, name) in [(1, 1, "元日"), (2, 11, "建国記念の日"), (2, 23, "天皇誕生日"), (3, 20, "春分の日"), (4, 29, "昭和の日"), (5, 3, "憲法記念日"), (5, 4, "みどりの日"), (5, 5, "こどもの日"), (8, 11, "山の日"), (9, 23, "秋分の日"), (11, 3, "文化の日"), (11, 23, "勤労感謝の日")] {
        add("JP", on(m, d), name);
    }
    add("JP", nth(1, 2, Weekday::Monday), "成人の日");
    add("JP", nth(7, 3, Weekday::Monday), "海の日");
    add("JP", nth(9, 3, Weekday::Monday), "敬老の日");
    add("JP", nth(10, 2, Weekday::Monday), "スポーツの日");

    for (m, d, name) in [(1, 1, "元旦"), (4, 5, "清明节"), (5, 1, "劳动节"), (10, 1, "国庆节"), (10, 2, "国庆节"), (10, 3, "国庆节")] {
        add("CN", on(m, d), name);
    }
    // (year, Spring Festival, Dragon Boat, Mid-Autumn) as (month, day), from the lunar calendar.
    type MonthDay = (i8, i8);
    const LUNAR: &[(i16, MonthDay, MonthDay, MonthDay)] = &[
        (2024, (2, 10), (6, 10), (9, 17)), (2025, (1, 29), (5, 31), (10, 6)), (2026, (2, 17), (6, 19), (9, 25)),
        (2027, (2, 6), (6, 9), (9, 15)), (2028, (1, 26), (5, 28), (10, 3)), (2029, (2, 13), (6, 16), (9, 22)),
        (2030, (2, 3), (6, 5), (9, 12)),
    ];
    if let Some(&(_, spring, dragon, autumn)) = LUNAR.iter().find(|l| l.0 == year) {
        let first = on(spring.0, spring.1);
        for k in 0..3 {
            add("CN", first.and_then(|d| d.checked_add((k as i64).days()).ok()), "春节");
        }
        add("CN", on(dragon.0, dragon.1), "端午节");
        add("CN", on(autumn.0, autumn.1), "中秋节");
    }
    out.sort_by(|a, b| (&a.country, a.date).cmp(&(&b.country, b.date)));
    out.dedup_by(|a, b| a.country == b.country && a.date == b.date);
    out
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876).
fn easter_sunday(year: i16) -> Option<jiff::civil::Date> {
    let y = year as i32;
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    jiff::civil::Date::new(year, month as i8, day as i8).ok()
}

#[cfg(test)]
mod team_tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn easter_and_holidays_fall_on_the_right_days() {
        for (year, easter) in [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28")] {
            assert_eq!(easter_sunday(year).map(|d| d.to_string()).as_deref(), Some(easter));
        }
        let h = public_holidays(2026);
        let has = |c: &str, d: &str| h.iter().any(|x| x.country == c && x.date.to_string() == d);
        for (c, d) in [("ES", "2026-04-03"), ("DE", "2026-04-06"), ("DE", "2026-05-14"), ("US", "2026-11-26"), ("US", "2026-05-25"), ("JP", "2026-01-12"), ("CN", "2026-02-18")] {
            assert!(has(c, d), "{c} {d}");
        }
        assert!(!has("US", "2026-12-26"));
    }

    #[test]
    fn the_demo_team_calendar_is_complete() {
        let anchor = Date::constant(2026, 11, 20);
        let cal = team_calendar(anchor, &agents());
        assert_eq!(cal.agents.len(), TEAM.len());
        let zones: std::collections::BTreeSet<_> = TEAM.iter().map(|m| m.time_zone).collect();
        assert!(zones.len() >= 3);
        assert!(cal.agents.iter().filter(|a| a.shifts.iter().any(|s| s.end <= s.start)).count() >= 2, "night shifts across midnight");
        assert!(cal.agents.iter().any(|a| a.days_off.iter().all(|d| *d > anchor) && !a.days_off.is_empty()));
        for c in ["ES", "DE", "US", "JP", "CN"] {
            assert!(cal.holidays.iter().filter(|h| h.country == c).count() >= 5, "{c}");
        }
        let some: Vec<Agent> = agents().into_iter().take(2).collect();
        assert_eq!(team_calendar(anchor, &some).agents.len(), 2, "only the world's agents");
    }
}

/// One carrier route: where parcels start, which hubs they pass, how long they take.
struct Route {
    carrier: Carrier,
    origin: (&'static str, &'static str, &'static str),
    hub: Option<(&'static str, &'static str, &'static str)>,
    days: (i64, i64),
    customs: bool,
}

const MADRID: (&str, &str, &str) = ("Madrid", "ES", "Europe/Madrid");
const SHENZHEN: (&str, &str, &str) = ("Shenzhen", "CN", "Asia/Shanghai");
const LEIPZIG: (&str, &str, &str) = ("Leipzig", "DE", "Europe/Berlin");
const LOUISVILLE: (&str, &str, &str) = ("Louisville, KY", "US", "America/New_York");
const COLOGNE: (&str, &str, &str) = ("Köln", "DE", "Europe/Berlin");
const LEBANON_TN: (&str, &str, &str) = ("Lebanon, TN", "US", "America/Chicago");
const ICHIKAWA: (&str, &str, &str) = ("市川市", "JP", "Asia/Tokyo");
const HONG_KONG: (&str, &str, &str) = ("Hong Kong", "HK", "Asia/Hong_Kong");

const EU: &[&str] = &["DE", "FR", "ES", "IT", "PT", "NL", "PL"];

pub fn generate(spec: &DemoSpec, assets: &Assets) -> World {
    let root = Rng::new(spec.seed);
    let mut world = World { stores: stores(), agents: agents(), customers: vec![], orders: vec![], shipments: vec![], conversations: vec![] };
    let mut homes: Vec<Home> = Vec::with_capacity(spec.customers);

    let mut rng = root.fork("customers");
    let mut emails = std::collections::HashSet::new();
    for i in 0..spec.customers {
        let code = *rng.weighted(COUNTRY_WEIGHTS);
        let country = assets.countries.iter().find(|c| c.code == code).unwrap_or(&assets.countries[0]);
        let (customer, home) = make_customer(&mut rng, i, country, assets, spec.now, &mut emails);
        world.customers.push(customer);
        homes.push(home);
    }

    let mut rng = root.fork("orders");
    let mut tracking_numbers = std::collections::HashSet::new();
    let mut shopify_number = 1001u64;
    let mut woo_number = 5201u64;
    for i in 0..spec.orders {
        if world.customers.is_empty() {
            break;
        }
        let c = if i < world.customers.len() { i } else { rng.below(world.customers.len() as u64) as usize };
        let home = &homes[c];
        let store = pick_store(&mut rng, &home.country);
        let number = match world.stores[store].platform {
            Platform::Shopify => { shopify_number += 1 + rng.below(3); shopify_number.to_string() }
            Platform::WooCommerce => { woo_number += 1 + rng.below(2); woo_number.to_string() }
            Platform::Amazon => amazon_number(&mut rng, store),
        };
        let (order, shipment) = make_order(&mut rng, i, store, &world.stores[store], c, &world.customers[c], home, number, assets, spec.now, &mut tracking_numbers);
        world.orders.push(order);
        if let Some(s) = shipment {
            world.shipments.push(s);
        }
    }
    // Amazon customers are known to the store by their anonymised relay address.
    for o in world.orders.iter().filter(|o| o.platform == Platform::Amazon) {
        let c = &mut world.customers[o.customer_id.unwrap_or(0) as usize];
        if c.identity(IdentityKind::AmazonAlias).is_none() {
            // Amazon's relay addresses are opaque; the customer's position keeps them unique.
            let mut n = c.id as u64;
            let mut local: String = o.number.bytes().filter(u8::is_ascii_digit).take(8).map(|d| char::from(b'a' + (d - b'0') * 2)).collect();
            loop {
                local.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
                if n == 0 { break; }
            }
            c.identities.push(Identity::new(IdentityKind::AmazonAlias, &format!("{local}@marketplace.amazon.com")));
        }
    }

    let mut rng = root.fork("conversations");
    let mut shipment_of: Vec<Option<usize>> = vec![None; world.orders.len()];
    for (k, s) in world.shipments.iter().enumerate() {
        shipment_of[s.order_id as usize] = Some(k);
    }
    for _ in 0..spec.conversations {
        if let Some(conv) = make_conversation(&mut rng, &world, &homes, &shipment_of, assets, spec) {
            world.conversations.push(conv);
        }
    }
    world
}

/// Where a customer lives and what they write in: what orders and parcels need.
struct Home {
    country: String,
    city_name: String,
    region: String,
    region_code: String,
    postcode: String,
    street: String,
    tz: String,
    language: String,
    first_name: String,
    currency: String,
    phone: String,
}

/// `taken` holds the e-mail addresses and phone numbers already given to someone.
fn make_customer(rng: &mut Rng, i: usize, country: &Country, assets: &Assets, now: Timestamp, taken: &mut std::collections::HashSet<String>) -> (Customer, Home) {
    let fi = rng.below(country.first_names.len() as u64) as usize;
    let li = rng.below(country.last_names.len() as u64) as usize;
    let (first, last) = (&country.first_names[fi], &country.last_names[li]);
    let east_asian = matches!(country.code.as_str(), "JP" | "CN" | "KR");
    let name = if east_asian { format!("{last}{first}") } else { format!("{first} {last}") };
    let language = pick_language(rng, country, assets);
    let city: &City = rng.pick(&country.cities);
    let local = format!("{}.{}{}", ascii_fold(&country.first_names_latin[fi]), ascii_fold(&country.last_names_latin[li]), if rng.chance(0.5) { rng.range(1, 99).to_string() } else { String::new() });
    let domain = *rng.pick(mail_domains(&country.code));
    let mut email = format!("{local}@{domain}");
    // Two customers never share an address: namesakes get a number, as mail providers insist.
    while !taken.insert(email.clone()) {
        email = format!("{local}{}@{domain}", rng.range(100, 9999));
    }
    let start = rng.pick(&country.mobile_starts);
    let rest = country.phone_national_digits.saturating_sub(start.len());
    let mut phone = format!("{}{}{}", country.phone_prefix, start, rng.digits(rest));
    // Identities link one customer each: redraw the rare duplicate number.
    while !taken.insert(phone.clone()) {
        phone = format!("{}{}{}", country.phone_prefix, start, rng.digits(rest));
    }
    let created_at = now - SignedDuration::from_secs(rng.range(30, 900) * DAY);
    let customer = Customer {
        id: i as i64,
        name,
        country: country.code.clone(),
        language: language.clone(),
        time_zone: Some(city.tz.clone()),
        time_zone_source: Some("address".into()),
        identities: vec![Identity::new(IdentityKind::Email, &email), Identity::new(IdentityKind::Phone, &phone)],
        created_at,
    };
    let home = Home {
        country: country.code.clone(),
        city_name: city.city.clone(),
        region: city.region.clone(),
        region_code: city.region_code.clone(),
        postcode: city.postcode.clone(),
        street: format!("{} {}", rng.pick(&country.streets), rng.range(1, 180)),
        tz: city.tz.clone(),
        language,
        first_name: first.clone(),
        currency: country.currency.clone(),
        phone,
    };
    (customer, home)
}

/// The customer's language: the country's first, sometimes its second (French in Canada,
/// Spanish in the US, English in the Emirates), always one the demo has phrases in.
fn pick_language(rng: &mut Rng, country: &Country, assets: &Assets) -> String {
    let second_share = match country.code.as_str() {
        "CA" => 0.3,
        "US" => 0.12,
        "AE" => 0.25,
        _ => 0.0,
    };
    let usable: Vec<&String> = country.languages.iter().filter(|l| assets.phrases.contains_key(l.as_str())).collect();
    let choice = if usable.len() > 1 && rng.chance(second_share) { usable[1] } else { usable.first().copied().unwrap_or(&country.languages[0]) };
    choice.clone()
}

fn mail_domains(country: &str) -> &'static [&'static str] {
    match country {
        "DE" => &["web.de", "gmx.de", "t-online.de", "gmail.com"],
        "FR" => &["orange.fr", "free.fr", "gmail.com", "laposte.net"],
        "JP" => &["yahoo.co.jp", "docomo.ne.jp", "gmail.com"],
        "CN" => &["qq.com", "163.com", "126.com"],
        "KR" => &["naver.com", "daum.net", "gmail.com"],
        "GB" => &["btinternet.com", "outlook.com", "gmail.com"],
        "IT" => &["libero.it", "gmail.com", "virgilio.it"],
        "ES" => &["gmail.com", "hotmail.es", "telefonica.net"],
        "BR" => &["uol.com.br", "gmail.com", "bol.com.br"],
        "PL" => &["wp.pl", "onet.pl", "gmail.com"],
        "NL" => &["ziggo.nl", "kpnmail.nl", "gmail.com"],
        _ => &["gmail.com", "outlook.com", "yahoo.com", "icloud.com"],
    }
}

/// Lower-case ASCII for e-mail addresses: accents dropped, other letters removed.
fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            let folded = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' | 'ć' => 'c',
                'ñ' | 'ń' => 'n',
                'ł' => 'l',
                'ś' | 'ß' => 's',
                'ź' | 'ż' => 'z',
                c if c.is_ascii_alphanumeric() => c,
                _ => return None,
            };
            Some(folded)
        })
        .collect()
}

fn pick_store(rng: &mut Rng, country: &str) -> usize {
    *match country {
        "US" => rng.weighted(&[(AMAZON_US, 50), (SHOPIFY, 30), (WOO, 20)]),
        "DE" => rng.weighted(&[(AMAZON_DE, 45), (SHOPIFY, 40), (WOO, 15)]),
        "JP" => rng.weighted(&[(AMAZON_JP, 60), (SHOPIFY, 40)]),
        _ => rng.weighted(&[(SHOPIFY, 70), (WOO, 30)]),
    }
}

/// Amazon order ids are 3-7-7 digits; the first group differs by marketplace.
fn amazon_number(rng: &mut Rng, store: usize) -> String {
    let prefix = match store {
        AMAZON_US => rng.range(111, 114).to_string(),
        AMAZON_DE => rng.range(302, 306).to_string(),
        _ => rng.range(249, 250).to_string(),
    };
    format!("{prefix}-{}-{}", rng.digits(7), rng.digits(7))
}

/// A catalogue price in a currency: the euro price converted and rounded as shops do.
fn price(sku: &str, currency: &str) -> Money {
    let h = sku.bytes().fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
    let eur = 19.9 + (h % 16) as f64 * 10.0;
    let value = eur * per_euro(currency);
    let minor = match money::exponent(currency) {
        0 if value > 10_000.0 => ((value / 100.0).round() * 100.0) as i64,
        0 => ((value / 10.0).round() * 10.0) as i64,
        e => {
            let scale = 10f64.powi(e as i32);
            if currency == "EUR" { (value * scale).round() as i64 } else { (value.floor() * scale) as i64 + (scale as i64 - 1) }
        }
    };
    Money { minor, currency: currency.to_owned() }
}

#[allow(clippy::too_many_arguments)]
fn make_order(
    rng: &mut Rng,
    i: usize,
    store_pos: usize,
    store: &StoreFront,
    customer_pos: usize,
    customer: &Customer,
    home: &Home,
    number: String,
    assets: &Assets,
    now: Timestamp,
    tracking_numbers: &mut std::collections::HashSet<String>,
) -> (Order, Option<Shipment>) {
    let currency = if store.platform == Platform::Amazon { store.currency.clone() } else { home.currency.clone() };
    let book: &PhraseBook = assets.book(&home.language);
    let n_lines = *rng.weighted(&[(1usize, 60), (2, 30), (3, 10)]);
    let mut lines: Vec<LineItem> = Vec::new();
    for _ in 0..n_lines {
        let p = rng.pick(&book.products);
        let sku = format!("NW-{}-{}", p.sku_stem, ["S", "M", "L", "XL", "U"][rng.below(5) as usize]);
        if lines.iter().any(|l| l.sku == sku) {
            continue;
        }
        let unit_price = price(&p.sku_stem, &currency);
        lines.push(LineItem { sku, name: p.name.clone(), quantity: *rng.weighted(&[(1, 85), (2, 12), (3, 3)]), unit_price });
    }
    let zero = Money { minor: 0, currency: currency.clone() };
    let subtotal = lines.iter().fold(zero.clone(), |acc, l| acc.checked_add(&l.unit_price.times(l.quantity).unwrap_or(zero.clone())).unwrap_or(acc));
    let free_from = price("FREESHIP", &currency).times(2).unwrap_or(zero.clone());
    let shipping = if subtotal.minor >= free_from.minor { zero.clone() } else { price("SHIP", &currency).times(1).map(|m| Money { minor: m.minor / 8, ..m }).unwrap_or(zero.clone()) };
    // US and Canadian prices exclude sales tax; elsewhere VAT is included in the price.
    let tax = if matches!(home.country.as_str(), "US" | "CA") { Money { minor: subtotal.minor * 8 / 100, currency: currency.clone() } } else { zero.clone() };
    let total = subtotal.checked_add(&shipping).and_then(|t| t.checked_add(&tax)).unwrap_or(subtotal.clone());

    // Orders skew recent: most questions are about last week's orders.
    let r = rng.below(10_000) as f64 / 10_000.0;
    let age_secs = (r * r * 120.0 * DAY as f64) as i64 + rng.range(0, 6 * HOUR);
    let created_at = now - SignedDuration::from_secs(age_secs);
    let external_id = match store.platform {
        Platform::Shopify => format!("gid://shopify/Order/{}", 5_400_000_000u64 + i as u64 * 7919),
        Platform::Amazon => number.clone(),
        Platform::WooCommerce => number.clone(),
    };
    let cancelled = rng.chance(0.03) && age_secs > DAY;
    let mut financial = if store.platform == Platform::WooCommerce && rng.chance(0.03) { FinancialStatus::Pending } else { FinancialStatus::Paid };
    let mut fulfillment = if age_secs < 12 * HOUR { FulfillmentStatus::Unfulfilled } else { FulfillmentStatus::Fulfilled };
    if age_secs >= 12 * HOUR && age_secs < DAY && rng.chance(0.5) {
        fulfillment = FulfillmentStatus::InProgress;
    }
    if cancelled {
        financial = FinancialStatus::Refunded;
        fulfillment = FulfillmentStatus::Cancelled;
    } else if fulfillment == FulfillmentStatus::Fulfilled && rng.chance(0.05) {
        financial = *rng.pick(&[FinancialStatus::Refunded, FinancialStatus::PartiallyRefunded]);
    }
    let address = Address {
        name: customer.name.clone(),
        line1: home.street.clone(),
        line2: None,
        city: home.city_name.clone(),
        region: Some(home.region.clone()).filter(|s| !s.is_empty()),
        region_code: Some(home.region_code.clone()).filter(|s| !s.is_empty()),
        postcode: Some(home.postcode.clone()).filter(|s| !s.is_empty()),
        country: home.country.clone(),
        phone: Some(home.phone.clone()),
    };
    let updated_at = created_at + SignedDuration::from_secs(rng.range(HOUR, 3 * DAY).min(age_secs.max(HOUR)));
    let order = Order {
        id: i as i64,
        store_id: store_pos as i64,
        customer_id: Some(customer_pos as i64),
        platform: store.platform,
        external_id,
        number,
        email: customer.identity(IdentityKind::Email).map(str::to_owned),
        created_at,
        updated_at: updated_at.min(now),
        cancelled_at: cancelled.then(|| created_at + SignedDuration::from_secs(4 * HOUR)),
        financial_status: financial,
        fulfillment_status: fulfillment,
        subtotal,
        shipping,
        tax,
        total,
        lines,
        shipping_address: Some(address),
        source: "demo".into(),
        fresh_at: now,
    };
    let shipment = (fulfillment == FulfillmentStatus::Fulfilled).then(|| make_shipment(rng, i, store_pos, home, created_at, now, tracking_numbers));
    (order, shipment)
}

fn route(rng: &mut Rng, store: usize, dest: &str) -> Route {
    let domestic_or_eu = |c: &str| EU.contains(&c);
    match store {
        AMAZON_US => {
            let carrier = *rng.weighted(&[(Carrier::Usps, 60), (Carrier::Ups, 40)]);
            Route { carrier, origin: LEBANON_TN, hub: (carrier == Carrier::Ups).then_some(LOUISVILLE), days: (2, 5), customs: dest != "US" }
        }
        AMAZON_DE => Route { carrier: Carrier::Dhl, origin: LEIPZIG, hub: None, days: (1, 3), customs: !domestic_or_eu(dest) },
        AMAZON_JP => Route { carrier: Carrier::Post, origin: ICHIKAWA, hub: None, days: (1, 3), customs: dest != "JP" },
        _ if rng.chance(0.25) => {
            let carrier = *rng.weighted(&[(Carrier::ChinaPost, 50), (Carrier::YunExpress, 50)]);
            let days = if carrier == Carrier::ChinaPost { (10, 22) } else { (7, 14) };
            Route { carrier, origin: SHENZHEN, hub: Some(HONG_KONG), days, customs: true }
        }
        _ => {
            let carrier = *rng.weighted(&[(Carrier::Dhl, 40), (Carrier::Ups, 35), (Carrier::Post, 25)]);
            let hub = match carrier {
                Carrier::Dhl => Some(LEIPZIG),
                Carrier::Ups => Some(COLOGNE),
                _ => None,
            };
            let days = if dest == "ES" { (1, 3) } else if domestic_or_eu(dest) { (2, 5) } else { (4, 9) };
            Route { carrier, origin: MADRID, hub, days, customs: !domestic_or_eu(dest) && dest != "ES" }
        }
    }
}

fn tracking_number(rng: &mut Rng, carrier: Carrier, origin_country: &str) -> String {
    let number = match carrier {
        Carrier::Ups => {
            let shipper: String = (0..6).map(|_| char::from(*rng.pick(b"ABCDEFGHJKLMNPRSTVWXY0123456789"))).collect();
            let body = format!("{shipper}{}{}", rng.pick(&["01", "02", "03", "12"]), rng.digits(7));
            format!("1Z{body}{}", tracking::ups_check(&body))
        }
        Carrier::Usps => {
            let payload = format!("9400{}", rng.digits(17));
            let d: Vec<u32> = payload.chars().filter_map(|c| c.to_digit(10)).collect();
            format!("{payload}{}", tracking::mod10_31(&d))
        }
        Carrier::Dhl => {
            let payload = rng.digits(9);
            let d: Vec<u32> = payload.chars().filter_map(|c| c.to_digit(10)).collect();
            format!("{payload}{}", tracking::dhl_check(&d))
        }
        Carrier::YunExpress => format!("YT{}{}", rng.range(2400, 2599), rng.digits(12)),
        Carrier::ChinaPost | Carrier::Post | Carrier::Fedex | Carrier::Other => {
            let serial = rng.digits(8);
            let d: Vec<u32> = serial.chars().filter_map(|c| c.to_digit(10)).collect();
            let service = rng.pick(&["LX", "RR", "LZ", "RB", "CP"]);
            format!("{service}{serial}{}{origin_country}", tracking::s10_check(&d))
        }
    };
    debug_assert!(tracking::identify(&number).is_some(), "{number}");
    number
}

fn make_shipment(rng: &mut Rng, order_pos: usize, store: usize, home: &Home, ordered_at: Timestamp, now: Timestamp, taken: &mut std::collections::HashSet<String>) -> Shipment {
    let route = route(rng, store, &home.country);
    // A tracking number names one parcel: draw again on the rare repeat.
    let mut tracking_number = tracking_number(rng, route.carrier, route.origin.1);
    while !taken.insert(tracking_number.clone()) {
        tracking_number = self::tracking_number(rng, route.carrier, route.origin.1);
    }
    let carrier = tracking::identify(&tracking_number).map(|t| t.carrier).unwrap_or(route.carrier);
    let shipped_at = ordered_at + SignedDuration::from_secs(rng.range(6 * HOUR, 30 * HOUR));
    let transit = rng.range(route.days.0, route.days.1) * DAY + rng.range(0, 10 * HOUR);
    // Some parcels run late (a customs hold, a missed connection); some get stuck.
    let delay = if rng.chance(0.15) { rng.range(2, 6) * DAY } else { 0 };
    let stuck_in_customs = route.customs && rng.chance(0.12);
    let failed_attempt = !stuck_in_customs && rng.chance(0.05);
    let planned_delivery = shipped_at + SignedDuration::from_secs(transit + delay);
    let promised_days = route.days.1 + 2;
    let promised_by = (ordered_at + SignedDuration::from_secs(promised_days * DAY))
        .to_zoned_datetime(jiff::tz::TimeZone::get(&home.tz).unwrap_or(jiff::tz::TimeZone::UTC))
        .date()
        .to_string();

    let dest_place = format!("{}, {}", home.city_name, home.country);
    let place = |p: (&str, &str, &str)| (format!("{}, {}", p.0, p.1), p.1.to_string(), p.2.to_string());
    let mut plan: Vec<(f64, (String, String, String), ShipmentStatus, &str)> = vec![
        (0.0, place(route.origin), ShipmentStatus::InfoReceived, "Shipment information received"),
        (0.06, place(route.origin), ShipmentStatus::InTransit, "Picked up by carrier"),
        (0.12, place(route.origin), ShipmentStatus::InTransit, "Departed origin facility"),
    ];
    if let Some(hub) = route.hub {
        plan.push((0.3, place(hub), ShipmentStatus::InTransit, "Arrived at sorting hub"));
        plan.push((0.36, place(hub), ShipmentStatus::InTransit, "Departed sorting hub"));
    }
    let dest = (dest_place.clone(), home.country.clone(), home.tz.clone());
    if route.customs {
        plan.push((0.55, dest.clone(), ShipmentStatus::Customs, "Arrived at customs in destination country"));
        if stuck_in_customs {
            plan.push((0.62, dest.clone(), ShipmentStatus::Customs, "Held by customs: import duties and taxes to be paid by the recipient"));
        } else {
            plan.push((0.65, dest.clone(), ShipmentStatus::InTransit, "Released by customs"));
        }
    }
    if !stuck_in_customs {
        plan.push((0.8, dest.clone(), ShipmentStatus::InTransit, "Arrived at delivery facility"));
        plan.push((0.93, dest.clone(), ShipmentStatus::OutForDelivery, "Out for delivery"));
        if failed_attempt {
            plan.push((0.97, dest.clone(), ShipmentStatus::FailedAttempt, "Delivery attempted: recipient not available, notice left"));
            plan.push((1.2, dest.clone(), ShipmentStatus::OutForDelivery, "Out for delivery (second attempt)"));
        }
        plan.push((if failed_attempt { 1.25 } else { 1.0 }, dest.clone(), ShipmentStatus::Delivered, "Delivered"));
    }
    let span = (transit + delay) as f64;
    let mut events: Vec<CarrierEvent> = plan
        .into_iter()
        .map(|(f, (place, country, tz), status, description)| CarrierEvent {
            at: shipped_at + SignedDuration::from_secs((f * span) as i64 + rng.range(0, 40 * 60)),
            time_zone: Some(tz),
            place,
            country: Some(country),
            status,
            description: description.into(),
        })
        .filter(|e| e.at <= now)
        .collect();
    events.sort_by(|a, b| b.at.cmp(&a.at));
    let status = events.first().map(|e| e.status).unwrap_or(ShipmentStatus::Pending);
    let delivered_at = events.iter().find(|e| e.status == ShipmentStatus::Delivered).map(|e| e.at);
    let expected_at = match (status, stuck_in_customs) {
        (ShipmentStatus::Delivered, _) => None,
        (_, true) => None,
        _ => Some(planned_delivery.max(now + 2.hours()).max(planned_delivery)),
    };
    Shipment {
        id: order_pos as i64,
        order_id: order_pos as i64,
        carrier,
        tracking_number,
        status,
        shipped_at: Some(shipped_at).filter(|t| *t <= now),
        promised_by: Some(promised_by),
        expected_at,
        delivered_at,
        events,
        source: "demo".into(),
        fresh_at: now - SignedDuration::from_secs(rng.range(60, 50 * 60)),
    }
}

/// How often each intent comes up, roughly as in a cross-border fashion store's inbox.
const INTENT_WEIGHTS: &[(Intent, u32)] = &[
    (Intent::TrackOrder, 60), (Intent::DeliveryPeriod, 18), (Intent::MissingPackage, 16),
    (Intent::ReturnItem, 20), (Intent::GetRefund, 14), (Intent::TrackRefund, 10),
    (Intent::DamagedOrWrongItem, 14), (Intent::CustomsDuties, 12), (Intent::CancelOrder, 12),
    (Intent::ChangeShippingAddress, 10), (Intent::ChangeOrder, 8), (Intent::ProductQuestion, 14),
    (Intent::CheckRefundPolicy, 8), (Intent::DeliveryOptions, 6), (Intent::PaymentIssue, 6),
    (Intent::Complaint, 8), (Intent::ContactHumanAgent, 6), (Intent::Dispute, 6),
    (Intent::PrivacyRequest, 4), (Intent::CheckInvoice, 4), (Intent::GetInvoice, 5),
    (Intent::CheckCancellationFee, 4), (Intent::CheckPaymentMethods, 4), (Intent::CreateAccount, 2),
    (Intent::EditAccount, 2), (Intent::RecoverPassword, 3), (Intent::RegistrationProblems, 2),
    (Intent::SwitchAccount, 2), (Intent::NewsletterSubscription, 3), (Intent::SetUpShippingAddress, 2),
    (Intent::PlaceOrder, 3), (Intent::Review, 3), (Intent::ContactCustomerService, 3),
    (Intent::DeleteAccount, 2), (Intent::Other, 5),
];

/// Which orders a message about `intent` is plausibly about.
fn fits(intent: Intent, o: &Order, s: Option<&Shipment>) -> bool {
    use Intent::*;
    let status = s.map(|s| s.status);
    match intent {
        TrackOrder | DeliveryPeriod => s.is_some_and(|s| !s.status.is_final()) || o.fulfillment_status == FulfillmentStatus::InProgress,
        MissingPackage => status == Some(ShipmentStatus::Delivered) || s.is_some_and(|s| s.expected_at.is_none() && !s.status.is_final()),
        CustomsDuties => status == Some(ShipmentStatus::Customs),
        ReturnItem | DamagedOrWrongItem | Review => status == Some(ShipmentStatus::Delivered),
        GetRefund | TrackRefund => matches!(o.financial_status, FinancialStatus::Refunded | FinancialStatus::PartiallyRefunded) || status == Some(ShipmentStatus::Delivered),
        CancelOrder | ChangeShippingAddress | ChangeOrder => matches!(o.fulfillment_status, FulfillmentStatus::Unfulfilled | FulfillmentStatus::InProgress),
        _ => true,
    }
}

fn make_conversation(rng: &mut Rng, world: &World, homes: &[Home], shipment_of: &[Option<usize>], assets: &Assets, spec: &DemoSpec) -> Option<DemoConversation> {
    let intent = *rng.weighted(INTENT_WEIGHTS);
    let order_related = !matches!(
        intent,
        Intent::CreateAccount | Intent::EditAccount | Intent::RecoverPassword | Intent::RegistrationProblems | Intent::SwitchAccount
            | Intent::NewsletterSubscription | Intent::SetUpShippingAddress | Intent::PlaceOrder | Intent::CheckPaymentMethods
            | Intent::DeliveryOptions | Intent::CheckRefundPolicy | Intent::PrivacyRequest | Intent::ContactCustomerService | Intent::Other
    );
    if world.orders.is_empty() {
        return None;
    }
    // Try a few random orders for one that fits the intent; settle for any.
    let mut order_pos = rng.below(world.orders.len() as u64) as usize;
    for _ in 0..40 {
        let candidate = rng.below(world.orders.len() as u64) as usize;
        let shipment = shipment_of[candidate].map(|k| &world.shipments[k]);
        if fits(intent, &world.orders[candidate], shipment) {
            order_pos = candidate;
            break;
        }
    }
    let order = &world.orders[order_pos];
    let customer_pos = order.customer_id.unwrap_or(0) as usize;
    let customer = &world.customers[customer_pos];
    let home = &homes[customer_pos];
    let shipment = shipment_of[order_pos].map(|k| &world.shipments[k]);
    let book = assets.book(&customer.language);
    let phrases = &book.intents[intent.as_str()];
    let channel = if order.platform == Platform::Amazon {
        Channel::AmazonMessaging
    } else if rng.chance(0.15) {
        Channel::Chat
    } else {
        Channel::Email
    };
    let shown_number = match order.platform {
        Platform::Amazon => order.number.clone(),
        _ => format!("#{}", order.number),
    };
    let product = order.lines.first().map(|l| l.name.clone()).unwrap_or_default();
    let fill = |text: &str| {
        text.replace("{order}", &shown_number)
            .replace("{tracking}", shipment.map(|s| s.tracking_number.as_str()).unwrap_or(&shown_number))
            .replace("{first_name}", &home.first_name)
            .replace("{product}", &product)
            .replace("{city}", &home.city_name)
            .replace("{amount}", &order.total.to_string())
    };

    let status = *rng.weighted(&match intent.default_action() {
        meridian_core::Action::Escalate => vec![(ConversationStatus::Escalated, 60), (ConversationStatus::Open, 30), (ConversationStatus::Closed, 10)],
        _ => vec![
            (ConversationStatus::Open, 45), (ConversationStatus::Waiting, 15), (ConversationStatus::Autopilot, 10),
            (ConversationStatus::Snoozed, 5), (ConversationStatus::Closed, 15), (ConversationStatus::Escalated, 3),
        ],
    });
    let speakers: Vec<&Agent> = world.agents.iter().filter(|a| a.languages.first() == Some(&customer.language) || a.languages.contains(&customer.language)).collect();
    let agent = if speakers.is_empty() { None } else { Some(*rng.pick(&speakers)) };
    let agent_name = agent.map(|a| a.name.clone()).unwrap_or_else(|| "Northwind Support".into());

    // The thread: opening, then replies and follow-ups as the status suggests.
    let mut shape: Vec<Direction> = match spec.messages_per_conversation {
        Some(n) => (0..n.max(1)).map(|k| if k % 2 == 0 { Direction::Inbound } else { Direction::Outbound }).collect(),
        None => match status {
            ConversationStatus::Waiting | ConversationStatus::Autopilot => vec![Direction::Inbound, Direction::Outbound],
            ConversationStatus::Closed => vec![Direction::Inbound, Direction::Outbound, Direction::Inbound],
            _ if rng.chance(0.35) => vec![Direction::Inbound, Direction::Outbound, Direction::Inbound],
            _ => vec![Direction::Inbound],
        },
    };
    if status == ConversationStatus::Escalated && rng.chance(0.5) {
        shape.insert(1, Direction::Note);
    }
    // The thread fits between shortly after the order and shortly before "now".
    let earliest = (order.created_at + 20.minutes()).min(spec.now - 2.minutes());
    let last_at = (spec.now - SignedDuration::from_secs(rng.range(2 * 60, 6 * DAY))).clamp(earliest, spec.now - 2.minutes());
    let room = last_at.duration_since(earliest).as_secs() / (shape.len() as i64 - 1).max(1);
    let gap = rng.range(2 * HOUR, 20 * HOUR).min(room).max(60);
    let first_at = (last_at - SignedDuration::from_secs(gap * (shape.len() as i64 - 1))).max(earliest.min(last_at));
    let signature = (channel == Channel::Email && rng.chance(0.5)).then(|| fill(rng.pick(&book.signatures).as_str()));
    let mut messages = Vec::with_capacity(shape.len());
    let mut inbound_seen = 0;
    for (k, direction) in shape.iter().enumerate() {
        let at = first_at + SignedDuration::from_secs(gap * k as i64);
        let (author, mut text) = match direction {
            Direction::Inbound => {
                inbound_seen += 1;
                let text = if inbound_seen == 1 { fill(rng.pick(&phrases.openings).as_str()) } else { fill(rng.pick(&phrases.followups).as_str()) };
                (customer.name.clone(), text)
            }
            Direction::Outbound => (agent_name.clone(), fill(rng.pick(&phrases.agent_replies).as_str())),
            Direction::Note => (agent_name.clone(), note_for(intent)),
        };
        if *direction == Direction::Inbound {
            if let Some(sig) = &signature {
                text = format!("{text}\n\n{sig}");
            }
        }
        let html = (*direction == Direction::Inbound && channel == Channel::Email && rng.chance(0.25)).then(|| as_html(rng, &text));
        messages.push(DemoMessage {
            conversation_id: 0,
            direction: *direction,
            author,
            text,
            html,
            language: (*direction != Direction::Note).then(|| customer.language.clone()),
            created_at: at,
        });
    }
    let subject = fill(rng.pick(&phrases.subjects).as_str());
    let priority = match intent {
        Intent::Dispute => Priority::Urgent,
        Intent::Complaint | Intent::ContactHumanAgent | Intent::MissingPackage | Intent::DamagedOrWrongItem => Priority::High,
        Intent::NewsletterSubscription | Intent::Review | Intent::Other => Priority::Low,
        _ => Priority::Normal,
    };
    let last_inbound = messages.iter().rev().find(|m| m.direction == Direction::Inbound).map(|m| m.created_at).unwrap_or(last_at);
    let sla_due_at = matches!(status, ConversationStatus::Open | ConversationStatus::Escalated).then(|| {
        // Amazon expects an answer within 24 hours, weekends included; e-mail within two days.
        last_inbound + if channel == Channel::AmazonMessaging { 24.hours() } else { 48.hours() }
    });
    let store_id = order.store_id;
    let conversation = Conversation {
        id: world.conversations.len() as i64,
        customer_id: customer_pos as i64,
        store_id,
        channel,
        subject,
        status,
        assignee: agent.filter(|_| matches!(status, ConversationStatus::Escalated | ConversationStatus::Waiting) || rng.chance(0.3)).map(|a| a.id.clone()),
        language: customer.language.clone(),
        intent: Some(intent),
        priority,
        sla_due_at,
        created_at: first_at,
        last_message_at: messages.last().map(|m| m.created_at).unwrap_or(last_at),
    };
    Some(DemoConversation { conversation, order: order_related.then_some(order_pos), messages })
}

fn note_for(intent: Intent) -> String {
    match intent {
        Intent::Dispute => "Chargeback threatened. Do not promise a refund before finance confirms; attach the delivery proof.",
        Intent::Complaint => "Customer upset about repeated delays. Offer a callback; a voucher needs supervisor approval.",
        Intent::PrivacyRequest => "Data request: verify identity via the order e-mail before exporting anything.",
        _ => "Escalated: needs a person who speaks the customer's language.",
    }
    .into()
}

/// The message as an e-mail client would send it, sometimes with a tracking pixel or worse,
/// which the store must strip before it is shown.
fn as_html(rng: &mut Rng, text: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let body: String = text.split("\n\n").map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>"))).collect();
    let extra = match rng.below(6) {
        0 => "<img src=\"https://mail-tracker.example/open.gif?u=8812\" width=\"1\" height=\"1\">",
        1 => "<script>document.location='https://phish.example/'</script>",
        2 => "<div style=\"color:#888\">Sent from my phone</div>",
        _ => "",
    };
    format!("<html><head><style>p{{margin:0}}</style></head><body><div dir=\"auto\">{body}</div>{extra}</body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-20T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn same_seed_same_world_other_seed_other_world() {
        let assets = Assets::load().unwrap();
        let a = generate(&DemoSpec::demo(42, now()), &assets);
        let b = generate(&DemoSpec::demo(42, now()), &assets);
        let c = generate(&DemoSpec::demo(43, now()), &assets);
        assert_eq!(format!("{:?}", a.orders), format!("{:?}", b.orders));
        assert_eq!(format!("{:?}", a.conversations), format!("{:?}", b.conversations));
        assert_ne!(format!("{:?}", a.orders), format!("{:?}", c.orders));
    }

    #[test]
    fn demo_world_meets_the_spec() {
        let assets = Assets::load().unwrap();
        let w = generate(&DemoSpec::demo(1, now()), &assets);
        assert!(w.customers.len() >= 300);
        assert_eq!(w.orders.len(), 800);
        assert!(w.conversations.len() >= 200);
        let countries: std::collections::BTreeSet<_> = w.customers.iter().map(|c| c.country.as_str()).collect();
        assert!(countries.len() >= 12, "{countries:?}");
        let zones: std::collections::BTreeSet<_> = w.customers.iter().filter_map(|c| c.time_zone.as_deref()).collect();
        assert!(zones.len() >= 8, "{zones:?}");
        let langs: std::collections::BTreeSet<_> = w.conversations.iter().map(|c| c.conversation.language.as_str()).collect();
        for l in ["en", "es", "fr", "de", "it", "pt", "ja", "zh", "ko", "ar"] {
            assert!(langs.contains(l), "no conversation in {l}: {langs:?}");
        }
        let currencies: std::collections::BTreeSet<_> = w.orders.iter().map(|o| o.total.currency.as_str()).collect();
        assert!(currencies.len() >= 5, "{currencies:?}");
        for p in Platform::ALL {
            assert!(w.orders.iter().any(|o| o.platform == *p), "no {p} orders");
        }
        for carrier in [Carrier::Ups, Carrier::Usps, Carrier::Dhl, Carrier::ChinaPost, Carrier::Post] {
            assert!(w.shipments.iter().any(|s| s.carrier == carrier), "no {carrier} parcels");
        }
        for s in &w.shipments {
            let t = tracking::identify(&s.tracking_number).unwrap_or_else(|| panic!("invalid {}", s.tracking_number));
            assert_eq!(t.carrier, s.carrier);
            assert!(s.events.windows(2).all(|w| w[0].at >= w[1].at), "events newest first");
            assert!(s.events.iter().all(|e| e.at <= now()), "no event in the future");
        }
        for o in &w.orders {
            assert_eq!(o.computed_total().as_ref(), Some(&o.total), "order {} adds up", o.number);
        }
        let intents: std::collections::BTreeSet<_> = w.conversations.iter().filter_map(|c| c.conversation.intent).collect();
        assert!(intents.len() >= 25, "{} intents", intents.len());
        for c in &w.conversations {
            assert!(c.messages.windows(2).all(|m| m[0].created_at <= m[1].created_at));
            assert!(c.messages.iter().all(|m| m.created_at <= now()), "no message from the future");
            if let Some(o) = c.order {
                assert!(c.messages[0].created_at >= w.orders[o].created_at, "nobody writes about an order before placing it");
            }
            assert!(c.messages.iter().all(|m| !m.text.contains('{')), "unfilled placeholder in {:?}", c.messages);
        }
    }

    #[test]
    fn benchmark_scale_threads_have_the_requested_length() {
        let assets = Assets::load().unwrap();
        let spec = DemoSpec { seed: 3, customers: 50, orders: 80, conversations: 30, messages_per_conversation: Some(10), now: now() };
        let w = generate(&spec, &assets);
        assert_eq!(w.message_count(), 300);
    }
}
