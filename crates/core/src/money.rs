//! Money: integer minor units and an ISO 4217 currency. Never floats.

use std::fmt;

/// An ISO 4217 alphabetic code, upper case, e.g. "EUR".
pub type Currency = String;

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Money {
    /// Amount in the currency's minor unit (cents for EUR, yen for JPY, fils/1000 for KWD).
    pub minor: i64,
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{0:?} is not an ISO 4217 currency code")]
    BadCurrency(String),
    #[error("{amount:?} is not a decimal amount of {currency}")]
    BadAmount { amount: String, currency: String },
    #[error("{amount:?} has more decimals than {currency} allows ({exponent})")]
    TooPrecise { amount: String, currency: String, exponent: u32 },
    #[error("cannot add {0} to {1}")]
    CurrencyMismatch(String, String),
    #[error("amount out of range")]
    Overflow,
}

/// Number of decimal places of a currency's minor unit (ISO 4217), 2 when not listed.
pub fn exponent(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "CLP" | "VND" | "ISK" | "UGX" | "XAF" | "XOF" | "PYG" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "IQD" | "LYD" => 3,
        _ => 2,
    }
}

fn check_currency(code: &str) -> Result<(), MoneyError> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(MoneyError::BadCurrency(code.to_owned()))
    }
}

impl Money {
    pub fn new(minor: i64, currency: &str) -> Result<Money, MoneyError> {
        check_currency(currency)?;
        Ok(Money { minor, currency: currency.to_owned() })
    }

    /// Parses a decimal string as platforms send it ("145.0", "-3.50", "1200") exactly.
    pub fn parse(amount: &str, currency: &str) -> Result<Money, MoneyError> {
        check_currency(currency)?;
        let exp = exponent(currency);
        let bad = || MoneyError::BadAmount { amount: amount.to_owned(), currency: currency.to_owned() };
        let s = amount.trim();
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() as u32 > exp {
            return Err(MoneyError::TooPrecise { amount: amount.to_owned(), currency: currency.to_owned(), exponent: exp });
        }
        let scale = 10i64.pow(exp);
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::Overflow)? };
        let frac_val: i64 = if frac.is_empty() { 0 } else { frac.parse::<i64>().map_err(|_| bad())? * 10i64.pow(exp - frac.len() as u32) };
        let minor = whole.checked_mul(scale).and_then(|w| w.checked_add(frac_val)).ok_or(MoneyError::Overflow)?;
        Ok(Money { minor: if negative { -minor } else { minor }, currency: currency.to_owned() })
    }

    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(other.currency.clone(), self.currency.clone()));
        }
        let minor = self.minor.checked_add(other.minor).ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, currency: self.currency.clone() })
    }

    pub fn times(&self, quantity: i64) -> Result<Money, MoneyError> {
        let minor = self.minor.checked_mul(quantity).ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, currency: self.currency.clone() })
    }

    /// The plain decimal form ("145.00"), as APIs expect it; locale formatting lives in i18n.
    pub fn decimal_string(&self) -> String {
        let exp = exponent(&self.currency);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if exp == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10u64.pow(exp);
        format!("{sign}{}.{:0width$}", abs / scale, abs % scale, width = exp as usize)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.decimal_string(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_platform_decimals_exactly() {
        let cases = [
            ("145.0", "EUR", 14500),
            ("0.10", "USD", 10),
            ("-3.5", "GBP", -350),
            ("1200", "JPY", 1200),
            ("12.345", "KWD", 12345),
            (".5", "EUR", 50),
            ("19.990", "EUR", 1999),
        ];
        for (amount, cur, minor) in cases {
            assert_eq!(Money::parse(amount, cur).unwrap().minor, minor, "{amount} {cur}");
        }
    }

    #[test]
    fn rejects_bad_amounts() {
        assert!(matches!(Money::parse("1.5", "JPY"), Err(MoneyError::TooPrecise { .. })));
        assert!(matches!(Money::parse("1,50", "EUR"), Err(MoneyError::BadAmount { .. })));
        assert!(matches!(Money::parse("", "EUR"), Err(MoneyError::BadAmount { .. })));
        assert!(matches!(Money::parse("1e3", "EUR"), Err(MoneyError::BadAmount { .. })));
        assert!(matches!(Money::parse("1.00", "eur"), Err(MoneyError::BadCurrency(_))));
        assert!(matches!(Money::parse("99999999999999999999", "EUR"), Err(MoneyError::Overflow)));
    }

    #[test]
    fn decimal_round_trip() {
        for (amount, cur) in [("145.00", "EUR"), ("-0.05", "USD"), ("1200", "JPY"), ("0.125", "BHD")] {
            assert_eq!(Money::parse(amount, cur).unwrap().decimal_string(), amount);
        }
    }

    #[test]
    fn adding_other_currencies_is_an_error() {
        let eur = Money::new(100, "EUR").unwrap();
        let usd = Money::new(100, "USD").unwrap();
        assert!(eur.checked_add(&usd).is_err());
        assert_eq!(eur.checked_add(&eur).unwrap().minor, 200);
    }
}
