//! Parcel tracking numbers: which carrier a number belongs to, and whether its check digit
//! is right. The one owner of these formats: the demo store generates numbers with it, the
//! assist engine extracts them with it, the connectors normalise them with it.

text_enum! {
    /// A carrier or carrier family Meridian recognises by number format.
    pub enum Carrier("carrier") {
        Ups = "ups",
        Usps = "usps",
        Fedex = "fedex",
        Dhl = "dhl",
        /// China Post / China EMS, UPU S10 numbers ending in "CN".
        ChinaPost = "china_post",
        /// YunExpress, a Chinese cross-border carrier ("YT" + 16 digits, no check digit).
        YunExpress = "yunexpress",
        /// Any other national post, UPU S10 numbers (the country is the last two letters).
        Post = "post",
        Other = "other",
    }
}

impl Carrier {
    /// The name agents know the carrier by.
    pub fn display_name(self) -> &'static str {
        match self {
            Carrier::Ups => "UPS",
            Carrier::Usps => "USPS",
            Carrier::Fedex => "FedEx",
            Carrier::Dhl => "DHL Express",
            Carrier::ChinaPost => "China Post",
            Carrier::YunExpress => "YunExpress",
            Carrier::Post => "Post",
            Carrier::Other => "Other",
        }
    }
}

/// A tracking number that passed its format and check-digit rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingNumber {
    /// Upper case, no spaces.
    pub number: String,
    pub carrier: Carrier,
}

/// Upper-cases and drops spaces and dashes, the way customers and carriers write numbers.
pub fn normalize(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect()
}

/// Recognises a tracking number by format and check digit; `None` when nothing fits.
pub fn identify(raw: &str) -> Option<TrackingNumber> {
    let n = normalize(raw);
    let carrier = if is_s10(&n) {
        if n.ends_with("CN") { Carrier::ChinaPost } else if n.ends_with("US") { Carrier::Usps } else { Carrier::Post }
    } else if is_ups(&n) {
        Carrier::Ups
    } else if is_usps_impb(&n) {
        Carrier::Usps
    } else if is_yunexpress(&n) {
        Carrier::YunExpress
    } else if is_fedex(&n) {
        Carrier::Fedex
    } else if is_dhl_express(&n) {
        Carrier::Dhl
    } else {
        return None;
    };
    Some(TrackingNumber { number: n, carrier })
}

fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// UPU S10: two letters, eight digits, a check digit, an ISO country code ("LX123456785CN").
pub fn is_s10(n: &str) -> bool {
    let b = n.as_bytes();
    if b.len() != 13
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[11..].iter().all(u8::is_ascii_uppercase)
    {
        return false;
    }
    match digits(&n[2..11]) {
        Some(d) => s10_check(&d[..8]) == d[8],
        None => false,
    }
}

/// The S10 check digit of eight serial digits.
pub fn s10_check(serial: &[u32]) -> u32 {
    const WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = serial.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    }
}

/// UPS: "1Z", six shipper characters, two service digits, seven package digits, a check digit.
pub fn is_ups(n: &str) -> bool {
    let b = n.as_bytes();
    if b.len() != 18 || !n.starts_with("1Z") || !b[2..].iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let body = &n[2..17];
    (b[17] as char).to_digit(10) == Some(ups_check(body))
}

/// The UPS check digit over the 15 characters after "1Z" (letters count as (code-63) mod 10).
pub fn ups_check(body: &str) -> u32 {
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, c)| {
            let v = if c.is_ascii_digit() { (c - b'0') as u32 } else { (c as u32 - 63) % 10 };
            if i % 2 == 1 { v * 2 } else { v }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// USPS Intelligent Mail package barcode: 22 digits starting with 9, mod-10 (weights 3,1).
pub fn is_usps_impb(n: &str) -> bool {
    n.len() == 22 && n.starts_with('9') && digits(n).is_some_and(|d| mod10_31(&d[..21]) == d[21])
}

/// Mod-10 check with weights 3 and 1 alternating from the rightmost payload digit.
pub fn mod10_31(payload: &[u32]) -> u32 {
    let sum: u32 = payload.iter().rev().enumerate().map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d }).sum();
    (10 - sum % 10) % 10
}

/// FedEx Express: 12 digits, weights 1,3,7 from the right, sum mod 11 mod 10.
pub fn is_fedex(n: &str) -> bool {
    n.len() == 12 && digits(n).is_some_and(|d| fedex_check(&d[..11]) == d[11])
}

pub fn fedex_check(payload: &[u32]) -> u32 {
    const W: [u32; 3] = [1, 3, 7];
    let sum: u32 = payload.iter().rev().enumerate().map(|(i, d)| d * W[i % 3]).sum();
    sum % 11 % 10
}

/// DHL Express waybill: 10 digits, the last is the first nine taken mod 7.
pub fn is_dhl_express(n: &str) -> bool {
    n.len() == 10 && digits(n).is_some_and(|d| dhl_check(&d[..9]) == d[9])
}

pub fn dhl_check(payload: &[u32]) -> u32 {
    (payload.iter().fold(0u64, |acc, d| acc * 10 + *d as u64) % 7) as u32
}

/// YunExpress: "YT" and sixteen digits; the format has no check digit.
pub fn is_yunexpress(n: &str) -> bool {
    n.len() == 18 && n.starts_with("YT") && n[2..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers_are_recognised() {
        let cases = [
            ("RR123456785CN", Carrier::ChinaPost),
            ("lx 123 456 785 cn", Carrier::ChinaPost),
            ("EE123456785US", Carrier::Usps),
            ("RB123456785DE", Carrier::Post),
            ("1Z999AA10123456784", Carrier::Ups),
            ("1Z 999 AA1 0123 4567 84", Carrier::Ups),
            ("1234567891", Carrier::Dhl),
            ("YT2412345678901234", Carrier::YunExpress),
        ];
        for (raw, carrier) in cases {
            assert_eq!(identify(raw).map(|t| t.carrier), Some(carrier), "{raw}");
        }
    }

    #[test]
    fn wrong_check_digits_are_rejected() {
        for raw in ["RR123456784CN", "1Z999AA10123456785", "1234567890", "RR12345678CN", "R1123456785CN"] {
            assert_eq!(identify(raw), None, "{raw}");
        }
    }

    #[test]
    fn things_that_are_not_tracking_numbers() {
        // Prices, dates, postcodes, phone numbers and order numbers.
        for raw in ["49.90", "2026-11-24", "28013", "+34612345678", "114-3941689-8772232", "1047", "SW1A 1AA"] {
            assert_eq!(identify(raw), None, "{raw}");
        }
    }

    #[test]
    fn generated_check_digits_validate() {
        let serial = [4, 7, 1, 1, 0, 2, 9, 3];
        let s10 = format!("LX{}{}CN", serial.iter().map(u32::to_string).collect::<String>(), s10_check(&serial));
        assert!(is_s10(&s10));
        let fedex = format!("12345678901{}", fedex_check(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]));
        assert!(is_fedex(&fedex));
        // Any other final digit is rejected.
        for valid in [&s10[..], &fedex[..]] {
            let check_at = valid.rfind(|c: char| c.is_ascii_digit()).unwrap();
            for d in b'0'..=b'9' {
                let mut other = valid.as_bytes().to_vec();
                if other[check_at] == d { continue; }
                other[check_at] = d;
                let other = String::from_utf8(other).unwrap();
                assert!(!is_s10(&other) && !is_fedex(&other), "{other} accepted");
            }
        }
    }

    #[test]
    fn usps_mod10_catches_every_single_digit_error() {
        let payload: Vec<u32> = "940011189922319742849".chars().map(|c| c.to_digit(10).unwrap()).collect();
        let valid = format!("940011189922319742849{}", mod10_31(&payload));
        assert!(is_usps_impb(&valid));
        for i in 1..valid.len() {
            let mut changed = valid.clone().into_bytes();
            changed[i] = if changed[i] == b'9' { b'0' } else { changed[i] + 1 };
            let changed = String::from_utf8(changed).unwrap();
            assert!(!is_usps_impb(&changed), "{changed} accepted");
        }
    }
}
