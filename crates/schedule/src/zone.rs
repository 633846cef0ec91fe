//! Which IANA time zone a customer lives in: from the shipping address (country, and the
//! region or postcode where a country has several zones), else from the phone number's
//! calling code, unless someone chose one explicitly. Every answer says where it came from
//! and how sure it is; an ambiguous input gives a best guess with low confidence, never an
//! error. Owns the geographic tables; never reads a clock.

use crate::{time_zone, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneSource {
    Address,
    Phone,
    /// Chosen by the customer or corrected by an agent.
    Explicit,
}

impl ZoneSource {
    /// The text stored in `customers.time_zone_source`.
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneSource::Address => "address",
            ZoneSource::Phone => "phone",
            ZoneSource::Explicit => "explicit",
        }
    }
}

/// How sure a guess is, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A best guess: the country has several zones and nothing narrowed it down.
    Low,
    /// Probably right: a region that spans zones, or a phone number (people travel).
    Medium,
    /// The zone of that place.
    High,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneGuess {
    pub time_zone: String,
    pub source: ZoneSource,
    pub confidence: Confidence,
}

/// What is known about where a customer is. Every field is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZoneHints<'a> {
    /// ISO 3166-1 alpha-2 of the shipping address.
    pub country: Option<&'a str>,
    /// ISO 3166-2 subdivision ("US-TX" or "TX") or the platform's region code.
    pub region: Option<&'a str>,
    pub postcode: Option<&'a str>,
    /// E.164 ("+34612345678"); national numbers without a calling code are ignored.
    pub phone: Option<&'a str>,
    /// An IANA zone someone chose; it wins over any inference.
    pub explicit: Option<&'a str>,
}

impl<'a> ZoneHints<'a> {
    pub fn from_address(a: &'a meridian_core::Address) -> ZoneHints<'a> {
        ZoneHints {
            country: Some(a.country.as_str()),
            region: a.region_code.as_deref(),
            postcode: a.postcode.as_deref(),
            phone: a.phone.as_deref(),
            explicit: None,
        }
    }
}

/// The customer's zone: an explicit choice (checked against the zone database) when given,
/// else the address, else the phone; the phone only replaces an address guess when it is
/// surer and in the same country. `Ok(None)` when nothing is known.
pub fn infer(h: &ZoneHints) -> Result<Option<ZoneGuess>> {
    if let Some(name) = h.explicit.filter(|s| !s.trim().is_empty()) {
        return explicit(name).map(Some);
    }
    let by_address = h.country.and_then(|c| from_address(c, h.region, h.postcode));
    let by_phone = h.phone.and_then(from_phone);
    Ok(match (by_address, by_phone) {
        (Some(a), Some((p, phone_country))) => {
            let same_country = h.country.is_some_and(|c| normalize_country(c) == phone_country);
            if same_country && p.confidence > a.confidence { Some(p) } else { Some(a) }
        }
        (Some(a), None) => Some(a),
        (None, Some((p, _))) => Some(p),
        (None, None) => None,
    })
}

/// A zone someone chose, checked against the zone database.
pub fn explicit(name: &str) -> Result<ZoneGuess> {
    time_zone(name)?;
    Ok(ZoneGuess { time_zone: name.trim().to_owned(), source: ZoneSource::Explicit, confidence: Confidence::High })
}

/// The zone of a shipping address, or `None` for a country not in the tables.
pub fn from_address(country: &str, region: Option<&str>, postcode: Option<&str>) -> Option<ZoneGuess> {
    let country = normalize_country(country);
    let region = region.map(|r| normalize_region(&country, r)).filter(|r| !r.is_empty());
    let postcode = postcode.map(normalize_postcode).filter(|p| !p.is_empty());
    let (zone, confidence) = address_zone(&country, region.as_deref(), postcode.as_deref())?;
    Some(ZoneGuess { time_zone: zone.to_owned(), source: ZoneSource::Address, confidence })
}

/// The zone suggested by a phone number's calling code (and, for a few countries, its area
/// code), with the country it belongs to.
pub fn from_phone(e164: &str) -> Option<(ZoneGuess, String)> {
    let t = e164.trim();
    let rest = t.strip_prefix('+').or_else(|| t.strip_prefix("00"))?;
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 || rest.chars().any(|c| !(c.is_ascii_digit() || " -().".contains(c))) {
        return None;
    }
    let (country, national) = calling_country(&digits)?;
    let (zone, confidence) = match (country, area_zone(country, national)) {
        (_, Some(z)) => (z, Confidence::Medium),
        _ => match country_zone(country)? {
            // A phone says which country, not where in it, and people travel: at best medium.
            (z, Confidence::High) => (z, Confidence::Medium),
            (z, _) => (z, Confidence::Low),
        },
    };
    Some((ZoneGuess { time_zone: zone.to_owned(), source: ZoneSource::Phone, confidence }, country.to_owned()))
}

fn normalize_country(c: &str) -> String {
    let c = c.trim().to_ascii_uppercase();
    match c.as_str() {
        "UK" => "GB".into(),
        _ => c,
    }
}

/// "US-TX", "us-tx", " TX " → "TX"; "Q ROO" → "QROO".
fn normalize_region(country: &str, r: &str) -> String {
    let r = r.trim().to_ascii_uppercase();
    let r = r.strip_prefix(&format!("{country}-")).map(str::to_owned).unwrap_or(r);
    r.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

fn normalize_postcode(p: &str) -> String {
    p.trim().to_ascii_uppercase().chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

fn digits_prefix(postcode: &str, n: usize) -> Option<u32> {
    let d = postcode.get(..n)?;
    if d.chars().all(|c| c.is_ascii_digit()) { d.parse().ok() } else { None }
}

fn address_zone(country: &str, region: Option<&str>, postcode: Option<&str>) -> Option<(&'static str, Confidence)> {
    use Confidence::*;
    let by_region_or_post = match country {
        "US" => us_zone(region, postcode),
        "CA" => region.and_then(ca_region).or_else(|| postcode.and_then(ca_postcode)).map(|z| (z, High)),
        "MX" => region.and_then(mx_region).or_else(|| postcode.and_then(mx_postcode)).map(|z| (z, High)),
        "BR" => region.and_then(br_region).or_else(|| postcode.and_then(br_postcode)).map(|z| (z, High)),
        "AU" => postcode.and_then(au_postcode).or_else(|| region.and_then(au_region)).map(|z| (z, High)),
        "RU" => region.and_then(ru_region).map(|z| (z, High)),
        "ID" => region.and_then(id_region).or_else(|| postcode.and_then(id_postcode)).map(|z| (z, High)),
        "ES" => {
            let canary = region.is_some_and(|r| matches!(r, "CN" | "GC" | "TF"))
                || postcode.and_then(|p| digits_prefix(p, 2)).is_some_and(|p| p == 35 || p == 38);
            Some((if canary { "Atlantic/Canary" } else { "Europe/Madrid" }, High))
        }
        "PT" => {
            let p = postcode.and_then(|p| digits_prefix(p, 2));
            let zone = match (region, p) {
                (Some("20"), _) | (_, Some(95..=99)) => "Atlantic/Azores",
                (Some("30"), _) | (_, Some(90..=93)) => "Atlantic/Madeira",
                _ => "Europe/Lisbon",
            };
            Some((zone, High))
        }
        "FR" => {
            let zone = match postcode.and_then(|p| digits_prefix(p, 3)) {
                Some(971) => "America/Guadeloupe",
                Some(972) => "America/Martinique",
                Some(973) => "America/Cayenne",
                Some(974) => "Indian/Reunion",
                Some(976) => "Indian/Mayotte",
                _ => "Europe/Paris",
            };
            Some((zone, High))
        }
        "CL" => {
            let zone = match (region, postcode.and_then(|p| digits_prefix(p, 3))) {
                (_, Some(277)) => "Pacific/Easter",
                (Some("MA"), _) | (_, Some(620..=639)) => "America/Punta_Arenas",
                _ => "America/Santiago",
            };
            Some((zone, High))
        }
        "NZ" => Some((if postcode.is_some_and(|p| p == "8942") { "Pacific/Chatham" } else { "Pacific/Auckland" }, High)),
        "EC" => Some((if region == Some("W") { "Pacific/Galapagos" } else { "America/Guayaquil" }, High)),
        _ => None,
    };
    by_region_or_post.or_else(|| country_zone(country))
}

/// The zone of a country as a whole: high confidence when it has one zone, otherwise the
/// zone most of its people live in, with low confidence.
pub fn country_zone(country: &str) -> Option<(&'static str, Confidence)> {
    use Confidence::*;
    let multi = match country {
        "US" => Some("America/New_York"),
        "CA" => Some("America/Toronto"),
        "MX" => Some("America/Mexico_City"),
        "BR" => Some("America/Sao_Paulo"),
        "AU" => Some("Australia/Sydney"),
        "RU" => Some("Europe/Moscow"),
        "ID" => Some("Asia/Jakarta"),
        _ => None,
    };
    if let Some(z) = multi {
        return Some((z, Low));
    }
    SINGLE_ZONE.iter().find(|(c, _)| *c == country).map(|(_, z)| (*z, High))
}

/// Countries with one zone for (nearly) everyone, among the markets cross-border stores
/// sell to most. Countries with outlying zones (ES, PT, FR, CL, NZ, EC) are refined by
/// region or postcode above and fall back to these.
const SINGLE_ZONE: &[(&str, &str)] = &[
    ("GB", "Europe/London"), ("IE", "Europe/Dublin"), ("DE", "Europe/Berlin"), ("FR", "Europe/Paris"),
    ("ES", "Europe/Madrid"), ("IT", "Europe/Rome"), ("PT", "Europe/Lisbon"), ("NL", "Europe/Amsterdam"),
    ("BE", "Europe/Brussels"), ("LU", "Europe/Luxembourg"), ("AT", "Europe/Vienna"), ("CH", "Europe/Zurich"),
    ("PL", "Europe/Warsaw"), ("CZ", "Europe/Prague"), ("SK", "Europe/Bratislava"), ("HU", "Europe/Budapest"),
    ("RO", "Europe/Bucharest"), ("BG", "Europe/Sofia"), ("GR", "Europe/Athens"), ("SE", "Europe/Stockholm"),
    ("NO", "Europe/Oslo"), ("DK", "Europe/Copenhagen"), ("FI", "Europe/Helsinki"), ("EE", "Europe/Tallinn"),
    ("LV", "Europe/Riga"), ("LT", "Europe/Vilnius"), ("HR", "Europe/Zagreb"), ("SI", "Europe/Ljubljana"),
    ("IS", "Atlantic/Reykjavik"), ("MT", "Europe/Malta"), ("CY", "Asia/Nicosia"), ("UA", "Europe/Kyiv"),
    ("TR", "Europe/Istanbul"), ("IL", "Asia/Jerusalem"), ("SA", "Asia/Riyadh"), ("AE", "Asia/Dubai"),
    ("QA", "Asia/Qatar"), ("KW", "Asia/Kuwait"), ("BH", "Asia/Bahrain"), ("OM", "Asia/Muscat"),
    ("JO", "Asia/Amman"), ("LB", "Asia/Beirut"), ("EG", "Africa/Cairo"), ("MA", "Africa/Casablanca"),
    ("ZA", "Africa/Johannesburg"), ("NG", "Africa/Lagos"), ("KE", "Africa/Nairobi"), ("IN", "Asia/Kolkata"),
    ("PK", "Asia/Karachi"), ("BD", "Asia/Dhaka"), ("LK", "Asia/Colombo"), ("NP", "Asia/Kathmandu"),
    ("JP", "Asia/Tokyo"), ("KR", "Asia/Seoul"), ("CN", "Asia/Shanghai"), ("HK", "Asia/Hong_Kong"),
    ("MO", "Asia/Macau"), ("TW", "Asia/Taipei"), ("SG", "Asia/Singapore"), ("MY", "Asia/Kuala_Lumpur"),
    ("TH", "Asia/Bangkok"), ("VN", "Asia/Ho_Chi_Minh"), ("PH", "Asia/Manila"), ("KZ", "Asia/Almaty"),
    ("NZ", "Pacific/Auckland"), ("CL", "America/Santiago"), ("AR", "America/Argentina/Buenos_Aires"),
    ("CO", "America/Bogota"), ("PE", "America/Lima"), ("UY", "America/Montevideo"), ("EC", "America/Guayaquil"),
    ("VE", "America/Caracas"), ("CR", "America/Costa_Rica"), ("PA", "America/Panama"), ("DO", "America/Santo_Domingo"),
    ("PR", "America/Puerto_Rico"),
];

fn us_zone(region: Option<&str>, postcode: Option<&str>) -> Option<(&'static str, Confidence)> {
    let zip3 = postcode.and_then(|p| digits_prefix(p, 3));
    let state = region.filter(|r| r.len() == 2).or_else(|| zip3.and_then(us_state_of_zip3))?;
    // A ZIP code pins down the zone inside states that span two.
    if let Some(z) = zip3.and_then(|z| us_zip_zone(state, z, postcode.unwrap_or(""))) {
        return Some((z, Confidence::High));
    }
    let (zone, split) = us_state(state)?;
    Some((zone, if split { Confidence::Medium } else { Confidence::High }))
}

/// A state's zone and whether part of the state keeps another one.
fn us_state(state: &str) -> Option<(&'static str, bool)> {
    const NY: &str = "America/New_York";
    const CHI: &str = "America/Chicago";
    const DEN: &str = "America/Denver";
    const LA: &str = "America/Los_Angeles";
    Some(match state {
        "CT" | "DE" | "DC" | "GA" | "ME" | "MD" | "MA" | "NH" | "NJ" | "NY" | "NC" | "OH" | "PA" | "RI" | "SC" | "VT" | "VA" | "WV" => (NY, false),
        "FL" => (NY, true),
        "KY" => (NY, true),
        "MI" => ("America/Detroit", true),
        "IN" => ("America/Indiana/Indianapolis", true),
        "AL" | "AR" | "IL" | "IA" | "LA" | "MN" | "MS" | "MO" | "OK" | "WI" => (CHI, false),
        "TX" | "TN" | "KS" | "NE" | "ND" | "SD" => (CHI, true),
        "CO" | "MT" | "NM" | "UT" | "WY" => (DEN, false),
        "ID" => ("America/Boise", true),
        "AZ" => ("America/Phoenix", false),
        "CA" | "NV" | "WA" => (LA, false),
        "OR" => (LA, true),
        "AK" => ("America/Anchorage", true),
        "HI" => ("Pacific/Honolulu", false),
        "PR" => ("America/Puerto_Rico", false),
        "VI" => ("America/St_Thomas", false),
        "GU" => ("Pacific/Guam", false),
        "MP" => ("Pacific/Saipan", false),
        "AS" => ("Pacific/Pago_Pago", false),
        _ => return None,
    })
}

/// The zone of a ZIP code in a state split between two zones.
fn us_zip_zone(state: &str, zip3: u32, zip: &str) -> Option<&'static str> {
    Some(match (state, zip3) {
        ("FL", 324 | 325) => "America/Chicago",
        ("FL", _) => "America/New_York",
        ("TX", 798 | 799 | 885) => "America/Denver",
        ("TX", _) => "America/Chicago",
        ("TN", 373 | 374 | 376..=379) => "America/New_York",
        ("TN", _) => "America/Chicago",
        ("KY", 400..=402) => "America/Kentucky/Louisville",
        ("KY", 420..=424) => "America/Chicago",
        ("KY", _) => "America/New_York",
        ("IN", 463 | 464 | 476 | 477) => "America/Chicago",
        ("IN", _) => "America/Indiana/Indianapolis",
        ("ND", 586) => "America/Denver",
        ("ND", _) => "America/Chicago",
        ("SD", 576 | 577) => "America/Denver",
        ("SD", _) => "America/Chicago",
        ("NE", 693) => "America/Denver",
        ("NE", _) => "America/Chicago",
        ("ID", 835 | 838) => "America/Los_Angeles",
        ("ID", _) => "America/Boise",
        ("OR", 979) => "America/Boise",
        ("OR", _) => "America/Los_Angeles",
        ("AK", _) if zip.starts_with("99546") || zip.starts_with("99547") => "America/Adak",
        ("AK", _) => "America/Anchorage",
        ("MI", _) => "America/Detroit",
        ("KS", _) => "America/Chicago",
        _ => return None,
    })
}

/// The state of a three-digit ZIP prefix.
fn us_state_of_zip3(z: u32) -> Option<&'static str> {
    const RANGES: &[(u32, u32, &str)] = &[
        (5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"), (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"),
        (39, 49, "ME"), (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"), (70, 89, "NJ"),
        (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"), (200, 205, "DC"), (206, 219, "MD"),
        (220, 246, "VA"), (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"),
        (320, 349, "FL"), (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"),
        (400, 427, "KY"), (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"), (500, 528, "IA"),
        (530, 549, "WI"), (550, 567, "MN"), (570, 577, "SD"), (580, 588, "ND"), (590, 599, "MT"),
        (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"), (700, 714, "LA"),
        (716, 729, "AR"), (730, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"),
        (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"),
        (889, 898, "NV"), (900, 961, "CA"), (967, 968, "HI"), (969, 969, "GU"), (970, 979, "OR"),
        (980, 994, "WA"), (995, 999, "AK"),
    ];
    RANGES.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&z)).map(|(_, _, s)| *s)
}

fn ca_region(r: &str) -> Option<&'static str> {
    Some(match r {
        "BC" => "America/Vancouver",
        "AB" => "America/Edmonton",
        "SK" => "America/Regina",
        "MB" => "America/Winnipeg",
        "ON" | "QC" => "America/Toronto",
        "NB" => "America/Moncton",
        "NS" | "PE" => "America/Halifax",
        "NL" => "America/St_Johns",
        "YT" => "America/Whitehorse",
        "NT" => "America/Edmonton",
        "NU" => "America/Iqaluit",
        _ => return None,
    })
}

/// Canadian postal codes start with a letter per province.
fn ca_postcode(p: &str) -> Option<&'static str> {
    let region = match p.chars().next()? {
        'A' => "NL",
        'B' => "NS",
        'C' => "PE",
        'E' => "NB",
        'G' | 'H' | 'J' => "QC",
        'K' | 'L' | 'M' | 'N' | 'P' => "ON",
        'R' => "MB",
        'S' => "SK",
        'T' => "AB",
        'V' => "BC",
        'X' => return Some(if p.starts_with("X0A") || p.starts_with("X0B") || p.starts_with("X0C") { "America/Iqaluit" } else { "America/Edmonton" }),
        'Y' => "YT",
        _ => return None,
    };
    ca_region(region)
}

/// Mexican states by ISO 3166-2 code and by the codes Shopify and carriers use.
fn mx_region(r: &str) -> Option<&'static str> {
    Some(match r {
        "BC" | "BCN" => "America/Tijuana",
        "BCS" => "America/Mazatlan",
        "SON" => "America/Hermosillo",
        "SIN" | "NAY" => "America/Mazatlan",
        "CHIH" | "CHH" => "America/Chihuahua",
        "ROO" | "QROO" | "QR" => "America/Cancun",
        "AGS" | "AGU" | "CAMP" | "CAM" | "CHIS" | "CHP" | "COAH" | "COA" | "COL" | "DF" | "CDMX" | "CMX" | "DGO" | "DUR"
        | "GTO" | "GUA" | "GRO" | "HGO" | "HID" | "JAL" | "MEX" | "EM" | "MICH" | "MIC" | "MOR" | "NL" | "NLE" | "OAX" | "PUE"
        | "QRO" | "QUE" | "SLP" | "TAB" | "TAMPS" | "TAM" | "TLAX" | "TLA" | "VER" | "YUC" | "ZAC" => "America/Mexico_City",
        _ => return None,
    })
}

/// Mexican postcodes: the first two digits name the state.
fn mx_postcode(p: &str) -> Option<&'static str> {
    Some(match digits_prefix(p, 2)? {
        21 | 22 => "America/Tijuana",
        23 | 63 | 80..=82 => "America/Mazatlan",
        83..=85 => "America/Hermosillo",
        31..=33 => "America/Chihuahua",
        77 => "America/Cancun",
        0..=99 => "America/Mexico_City",
        _ => return None,
    })
}

fn br_region(r: &str) -> Option<&'static str> {
    Some(match r {
        "AC" => "America/Rio_Branco",
        "AM" => "America/Manaus",
        "RR" => "America/Boa_Vista",
        "RO" => "America/Porto_Velho",
        "MT" => "America/Cuiaba",
        "MS" => "America/Campo_Grande",
        "PA" | "AP" => "America/Belem",
        "TO" => "America/Araguaina",
        "MA" | "PI" | "CE" | "RN" | "PB" => "America/Fortaleza",
        "PE" => "America/Recife",
        "AL" | "SE" => "America/Maceio",
        "BA" => "America/Bahia",
        "SP" | "RJ" | "ES" | "MG" | "PR" | "SC" | "RS" | "GO" | "DF" => "America/Sao_Paulo",
        _ => return None,
    })
}

/// Brazilian CEPs by their first digits.
fn br_postcode(p: &str) -> Option<&'static str> {
    let two = digits_prefix(p, 2)?;
    let three = digits_prefix(p, 3).unwrap_or(two * 10);
    let state = match two {
        0..=39 => "SP", // SP, RJ, ES, MG: all one zone
        40..=48 => "BA",
        49 => "SE",
        50..=56 => "PE",
        57 => "AL",
        58 => "PB",
        59 => "RN",
        60..=63 => "CE",
        64 => "PI",
        65 => "MA",
        66..=68 if three >= 689 => "AP",
        66..=68 => "PA",
        69 if (693..=693).contains(&three) => "RR",
        69 if three >= 699 => "AC",
        69 => "AM",
        76 if three >= 768 => "RO",
        70..=76 => "GO",
        77 => "TO",
        78 => "MT",
        79 => "MS",
        _ => "SP",
    };
    br_region(state)
}

fn au_region(r: &str) -> Option<&'static str> {
    Some(match r {
        "NSW" | "ACT" => "Australia/Sydney",
        "VIC" => "Australia/Melbourne",
        "QLD" => "Australia/Brisbane",
        "SA" => "Australia/Adelaide",
        "WA" => "Australia/Perth",
        "TAS" => "Australia/Hobart",
        "NT" => "Australia/Darwin",
        _ => return None,
    })
}

/// Australian postcodes by state; Broken Hill (NSW) keeps South Australian time.
fn au_postcode(p: &str) -> Option<&'static str> {
    if p.len() != 4 {
        return None;
    }
    let n = digits_prefix(p, 4)?;
    Some(match n {
        2880 => "Australia/Broken_Hill",
        800..=999 => "Australia/Darwin",
        200..=299 | 1000..=2999 => "Australia/Sydney",
        3000..=3999 | 8000..=8999 => "Australia/Melbourne",
        4000..=4999 | 9000..=9999 => "Australia/Brisbane",
        5000..=5999 => "Australia/Adelaide",
        6000..=6999 => "Australia/Perth",
        7000..=7999 => "Australia/Hobart",
        _ => return None,
    })
}

/// Russian federal subjects (ISO 3166-2 codes) outside Moscow time, and the large ones in it.
fn ru_region(r: &str) -> Option<&'static str> {
    Some(match r {
        "KGD" => "Europe/Kaliningrad",
        "MOW" | "MOS" | "SPE" | "LEN" | "TA" | "NIZ" | "KDA" | "ROS" | "VOR" | "KR" | "MUR" | "ARK" | "KO" | "CR" | "SEV" => "Europe/Moscow",
        "SAM" | "UD" => "Europe/Samara",
        "ULY" => "Europe/Ulyanovsk",
        "SAR" => "Europe/Saratov",
        "AST" => "Europe/Astrakhan",
        "VGG" => "Europe/Volgograd",
        "SVE" | "CHE" | "PER" | "BA" | "TYU" | "KHM" | "YAN" | "ORE" | "KGN" => "Asia/Yekaterinburg",
        "OMS" => "Asia/Omsk",
        "NVS" => "Asia/Novosibirsk",
        "TOM" => "Asia/Tomsk",
        "ALT" | "AL" => "Asia/Barnaul",
        "KEM" => "Asia/Novokuznetsk",
        "KYA" | "TY" | "KK" => "Asia/Krasnoyarsk",
        "IRK" | "BU" => "Asia/Irkutsk",
        "ZAB" => "Asia/Chita",
        "SA" | "AMU" => "Asia/Yakutsk",
        "PRI" | "KHA" | "YEV" => "Asia/Vladivostok",
        "SAK" => "Asia/Sakhalin",
        "MAG" => "Asia/Magadan",
        "KAM" => "Asia/Kamchatka",
        "CHU" => "Asia/Anadyr",
        _ => return None,
    })
}

/// Indonesian provinces: western (WIB), central (WITA) and eastern (WIT) time.
fn id_region(r: &str) -> Option<&'static str> {
    Some(match r {
        "AC" | "SU" | "SB" | "RI" | "KR" | "JA" | "SS" | "BB" | "BE" | "LA" | "JK" | "JB" | "BT" | "JT" | "YO" | "JI" => "Asia/Jakarta",
        "KB" | "KT" => "Asia/Pontianak",
        "KS" | "KI" | "KU" | "BA" | "NB" | "NT" | "SA" | "ST" | "SG" | "SN" | "SR" | "GO" => "Asia/Makassar",
        "MA" | "MU" | "PA" | "PB" | "PT" | "PS" | "PE" | "PD" => "Asia/Jayapura",
        _ => return None,
    })
}

/// Indonesian postcodes by their first two digits.
fn id_postcode(p: &str) -> Option<&'static str> {
    if p.len() != 5 {
        return None;
    }
    Some(match digits_prefix(p, 2)? {
        10..=69 => "Asia/Jakarta",
        73 | 74 | 78 | 79 => "Asia/Pontianak",
        70..=72 | 75..=77 | 80..=96 => "Asia/Makassar",
        97..=99 => "Asia/Jayapura",
        _ => return None,
    })
}

/// Country of an international number and the national digits after the calling code.
fn calling_country(digits: &str) -> Option<(&'static str, &str)> {
    const CODES: &[(&str, &str)] = &[
        ("1", "US"), ("7", "RU"), ("20", "EG"), ("27", "ZA"), ("30", "GR"), ("31", "NL"), ("32", "BE"), ("33", "FR"),
        ("34", "ES"), ("36", "HU"), ("39", "IT"), ("40", "RO"), ("41", "CH"), ("43", "AT"), ("44", "GB"), ("45", "DK"),
        ("46", "SE"), ("47", "NO"), ("48", "PL"), ("49", "DE"), ("51", "PE"), ("52", "MX"), ("54", "AR"), ("55", "BR"),
        ("56", "CL"), ("57", "CO"), ("58", "VE"), ("60", "MY"), ("61", "AU"), ("62", "ID"), ("63", "PH"), ("64", "NZ"),
        ("65", "SG"), ("66", "TH"), ("81", "JP"), ("82", "KR"), ("84", "VN"), ("86", "CN"), ("90", "TR"), ("91", "IN"),
        ("92", "PK"), ("94", "LK"), ("212", "MA"), ("234", "NG"), ("254", "KE"), ("351", "PT"), ("352", "LU"),
        ("353", "IE"), ("354", "IS"), ("356", "MT"), ("357", "CY"), ("358", "FI"), ("359", "BG"), ("370", "LT"),
        ("371", "LV"), ("372", "EE"), ("380", "UA"), ("385", "HR"), ("386", "SI"), ("420", "CZ"), ("421", "SK"),
        ("506", "CR"), ("507", "PA"), ("593", "EC"), ("598", "UY"), ("852", "HK"), ("853", "MO"), ("880", "BD"),
        ("886", "TW"), ("961", "LB"), ("962", "JO"), ("965", "KW"), ("966", "SA"), ("968", "OM"), ("971", "AE"),
        ("972", "IL"), ("973", "BH"), ("974", "QA"), ("977", "NP"),
    ];
    // Calling codes are a prefix code: at most one of the 1-, 2- and 3-digit prefixes matches.
    let (code, country) = CODES.iter().filter(|(code, _)| digits.starts_with(code)).max_by_key(|(code, _)| code.len())?;
    let national = &digits[code.len()..];
    // +7 6xx / 7xx is Kazakhstan.
    if *country == "RU" && (national.starts_with('6') || national.starts_with('7')) {
        return Some(("KZ", national));
    }
    Some((country, national))
}

/// Area codes that tell where in a multi-zone country a landline or mobile is registered.
fn area_zone(country: &str, national: &str) -> Option<&'static str> {
    match country {
        // Brazilian DDD codes: the first two digits are the state's area.
        "BR" => {
            let ddd = digits_prefix(national, 2)?;
            let state = match ddd {
                11..=19 => "SP",
                21..=28 => "RJ",
                31..=38 => "MG",
                41..=46 | 47..=49 | 51..=55 | 61 => "SP",
                62 | 64 => "GO",
                63 => "TO",
                65 | 66 => "MT",
                67 => "MS",
                68 => "AC",
                69 => "RO",
                71 | 73..=75 | 77 => "BA",
                79 => "SE",
                81 | 87 => "PE",
                82 => "AL",
                83 => "PB",
                84 => "RN",
                85 | 88 => "CE",
                86 | 89 => "PI",
                91 | 93 | 94 => "PA",
                92 | 97 => "AM",
                95 => "RR",
                96 => "AP",
                98 | 99 => "MA",
                _ => return None,
            };
            br_region(state)
        }
        // Australian landlines: 2 NSW/ACT, 3 VIC/TAS, 7 QLD; 8 (SA/WA/NT) and mobiles (4) say nothing.
        "AU" => match national.chars().next()? {
            '2' => Some("Australia/Sydney"),
            '3' => Some("Australia/Melbourne"),
            '7' => Some("Australia/Brisbane"),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Confidence::*;

    fn hints<'a>(country: &'a str, region: &'a str, postcode: &'a str, phone: &'a str) -> ZoneHints<'a> {
        let opt = |s: &'a str| (!s.is_empty()).then_some(s);
        ZoneHints { country: opt(country), region: opt(region), postcode: opt(postcode), phone: opt(phone), explicit: None }
    }

    #[test]
    fn addresses_give_the_zone_with_a_confidence() {
        // country, region, postcode, phone → zone, source, confidence
        let cases: &[(&str, &str, &str, &str, &str, ZoneSource, Confidence)] = &[
            ("ES", "", "28013", "", "Europe/Madrid", ZoneSource::Address, High),
            ("ES", "ES-CN", "", "", "Atlantic/Canary", ZoneSource::Address, High),
            ("ES", "", "38001", "", "Atlantic/Canary", ZoneSource::Address, High),
            ("PT", "", "9500-321", "", "Atlantic/Azores", ZoneSource::Address, High),
            ("de", "", "", "", "Europe/Berlin", ZoneSource::Address, High),
            ("JP", "", "150-0001", "", "Asia/Tokyo", ZoneSource::Address, High),
            ("IN", "", "", "", "Asia/Kolkata", ZoneSource::Address, High),
            ("NP", "", "", "", "Asia/Kathmandu", ZoneSource::Address, High),
            ("NZ", "", "8942", "", "Pacific/Chatham", ZoneSource::Address, High),
            ("NZ", "", "1010", "", "Pacific/Auckland", ZoneSource::Address, High),
            ("US", "CA", "94107", "", "America/Los_Angeles", ZoneSource::Address, High),
            ("US", "US-NY", "", "", "America/New_York", ZoneSource::Address, High),
            ("US", "AZ", "", "", "America/Phoenix", ZoneSource::Address, High),
            ("US", "TX", "", "", "America/Chicago", ZoneSource::Address, Medium),
            ("US", "TX", "79901", "", "America/Denver", ZoneSource::Address, High),
            ("US", "FL", "32501", "", "America/Chicago", ZoneSource::Address, High),
            ("US", "FL", "33101", "", "America/New_York", ZoneSource::Address, High),
            ("US", "", "60601", "", "America/Chicago", ZoneSource::Address, High),
            ("US", "", "98101", "", "America/Los_Angeles", ZoneSource::Address, High),
            ("US", "", "", "", "America/New_York", ZoneSource::Address, Low),
            ("CA", "BC", "", "", "America/Vancouver", ZoneSource::Address, High),
            ("CA", "", "T5J 0N3", "", "America/Edmonton", ZoneSource::Address, High),
            ("CA", "", "", "", "America/Toronto", ZoneSource::Address, Low),
            ("MX", "BC", "", "", "America/Tijuana", ZoneSource::Address, High),
            ("MX", "", "77500", "", "America/Cancun", ZoneSource::Address, High),
            ("MX", "JAL", "", "", "America/Mexico_City", ZoneSource::Address, High),
            ("MX", "", "", "", "America/Mexico_City", ZoneSource::Address, Low),
            ("BR", "AM", "", "", "America/Manaus", ZoneSource::Address, High),
            ("BR", "", "01310-100", "", "America/Sao_Paulo", ZoneSource::Address, High),
            ("BR", "", "69900-000", "", "America/Rio_Branco", ZoneSource::Address, High),
            ("BR", "", "", "", "America/Sao_Paulo", ZoneSource::Address, Low),
            ("AU", "WA", "", "", "Australia/Perth", ZoneSource::Address, High),
            ("AU", "", "2880", "", "Australia/Broken_Hill", ZoneSource::Address, High),
            ("AU", "NSW", "2000", "", "Australia/Sydney", ZoneSource::Address, High),
            ("AU", "", "", "", "Australia/Sydney", ZoneSource::Address, Low),
            ("RU", "NVS", "", "", "Asia/Novosibirsk", ZoneSource::Address, High),
            ("RU", "RU-KGD", "", "", "Europe/Kaliningrad", ZoneSource::Address, High),
            ("RU", "", "", "", "Europe/Moscow", ZoneSource::Address, Low),
            ("ID", "BA", "", "", "Asia/Makassar", ZoneSource::Address, High),
            ("ID", "", "99111", "", "Asia/Jayapura", ZoneSource::Address, High),
            ("ID", "", "", "", "Asia/Jakarta", ZoneSource::Address, Low),
            ("CL", "", "", "", "America/Santiago", ZoneSource::Address, High),
            // An ambiguous address and a phone that narrows it down in the same country.
            ("BR", "", "", "+55 92 99123 4567", "America/Manaus", ZoneSource::Phone, Medium),
            // A phone from another country does not move a shipping address.
            ("DE", "", "", "+1 212 555 0134", "Europe/Berlin", ZoneSource::Address, High),
            ("US", "", "", "+34 612 345 678", "America/New_York", ZoneSource::Address, Low),
            // Nothing but a phone.
            ("", "", "", "+81 90 1234 5678", "Asia/Tokyo", ZoneSource::Phone, Medium),
            ("", "", "", "+977 1 4411 222", "Asia/Kathmandu", ZoneSource::Phone, Medium),
            ("", "", "", "+1 212 555 0134", "America/New_York", ZoneSource::Phone, Low),
            ("", "", "", "+7 727 111 2233", "Asia/Almaty", ZoneSource::Phone, Medium),
            ("", "", "", "0034612345678", "Europe/Madrid", ZoneSource::Phone, Medium),
            ("", "", "", "+61 2 9374 4000", "Australia/Sydney", ZoneSource::Phone, Medium),
            ("", "", "", "+61 412 345 678", "Australia/Sydney", ZoneSource::Phone, Low),
        ];
        for (country, region, postcode, phone, zone, source, confidence) in cases {
            let got = infer(&hints(country, region, postcode, phone)).unwrap().unwrap_or_else(|| panic!("no guess for {country} {region} {postcode} {phone}"));
            assert_eq!((got.time_zone.as_str(), got.source, got.confidence), (*zone, *source, *confidence), "{country} {region} {postcode} {phone}");
        }
    }

    #[test]
    fn explicit_choices_win_and_are_checked() {
        let h = ZoneHints { explicit: Some("America/Santiago"), ..hints("US", "NY", "", "+1 212 555 0134") };
        let g = infer(&h).unwrap().unwrap();
        assert_eq!((g.time_zone.as_str(), g.source, g.confidence), ("America/Santiago", ZoneSource::Explicit, High));
        let bad = ZoneHints { explicit: Some("Mars/Olympus_Mons"), ..ZoneHints::default() };
        assert!(matches!(infer(&bad), Err(crate::ScheduleError::UnknownZone { .. })));
    }

    #[test]
    fn unknown_or_unusable_inputs_give_no_guess() {
        let cases = [hints("", "", "", ""), hints("XX", "", "", ""), hints("", "", "", "612 345 678"), hints("", "", "", "+999 123"), hints("", "", "", "+34 six one two")];
        for h in cases {
            assert_eq!(infer(&h).unwrap(), None, "{h:?}");
        }
    }

    #[test]
    fn every_zone_in_the_tables_exists() {
        let mut zones: Vec<&str> = SINGLE_ZONE.iter().map(|(_, z)| *z).collect();
        for c in ["US", "CA", "MX", "BR", "AU", "RU", "ID"] {
            zones.push(country_zone(c).unwrap().0);
        }
        for s in ["AL", "AK", "AZ", "CA", "CO", "FL", "HI", "ID", "IN", "KY", "MI", "OR", "TX", "PR", "VI", "GU", "MP", "AS"] {
            zones.push(us_state(s).unwrap().0);
        }
        for (s, z) in [("FL", 324), ("TX", 799), ("TN", 374), ("KY", 400), ("KY", 420), ("IN", 463), ("ND", 586), ("SD", 577), ("NE", 693), ("ID", 838), ("OR", 979)] {
            zones.push(us_zip_zone(s, z, "").unwrap());
        }
        zones.push(us_zip_zone("AK", 995, "99546").unwrap());
        for r in ["BC", "AB", "SK", "MB", "ON", "NB", "NS", "NL", "YT", "NU"] {
            zones.push(ca_region(r).unwrap());
        }
        for r in ["BC", "BCS", "SON", "CHIH", "ROO", "JAL"] {
            zones.push(mx_region(r).unwrap());
        }
        for r in ["AC", "AM", "RR", "RO", "MT", "MS", "PA", "TO", "CE", "PE", "AL", "BA", "SP"] {
            zones.push(br_region(r).unwrap());
        }
        for r in ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT"] {
            zones.push(au_region(r).unwrap());
        }
        zones.push(au_postcode("2880").unwrap());
        for r in ["KGD", "MOW", "SAM", "ULY", "SAR", "AST", "VGG", "SVE", "OMS", "NVS", "TOM", "ALT", "KEM", "KYA", "IRK", "ZAB", "SA", "PRI", "SAK", "MAG", "KAM", "CHU"] {
            zones.push(ru_region(r).unwrap());
        }
        for r in ["JK", "KB", "BA", "PA"] {
            zones.push(id_region(r).unwrap());
        }
        zones.extend(["Atlantic/Canary", "Atlantic/Azores", "Atlantic/Madeira", "America/Guadeloupe", "America/Martinique", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte", "Pacific/Easter", "America/Punta_Arenas", "Pacific/Chatham", "Pacific/Galapagos"]);
        for z in zones {
            assert!(jiff::tz::TimeZone::get(z).is_ok(), "{z} is not in the zone database");
        }
        assert!(SINGLE_ZONE.len() >= 40);
    }

    #[test]
    fn core_addresses_are_read() {
        let a = meridian_core::Address { country: "US".into(), region_code: Some("US-WA".into()), postcode: Some("98101".into()), ..Default::default() };
        let g = infer(&ZoneHints::from_address(&a)).unwrap().unwrap();
        assert_eq!(g.time_zone, "America/Los_Angeles");
        assert_eq!(g.source.as_str(), "address");
    }
}
