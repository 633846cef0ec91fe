//! The one mapping between the tracking services' vocabularies and Meridian's status model:
//! 17TRACK `status`/`sub_status`/`stage` and AfterShip `tag`/`subtag` to and from
//! [`ShipmentStatus`], carrier codes (17TRACK integers, AfterShip slugs), ISO country codes
//! (AfterShip speaks alpha-3, Meridian alpha-2) and the IANA zone of a scan.
//!
//! Both directions live here so the simulators and the clients cannot drift apart.
//! Assumptions: an unknown status maps to `InTransit` (the parcel exists and moves; it is not
//! called an exception without cause); customs is recognised from 17TRACK's
//! `InTransit_Customs*` sub-statuses, AfterShip's `Exception_004` ("Delayed (Customs
//! clearance)") and `Exception_006` ("Held for payment"), or from a description that mentions
//! customs without saying it was released or cleared. YunExpress's 17TRACK code 190008 and
//! the national-post codes of [`track17_post_code`] are assumed, not read in the carrier list.

use jiff::tz::{Offset, TimeZone};
use meridian_core::{Carrier, ShipmentStatus as S, Timestamp};

/// Whether a carrier's words say the parcel is held by customs (and not yet released).
pub fn is_customs_hold(text: &str) -> bool {
    let t = text.to_lowercase();
    let customs = ["customs", "aduana", "zoll", "douane", "dogana", "海关", "税関", "通関"].iter().any(|w| t.contains(w));
    let done = ["released", "cleared", "clearance completed", "clearance complete", "liberado", "freigegeben"].iter().any(|w| t.contains(w));
    customs && !done
}

/// A 17TRACK status (with its sub-status and the event's description) in Meridian's model.
pub fn from_17track(status: &str, sub_status: Option<&str>, description: &str) -> S {
    let sub = sub_status.unwrap_or("");
    match sub {
        "Exception_Returned" => return S::Returned,
        "InTransit_CustomsProcessing" | "InTransit_CustomsRequiringInformation" => return S::Customs,
        "InTransit_CustomsReleased" => return S::InTransit,
        _ => {}
    }
    // Some feeds send only the sub-status: its prefix is the main status.
    let main = if status.is_empty() { sub.split('_').next().unwrap_or("") } else { status };
    match main {
        "NotFound" => S::Pending,
        "InfoReceived" => S::InfoReceived,
        "InTransit" | "Exception" if is_customs_hold(description) => S::Customs,
        "InTransit" => S::InTransit,
        "Expired" => S::Expired,
        "AvailableForPickup" => S::AvailableForPickup,
        "OutForDelivery" => S::OutForDelivery,
        "DeliveryFailure" => S::FailedAttempt,
        "Delivered" => S::Delivered,
        "Exception" => S::Exception,
        _ => S::InTransit,
    }
}

/// A 17TRACK event's status when it carries no sub-status, from its milestone `stage`.
pub fn from_17track_stage(stage: &str, description: &str) -> S {
    match stage {
        "InfoReceived" => S::InfoReceived,
        "PickedUp" | "Departure" | "Arrival" if is_customs_hold(description) => S::Customs,
        "PickedUp" | "Departure" | "Arrival" => S::InTransit,
        "AvailableForPickup" => S::AvailableForPickup,
        "OutForDelivery" => S::OutForDelivery,
        "Delivered" => S::Delivered,
        "Returning" => S::Exception,
        "Returned" => S::Returned,
        _ if is_customs_hold(description) => S::Customs,
        _ => S::InTransit,
    }
}

/// What 17TRACK would say for a Meridian status: (`status`, `sub_status`, milestone `stage`).
pub fn to_17track(status: S, description: &str) -> (&'static str, &'static str, Option<&'static str>) {
    let d = description.to_lowercase();
    match status {
        S::Pending => ("NotFound", "NotFound_Other", None),
        S::InfoReceived => ("InfoReceived", "InfoReceived", Some("InfoReceived")),
        S::InTransit if d.contains("picked up") => ("InTransit", "InTransit_PickedUp", Some("PickedUp")),
        S::InTransit if d.contains("customs") => ("InTransit", "InTransit_CustomsReleased", None),
        S::InTransit if d.contains("depart") => ("InTransit", "InTransit_Departure", Some("Departure")),
        S::InTransit if d.contains("arrive") => ("InTransit", "InTransit_Arrival", Some("Arrival")),
        S::InTransit => ("InTransit", "InTransit_Other", None),
        S::Customs if d.contains("held") || d.contains("duties") => ("InTransit", "InTransit_CustomsRequiringInformation", None),
        S::Customs => ("InTransit", "InTransit_CustomsProcessing", None),
        S::OutForDelivery => ("OutForDelivery", "OutForDelivery_Other", Some("OutForDelivery")),
        S::AvailableForPickup => ("AvailableForPickup", "AvailableForPickup_Other", Some("AvailableForPickup")),
        S::Delivered => ("Delivered", "Delivered_Other", Some("Delivered")),
        S::FailedAttempt => ("DeliveryFailure", "DeliveryFailure_Other", None),
        S::Exception => ("Exception", "Exception_Other", None),
        S::Returned => ("Exception", "Exception_Returned", Some("Returned")),
        S::Expired => ("Expired", "Expired_Other", None),
    }
}

/// An AfterShip tag (with its subtag and the checkpoint's message) in Meridian's model.
pub fn from_aftership(tag: &str, subtag: Option<&str>, message: &str) -> S {
    match subtag.unwrap_or("") {
        "Exception_011" => return S::Returned,
        "Exception_004" | "Exception_006" => return S::Customs,
        _ => {}
    }
    match tag {
        "Pending" => S::Pending,
        "InfoReceived" => S::InfoReceived,
        "InTransit" | "Exception" if is_customs_hold(message) => S::Customs,
        "InTransit" => S::InTransit,
        "OutForDelivery" => S::OutForDelivery,
        "AttemptFail" => S::FailedAttempt,
        "Delivered" => S::Delivered,
        "AvailableForPickup" => S::AvailableForPickup,
        "Exception" => S::Exception,
        "Expired" => S::Expired,
        _ => S::InTransit,
    }
}

/// What AfterShip would say for a Meridian status: (`tag`, `subtag`, `subtag_message`).
pub fn to_aftership(status: S, description: &str) -> (&'static str, &'static str, &'static str) {
    let d = description.to_lowercase();
    match status {
        S::Pending => ("Pending", "Pending_001", "No information yet"),
        S::InfoReceived => ("InfoReceived", "InfoReceived_001", "Info received"),
        S::InTransit if d.contains("picked up") => ("InTransit", "InTransit_002", "Shipment accepted by carrier"),
        S::InTransit if d.contains("customs") => ("InTransit", "InTransit_006", "Customs clearance completed"),
        S::InTransit => ("InTransit", "InTransit_001", "Shipment on the way"),
        S::Customs => ("Exception", "Exception_004", "Delayed (Customs clearance)"),
        S::OutForDelivery => ("OutForDelivery", "OutForDelivery_001", "Out for delivery"),
        S::AvailableForPickup => ("AvailableForPickup", "AvailableForPickup_001", "Available for pickup"),
        S::Delivered => ("Delivered", "Delivered_001", "Shipment delivered"),
        S::FailedAttempt => ("AttemptFail", "AttemptFail_001", "Failed attempt"),
        S::Exception => ("Exception", "Exception_001", "Delivery exception"),
        S::Returned => ("Exception", "Exception_011", "Returned to sender"),
        S::Expired => ("Expired", "Expired_001", "Expired"),
    }
}

/// 17TRACK's carrier code for the carriers Meridian names (national posts vary by country).
pub fn track17_code(carrier: Carrier) -> Option<i64> {
    Some(match carrier {
        Carrier::ChinaPost => 3011,
        Carrier::Usps => 21051,
        Carrier::Dhl => 100001,
        Carrier::Ups => 100002,
        Carrier::Fedex => 100003,
        Carrier::YunExpress => 190008,
        Carrier::Post | Carrier::Other => return None,
    })
}

/// 17TRACK codes of a few national posts, by the S10 number's country (assumed values).
pub fn track17_post_code(country: &str) -> Option<i64> {
    Some(match country {
        "GB" => 11031,
        "DE" => 7041,
        "FR" => 6051,
        "ES" => 19031,
        "JP" => 15031,
        "NL" => 14041,
        _ => return None,
    })
}

pub fn carrier_from_17track(code: i64) -> Option<Carrier> {
    Some(match code {
        3011 | 3013 => Carrier::ChinaPost,
        21051 => Carrier::Usps,
        100001 => Carrier::Dhl,
        100002 => Carrier::Ups,
        100003 => Carrier::Fedex,
        190008 => Carrier::YunExpress,
        c if [11031, 7041, 6051, 19031, 15031, 14041].contains(&c) => Carrier::Post,
        _ => return None,
    })
}

pub fn aftership_slug(carrier: Carrier) -> Option<&'static str> {
    Some(match carrier {
        Carrier::Ups => "ups",
        Carrier::Usps => "usps",
        Carrier::Fedex => "fedex",
        Carrier::Dhl => "dhl",
        Carrier::ChinaPost => "china-post",
        Carrier::YunExpress => "yunexpress",
        Carrier::Post | Carrier::Other => return None,
    })
}

pub fn carrier_from_slug(slug: &str) -> Option<Carrier> {
    Some(match slug {
        "ups" => Carrier::Ups,
        "usps" => Carrier::Usps,
        "fedex" => Carrier::Fedex,
        "dhl" | "dhl-express" => Carrier::Dhl,
        "china-post" | "china-ems" => Carrier::ChinaPost,
        "yunexpress" => Carrier::YunExpress,
        "correos-spain" | "royal-mail" | "deutsch-post" | "la-poste-colissimo" | "japan-post" | "postnl" => Carrier::Post,
        _ => return None,
    })
}

/// The carrier of a number: its format first, then the service's carrier code.
pub fn carrier_of(number: &str, service_says: Option<Carrier>) -> Carrier {
    meridian_core::tracking::identify(number).map(|t| t.carrier).or(service_says).unwrap_or(Carrier::Other)
}

/// ISO 3166-1 alpha-2 and alpha-3, as pairs in one string to keep the table compact.
const COUNTRIES: &str = "AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA AZ AZE \
BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ \
CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE \
DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA \
GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY \
HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM JO JOR JP JPN \
KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY \
MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ \
NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY \
QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV SX SXM SY SYR SZ SWZ \
TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB \
VA VAT VC VCT VE VEN VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM XK XKX YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE";

fn country_pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut words = COUNTRIES.split_whitespace();
    std::iter::from_fn(move || Some((words.next()?, words.next()?)))
}

/// "ESP" → "ES"; `None` for what is not an assigned code.
pub fn alpha2(alpha3: &str) -> Option<&'static str> {
    let a3 = alpha3.trim().to_ascii_uppercase();
    country_pairs().find(|(_, b)| *b == a3).map(|(a, _)| a)
}

/// "ES" → "ESP".
pub fn alpha3(alpha2: &str) -> Option<&'static str> {
    let a2 = alpha2.trim().to_ascii_uppercase();
    country_pairs().find(|(a, _)| *a == a2).map(|(_, b)| b)
}

/// The zones of countries that span several, their principal zones only.
const MULTI_ZONE: &[(&str, &[&str])] = &[
    ("US", &["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"]),
    ("CA", &["America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg", "America/Regina", "America/Edmonton", "America/Vancouver"]),
    ("MX", &["America/Mexico_City", "America/Cancun", "America/Chihuahua", "America/Hermosillo", "America/Tijuana"]),
    ("BR", &["America/Sao_Paulo", "America/Manaus", "America/Rio_Branco", "America/Noronha"]),
    ("AU", &["Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Darwin", "Australia/Perth"]),
    ("RU", &["Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka"]),
    ("ES", &["Europe/Madrid", "Atlantic/Canary"]),
    ("PT", &["Europe/Lisbon", "Atlantic/Azores"]),
    ("ID", &["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
    ("CL", &["America/Santiago", "Pacific/Easter"]),
    ("NZ", &["Pacific/Auckland", "Pacific/Chatham"]),
    ("EC", &["America/Guayaquil", "Pacific/Galapagos"]),
    ("KZ", &["Asia/Almaty", "Asia/Aqtobe"]),
    ("MN", &["Asia/Ulaanbaatar", "Asia/Hovd"]),
    ("CD", &["Africa/Kinshasa", "Africa/Lubumbashi"]),
];

/// Countries that keep one time zone.
const ONE_ZONE: &str = "AE Asia/Dubai AR America/Argentina/Buenos_Aires AT Europe/Vienna BE Europe/Brussels BG Europe/Sofia \
CH Europe/Zurich CN Asia/Shanghai CO America/Bogota CY Asia/Nicosia CZ Europe/Prague DE Europe/Berlin DK Europe/Copenhagen \
EE Europe/Tallinn EG Africa/Cairo FI Europe/Helsinki FR Europe/Paris GB Europe/London GR Europe/Athens HK Asia/Hong_Kong \
HR Europe/Zagreb HU Europe/Budapest IE Europe/Dublin IL Asia/Jerusalem IN Asia/Kolkata IS Atlantic/Reykjavik IT Europe/Rome \
JP Asia/Tokyo KR Asia/Seoul KW Asia/Kuwait LT Europe/Vilnius LU Europe/Luxembourg LV Europe/Riga MA Africa/Casablanca \
MO Asia/Macau MT Europe/Malta MY Asia/Kuala_Lumpur NG Africa/Lagos NL Europe/Amsterdam NO Europe/Oslo PE America/Lima \
PH Asia/Manila PK Asia/Karachi PL Europe/Warsaw QA Asia/Qatar RO Europe/Bucharest RS Europe/Belgrade SA Asia/Riyadh \
SE Europe/Stockholm SG Asia/Singapore SI Europe/Ljubljana SK Europe/Bratislava TH Asia/Bangkok TR Europe/Istanbul \
TW Asia/Taipei UA Europe/Kyiv VN Asia/Ho_Chi_Minh ZA Africa/Johannesburg";

fn zones_of(country: &str) -> Vec<&'static str> {
    if let Some((_, zones)) = MULTI_ZONE.iter().find(|(c, _)| *c == country) {
        return zones.to_vec();
    }
    let mut words = ONE_ZONE.split_whitespace();
    std::iter::from_fn(move || Some((words.next()?, words.next()?))).filter(|(c, _)| *c == country).map(|(_, z)| z).collect()
}

/// The IANA zone of a scan: the country's zone when it has one, else the one of its zones
/// whose offset at that instant is the one the carrier gave; `None` when that stays unclear.
pub fn zone_of(country: Option<&str>, at: Timestamp, offset: Option<Offset>) -> Option<String> {
    let zones = zones_of(&country?.to_ascii_uppercase());
    if zones.len() == 1 {
        return Some(zones[0].to_owned());
    }
    let offset = offset?;
    let matching: Vec<&str> = zones.into_iter().filter(|z| TimeZone::get(z).is_ok_and(|tz| tz.to_offset(at) == offset)).collect();
    (matching.len() == 1).then(|| matching[0].to_owned())
}

/// A zone for a country alone, when it has exactly one.
pub fn single_zone(country: &str) -> Option<&'static str> {
    let zones = zones_of(&country.to_ascii_uppercase());
    (zones.len() == 1).then(|| zones[0])
}

/// Parses an ISO-8601 instant; also gives the offset it was written with ("+08:00"), but not
/// for "Z" (the services write UTC when they do not know the local time).
pub fn parse_instant(text: &str) -> Option<(Timestamp, Option<Offset>)> {
    let text = text.trim();
    let at: Timestamp = text.parse().ok()?;
    let tail = text.get(text.len().saturating_sub(6)..).unwrap_or("");
    let offset = match tail.as_bytes() {
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let n = |a: &u8, b: &u8| ((a - b'0') as i32) * 10 + (b - b'0') as i32;
            if ![h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()) {
                None
            } else {
                let secs = (n(h1, h2) * 3600 + n(m1, m2) * 60) * if *sign == b'-' { -1 } else { 1 };
                Offset::from_seconds(secs).ok()
            }
        }
        _ => None,
    };
    Some((at, offset))
}

/// An ISO date ("2026-11-24") or date-time; a bare date is taken as its start in UTC.
pub fn parse_date_or_instant(text: &str) -> Option<Timestamp> {
    if let Some((at, _)) = parse_instant(text) {
        return Some(at);
    }
    let date: jiff::civil::Date = text.trim().parse().ok()?;
    date.to_zoned_datetime(TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// `2026-11-20T13:00:00+01:00` in the zone when known, else `2026-11-20T12:00:00Z`.
pub fn format_local(at: Timestamp, zone: Option<&str>) -> String {
    match zone.and_then(|z| TimeZone::get(z).ok()) {
        Some(tz) => at.to_zoned_datetime(tz).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        None => format_utc(at),
    }
}

pub fn format_utc(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_survives_both_round_trips() {
        let samples = [
            (S::InTransit, "Picked up by carrier"),
            (S::InTransit, "Departed origin facility"),
            (S::InTransit, "Released by customs"),
            (S::Customs, "Arrived at customs in destination country"),
            (S::Customs, "Held by customs: import duties and taxes to be paid by the recipient"),
        ];
        let all = S::ALL.iter().map(|s| (*s, "x")).chain(samples);
        for (status, d) in all {
            let (m, sub, _) = to_17track(status, d);
            assert_eq!(from_17track(m, Some(sub), d), status, "17track {status} {d}");
            let (tag, subtag, msg) = to_aftership(status, d);
            assert_eq!(from_aftership(tag, Some(subtag), msg), status, "aftership {status} {d}");
        }
    }

    #[test]
    fn unknown_values_do_not_panic_and_customs_is_recognised() {
        assert_eq!(from_17track("Teleported", None, ""), S::InTransit);
        assert_eq!(from_17track("", Some("Delivered_Other"), ""), S::Delivered);
        assert_eq!(from_17track("Exception", Some("Exception_Returned"), ""), S::Returned);
        assert_eq!(from_aftership("InTransit", None, "Held at customs"), S::Customs);
        assert_eq!(from_aftership("InTransit", None, "Customs clearance completed"), S::InTransit);
        assert_eq!(from_aftership("???", None, ""), S::InTransit);
    }

    #[test]
    fn countries_and_zones() {
        assert_eq!(alpha2("ESP"), Some("ES"));
        assert_eq!(alpha3("us"), Some("USA"));
        assert_eq!(alpha2("XXX"), None);
        assert_eq!(country_pairs().count(), 250);
        let at: Timestamp = "2026-01-15T12:00:00Z".parse().unwrap();
        assert_eq!(zone_of(Some("DE"), at, None).as_deref(), Some("Europe/Berlin"));
        assert_eq!(zone_of(Some("US"), at, None), None);
        let la = Offset::from_hours(-8).unwrap();
        assert_eq!(zone_of(Some("US"), at, Some(la)).as_deref(), Some("America/Los_Angeles"));
        // Denver and Phoenix share -07:00 in winter: no guess.
        assert_eq!(zone_of(Some("US"), at, Some(Offset::from_hours(-7).unwrap())), None);
        let (t, off) = parse_instant("2026-01-15T20:00:00+08:00").unwrap();
        assert_eq!((t, off), (at, Some(Offset::from_hours(8).unwrap())));
        assert_eq!(parse_instant("2026-01-15T12:00:00Z").unwrap().1, None);
        assert_eq!(format_local(at, Some("Asia/Shanghai")), "2026-01-15T20:00:00+08:00");
        assert_eq!(parse_date_or_instant("2026-01-15"), Some("2026-01-15T00:00:00Z".parse().unwrap()));
    }
}
