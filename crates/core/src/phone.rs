//! Phone numbers in E.164 ("+34612345678").

/// International calling codes of the countries Meridian's markets commonly cover.
pub fn calling_code(country: &str) -> Option<&'static str> {
    Some(match country {
        "US" | "CA" => "1",
        "MX" => "52",
        "BR" => "55",
        "GB" => "44",
        "DE" => "49",
        "FR" => "33",
        "ES" => "34",
        "IT" => "39",
        "PT" => "351",
        "NL" => "31",
        "PL" => "48",
        "JP" => "81",
        "CN" => "86",
        "KR" => "82",
        "SA" => "966",
        "AE" => "971",
        "AU" => "61",
        _ => return None,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("{0:?} has no digits of a phone number")]
    Empty(String),
    #[error("{0:?} has characters a phone number cannot have")]
    BadCharacters(String),
    #[error("{0:?} is national but the country's calling code is unknown")]
    NoCountry(String),
    #[error("{0:?} has {1} digits; E.164 allows 8 to 15")]
    BadLength(String, usize),
}

/// Normalises a phone number to E.164, using `country` for numbers written nationally.
pub fn to_e164(raw: &str, country: Option<&str>) -> Result<String, PhoneError> {
    let trimmed = raw.trim();
    if !trimmed.chars().all(|c| c.is_ascii_digit() || " +-().\u{a0}/".contains(c)) {
        return Err(PhoneError::BadCharacters(raw.to_owned()));
    }
    // "+49 (0)170 …": the bracketed trunk zero is not dialled from abroad.
    let without_trunk = trimmed.replacen("(0)", "", 1);
    let digits: String = without_trunk.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return Err(PhoneError::Empty(raw.to_owned()));
    }
    let international = if trimmed.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else {
        let code = country.and_then(calling_code).ok_or_else(|| PhoneError::NoCountry(raw.to_owned()))?;
        // National trunk prefix 0 is dropped (except Italy, where it is part of the number).
        let national = if code != "39" { digits.trim_start_matches('0') } else { &digits };
        format!("{code}{national}")
    };
    if !(8..=15).contains(&international.len()) {
        return Err(PhoneError::BadLength(raw.to_owned(), international.len()));
    }
    Ok(format!("+{international}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_common_forms() {
        let cases = [
            ("+34 612 34 56 78", None, "+34612345678"),
            ("0034 612345678", None, "+34612345678"),
            ("0151 23456789", Some("DE"), "+4915123456789"),
            ("(415) 555-0134", Some("US"), "+14155550134"),
            ("090-1234-5678", Some("JP"), "+819012345678"),
            ("06 12345678", Some("IT"), "+390612345678"),
            ("+49 (0)170 2345678", None, "+491702345678"),
        ];
        for (raw, country, want) in cases {
            assert_eq!(to_e164(raw, country).unwrap(), want, "{raw}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_phone_number() {
        assert!(matches!(to_e164("call me", None), Err(PhoneError::BadCharacters(_))));
        assert!(matches!(to_e164("612345678", None), Err(PhoneError::NoCountry(_))));
        assert!(matches!(to_e164("+1 23", None), Err(PhoneError::BadLength(_, 3))));
        assert!(matches!(to_e164(" - ", Some("ES")), Err(PhoneError::Empty(_))));
    }
}
