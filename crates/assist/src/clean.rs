//! The customer's new words: quoted earlier messages, forwarded headers and signatures
//! removed before anything tries to understand the text.

use regex::Regex;
use std::sync::LazyLock;

/// A line that starts a quoted earlier message ("On Mon … wrote:", "-----Original
/// Message-----", "From: …"), in the languages Meridian serves.
static QUOTE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*(?:",
        r"-{2,}\s*(?:original message|forwarded message|mensaje original|mensaje reenviado|message d'origine|message transféré|ursprüngliche nachricht|weitergeleitete nachricht|messaggio originale|messaggio inoltrato|mensagem original|mensagem encaminhada|oorspronkelijk bericht|doorgestuurd bericht|wiadomość oryginalna|oryginalna wiadomość)\s*-{2,}",
        r"|_{5,}",
        r"|(?:from|de|von|da|van|od|发件人|寄件者|差出人|보낸 사람|من)\s*[:：].*",
        r"|.*(?:wrote|escribió|a écrit|schrieb|ha scritto|scrisse|escreveu|schreef|napisał|napisała|napisał\(a\)|写道|寫道|のメッセージ|書きました|が書きました|작성|كتب)\s*[:：]?\s*$",
        r")",
    ))
    .expect("valid regex")
});

/// "Sent from my phone" lines and the "-- " signature separator.
static SIGNATURE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*(?:--\s*$",
        r"|sent from my |enviado desde mi |envoyé de mon |von meinem .*gesendet|inviato da|enviado do meu |verzonden (?:vanaf|met) |wysłane z |发自我的|從我的|iphoneから送信|내 (?:iphone|갤럭시|galaxy)|أرسلت من|تم الإرسال من",
        r")",
    ))
    .expect("valid regex")
});

/// Closing formulas after which only a name, a title or contact lines usually follow.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*(?:best regards|kind regards|warm regards|regards|best wishes|best|cheers|many thanks|thanks in advance|sincerely|yours sincerely",
        r"|saludos(?: cordiales)?|un saludo|atentamente|muchas gracias|gracias de antemano",
        r"|cordialement|bien à vous|bien cordialement|merci d'avance|salutations",
        r"|mit freundlichen grüßen|mit freundlichen gruessen|freundliche grüße|viele grüße|beste grüße|lg|vg",
        r"|cordiali saluti|distinti saluti|saluti|grazie mille",
        r"|atenciosamente|cumprimentos|abraços|obrigad[oa] desde já",
        r"|met vriendelijke groet(?:en)?|vriendelijke groeten|groeten|groetjes",
        r"|pozdrawiam|z poważaniem|serdecznie pozdrawiam",
        r"|此致|敬礼|谢谢|謝謝|よろしくお願い(?:いた)?します|宜しくお願いします|감사합니다|고맙습니다|مع (?:خالص )?(?:التحية|الشكر)|تحياتي|وشكرا",
        r")[\s,.!。！]*$",
    ))
    .expect("valid regex")
});

/// Returns the new words of a message: everything before the first quoted message or
/// signature, with `>`-quoted lines dropped. Never empty when the input had words: if the
/// message is only a quote, the quote is returned rather than nothing.
pub fn new_words(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    for line in &lines {
        if QUOTE_HEADER.is_match(line) || SIGNATURE_START.is_match(line) {
            break;
        }
        if line.trim_start().starts_with('>') {
            continue;
        }
        kept.push(line);
    }
    // A closing formula near the end: drop it and the short lines after it (name, phone).
    if let Some(pos) = kept.iter().rposition(|l| CLOSING.is_match(l)) {
        let has_words_before = kept[..pos].iter().any(|l| !l.trim().is_empty());
        let tail_is_short = kept[pos + 1..].iter().filter(|l| !l.trim().is_empty()).count() <= 4
            && kept[pos + 1..].iter().all(|l| l.chars().count() <= 60);
        if has_words_before && tail_is_short {
            kept.truncate(pos);
        }
    }
    let out = kept.join("\n").trim().to_owned();
    if out.is_empty() { text.trim().to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::new_words;

    #[test]
    fn quotes_and_signatures_are_not_new_words() {
        let cases = [
            ("Where is my parcel?\n\nOn Mon, 3 Nov 2026, Northwind Support wrote:\n> Your refund was issued.", "Where is my parcel?"),
            ("¿Dónde está mi pedido?\n\nEl lun, 3 nov 2026 a las 10:00, Northwind escribió:\n> Gracias por su compra", "¿Dónde está mi pedido?"),
            ("Ich möchte stornieren.\n\nMit freundlichen Grüßen\nAnna Schmidt\n+49 151 2345678", "Ich möchte stornieren."),
            ("Bonjour, le colis est abîmé.\n-----Message d'origine-----\nDe : Northwind\nObjet : Livraison", "Bonjour, le colis est abîmé."),
            ("荷物がまだ届きません。\n\nよろしくお願いいたします。\n山田太郎", "荷物がまだ届きません。"),
            ("包裹还没到\n\n发自我的iPhone", "包裹还没到"),
            ("Hola\n> texto citado\nquiero devolverlo", "Hola\nquiero devolverlo"),
            ("Thanks!", "Thanks!"),
            ("Best regards,\nJohn", "Best regards,\nJohn"),
        ];
        for (input, want) in cases {
            assert_eq!(new_words(input), want, "{input:?}");
        }
    }
}
