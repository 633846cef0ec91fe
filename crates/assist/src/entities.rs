//! Identifiers in a message: order numbers, tracking numbers (format and check digit, via
//! `meridian_core::tracking`), e-mail addresses and phone numbers, normalised as TRIAGE.md
//! says. Prices, dates, postcodes and phone numbers never pass as tracking numbers.

use meridian_core::{phone, tracking};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    pub order_numbers: Vec<String>,
    pub tracking_numbers: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").expect("regex"));
static AMAZON_ORDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)\d{3}-\d{7}-\d{7}(?-u:\b)").expect("regex"));
static HASH_ORDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^\w&])[#＃]\s?(\d{3,10})(?-u:\b)").expect("regex"));
/// "order 5521", "pedido nº 5521", "Bestellnummer: 5521", "注文番号 5521", "订单号：5521"…
static WORDED_ORDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:order|orden|pedido|commande|bestellung|bestellnummer|auftrag|ordine|encomenda|bestelling|bestelnummer|zamówienie|zamowienie|zamówienia|注文番号|注文|订单号|订单|訂單|주문번호|주문|طلب|الطلب)",
        r"\s*(?:no\.?|nr\.?|number|num\.?|n[º°o]\.?|número|numero|numéro|nummer|番号|号|번호|رقم)?\s*[:：#＃]?\s*(\d{3,10})(?-u:\b)",
    ))
    .expect("regex")
});
/// ASCII letter-and-digit tokens, the pieces a tracking number is written in.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Za-z0-9]+").expect("regex"));
/// Words near a bare 10- or 12-digit number that make it a waybill, not a phone number.
static TRACKING_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:dhl|fedex|tracking|track|waybill|awb|seguimiento|rastreo|suivi|sendung|spedizione|tracciamento|rastreio|rastreamento|zending|przesyłk|paczk|追踪|运单|快递单|追跡|送り状|伝票|운송장|송장|تتبع|بوليصة)").expect("regex")
});
static PHONE_INTL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:\+|(?-u:\b)00)\d[\d ().\-]{6,18}\d").expect("regex"));
static PHONE_WORDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:tel\.?|phone|mobile|cell|teléfono|telefono|téléphone|telefon|telefone|celular|móvil|movil|portable|handy|電話|电话|手机|携帯|전화|휴대폰|هاتف|جوال|الجوال)\s*[:：]?\s*(\(?\d[\d ().\-]{6,16}\d)").expect("regex")
});

/// Finds and normalises the identifiers in `text`. `country` (ISO 3166-1) reads phone
/// numbers written nationally.
pub fn extract(text: &str, country: Option<&str>) -> Entities {
    let mut e = Entities::default();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let overlaps = |taken: &[(usize, usize)], s: usize, t: usize| taken.iter().any(|&(a, b)| s < b && a < t);

    for m in EMAIL.find_iter(text) {
        push(&mut e.emails, m.as_str().to_lowercase());
        taken.push((m.start(), m.end()));
    }
    for m in AMAZON_ORDER.find_iter(text) {
        push(&mut e.order_numbers, m.as_str().to_owned());
        taken.push((m.start(), m.end()));
    }
    // Tracking numbers before phones and bare digits, so each span is read once. Carriers
    // and customers split numbers into groups ("1Z 999 AA1 0123 4567 84"): runs of
    // alphanumeric tokens joined by single spaces or dashes are tried window by window.
    let tokens: Vec<regex::Match> = TOKEN.find_iter(text).collect();
    let mut i = 0;
    while i < tokens.len() {
        let mut found = None;
        'window: for len in (1..=8.min(tokens.len() - i)).rev() {
            let group = &tokens[i..i + len];
            let joined_by_single_separators = group.windows(2).all(|w| {
                let gap = &text[w[0].end()..w[1].start()];
                gap == " " || gap == "-"
            });
            if !joined_by_single_separators {
                continue;
            }
            let (start, end) = (group[0].start(), group[len - 1].end());
            if overlaps(&taken, start, end) {
                continue;
            }
            let joined: String = group.iter().map(|m| m.as_str()).collect();
            if let Some(t) = tracking_candidate(text, start, &joined) {
                found = Some((t, start, end, len));
                break 'window;
            }
        }
        match found {
            Some((t, start, end, len)) => {
                push(&mut e.tracking_numbers, t.number);
                taken.push((start, end));
                i += len;
            }
            None => i += 1,
        }
    }
    for re in [&*HASH_ORDER, &*WORDED_ORDER] {
        for c in re.captures_iter(text) {
            let Some(g) = c.get(1) else { continue };
            if overlaps(&taken, g.start(), g.end()) {
                continue;
            }
            push(&mut e.order_numbers, g.as_str().to_owned());
            taken.push((g.start(), g.end()));
        }
    }
    for m in PHONE_INTL.find_iter(text) {
        if overlaps(&taken, m.start(), m.end()) {
            continue;
        }
        if let Ok(p) = phone::to_e164(m.as_str(), None) {
            push(&mut e.phones, p);
            taken.push((m.start(), m.end()));
        }
    }
    for c in PHONE_WORDED.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        if overlaps(&taken, g.start(), g.end()) {
            continue;
        }
        if let Ok(p) = phone::to_e164(g.as_str(), country) {
            push(&mut e.phones, p);
            taken.push((g.start(), g.end()));
        }
    }
    e
}

fn push(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// `joined` (a run of tokens starting at byte `start`) as a tracking number, if it is one.
fn tracking_candidate(text: &str, start: usize, joined: &str) -> Option<tracking::TrackingNumber> {
    if joined.len() < 10 || joined.len() > 30 {
        return None;
    }
    let t = tracking::identify(joined)?;
    // Bare 10/12-digit numbers are phone-number shaped: only with a carrier word near.
    if joined.bytes().all(|b| b.is_ascii_digit()) && matches!(t.carrier, tracking::Carrier::Dhl | tracking::Carrier::Fedex) {
        let before = &text[..start];
        let window_start = before.char_indices().rev().nth(40).map(|(i, _)| i).unwrap_or(0);
        if !TRACKING_CONTEXT.is_match(&text[window_start..start]) || before.trim_end().ends_with('+') {
            return None;
        }
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str) -> Entities {
        extract(text, Some("ES"))
    }

    #[test]
    fn order_numbers_in_many_forms() {
        let cases: &[(&str, &[&str])] = &[
            ("Where is order #1047?", &["1047"]),
            ("mi pedido nº 5521 no llega", &["5521"]),
            ("Bestellnummer: 88123", &["88123"]),
            ("Amazon order 114-3941689-8772232 please", &["114-3941689-8772232"]),
            ("注文番号 12345 について", &["12345"]),
            ("订单号：778899 还没发货", &["778899"]),
            ("주문번호 5521 취소해주세요", &["5521"]),
            ("注文番号は114-3941689-8772232です", &["114-3941689-8772232"]),
            ("订单号：778899还没发货", &["778899"]),
            ("طلب رقم 4521", &["4521"]),
            ("I paid 49.99 on 2026-11-03", &[]),
            ("{{Order Number}} is late", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(ex(text).order_numbers, want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn tracking_numbers_need_a_valid_check_digit() {
        let cases: &[(&str, &[&str])] = &[
            ("tracking RR123456785CN", &["RR123456785CN"]),
            ("el número es rr 123 456 785 cn, gracias", &["RR123456785CN"]),
            ("UPS 1Z999AA10123456784 stuck", &["1Z999AA10123456784"]),
            ("UPS 1Z999AA10123456785 stuck", &[]),
            ("RR123456784CN is wrong", &[]),
            ("DHL waybill 1234567891", &["1234567891"]),
            ("call me on 1234567891", &[]),
            ("YunExpress YT2412345678901234", &["YT2412345678901234"]),
            ("Numero di spedizione 1Z 999 AA1 0123 4567 84.", &["1Z999AA10123456784"]),
            ("追跡番号RR123456785CNです", &["RR123456785CN"]),
            ("postcode 28013, price 149.90, date 2026-11-24", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(ex(text).tracking_numbers, want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn emails_and_phones_normalised() {
        let e = ex("Write to Ana.Lopez@Example.COM or call +34 612 34 56 78. Tel: 612 345 679");
        assert_eq!(e.emails, vec!["ana.lopez@example.com"]);
        assert_eq!(e.phones, vec!["+34612345678", "+34612345679"]);
        assert!(e.tracking_numbers.is_empty() && e.order_numbers.is_empty(), "{e:?}");
    }

    #[test]
    fn a_phone_number_is_not_an_order_or_a_parcel() {
        let e = ex("order #1047, phone +49 151 23456789");
        assert_eq!(e.order_numbers, vec!["1047"]);
        assert_eq!(e.phones, vec!["+4915123456789"]);
        assert!(e.tracking_numbers.is_empty());
    }
}
