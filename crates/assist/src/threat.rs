//! Threats: a chargeback or payment dispute, a lawyer or legal action, a consumer authority
//! or regulator, or a bad public review used as leverage, in every language served.

use regex::Regex;
use std::sync::LazyLock;

static THREAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:",
        // English
        r"charge ?back|dispute (?:the|this|with|on)|(?:paypal|card|credit card|bank) (?:dispute|claim)|open(?:ed|ing)? a (?:dispute|claim|case)|a-?to-?z|file a claim|reverse the (?:charge|payment)",
        r"|lawyer|attorney|solicitor|legal action|take (?:you|this) to court|small claims|\bsue\b|sue you|lawsuit",
        r"|consumer (?:protection|rights|authority|affairs)|trading standards|\bbbb\b|better business bureau|\bftc\b|ombudsman|attorney general",
        r"|(?:1|one)[- ]star|(?-u:\b)1[- ]?(?:stern|sterren|ster|étoile|estrella|stella|estrela|gwiazdk)|une étoile|jedną gwiazdk|bad review|negative review|terrible review|expose you|post (?:it|this) (?:online|everywhere)",
        // Spanish, Portuguese
        r"|contracargo|retrocargo|disputa|reclamación (?:a|en) paypal|abogad[oa]|demanda(?:r|ré)?\b|denuncia|\bocu\b|facua|oficina (?:municipal )?del? consumidor|tribunal|juzgado|reseña negativa|mala reseña|una estrella",
        r"|estorno (?:no|junto ao|pelo) (?:cartão|banco)|pedir (?:o )?estorno ao banco|advogad[oa]|procon|reclame aqui|\bdeco\b|processo judicial|vou processar|processar vocês|avaliação negativa",
        // French, Italian
        r"|rétrofacturation|litige|opposition bancaire|avocat|tribunal|dgccrf|60 millions|plainte|mauvais avis|avis négatif|une étoile",
        r"|riaddebito|contestazione|avvocato|denuncia|agcm|tribunale|recensione negativa|una stella|codacons",
        // German, Dutch, Polish
        r"|rückbuchung|rücklastschrift|anwalt|rechtsanwalt|\bklage\b|verklagen|verbraucherzentrale|\bgericht\b|schlechte bewertung|negative bewertung|einen stern",
        r"|terugboeking|advocaat|\brechter\b|rechtszaak|consuwijzer|\bacm\b|slechte review|negatieve review",
        r"|obciążenie zwrotne|chargeback|\bspór\b|prawnik|adwokat|pozew|\bsąd(?:u|em|zie)?\b|uokik|rzecznik(?:a)? (?:praw )?konsument|negatywn[aą] opini",
        // Japanese, Chinese, Korean, Arabic
        r"|チャージバック|弁護士|訴訟|訴えます|消費生活センター|国民生活センター|法的措置|異議申し立て|低評価|星1",
        r"|拒付|退单|律师|起诉|法院|12315|消协|消费者协会|投诉到|差评|争议",
        r"|지불 ?거절|차지백|변호사|소송|고소|소비자원|소비자보호원|공정위|악플|별점 ?1",
        r"|محام|دعوى|قضائي|المحكمة|حماية المستهلك|استرجاع المبلغ من البنك|اعتراض على (?:العملية|الدفع)|تقييم سلبي|نجمة واحدة",
        r")",
    ))
    .expect("valid regex")
});

/// Whether the customer threatens or reports a dispute, legal step, authority or review leverage.
pub fn is_threat(text: &str) -> bool {
    THREAT.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::is_threat;

    #[test]
    fn threats_in_every_language() {
        for t in [
            "I will file a chargeback with my bank",
            "my lawyer will contact you",
            "Voy a abrir una disputa en PayPal",
            "je vais contacter un avocat",
            "Ich gehe zur Verbraucherzentrale",
            "farò denuncia",
            "vou abrir reclamação no Procon",
            "ik schakel een advocaat in",
            "zgłoszę sprawę do UOKiK",
            "弁護士に相談します",
            "我要打12315投诉",
            "변호사와 상담하겠습니다",
            "سأتواصل مع حماية المستهلك",
            "refund me or I leave a 1-star review everywhere",
            "Sonst schreibe ich überall 1-Stern-Bewertungen",
            "Otworzyłam spór w PayPal",
        ] {
            assert!(is_threat(t), "{t}");
        }
    }

    #[test]
    fn ordinary_messages_are_not_threats() {
        for t in ["Where is my parcel?", "¿Cuándo llega mi pedido?", "Ich möchte die Bestellung stornieren", "荷物はいつ届きますか", "Can I leave a review for the jacket?", "Alguma novidade do meu estorno?"] {
            assert!(!is_threat(t), "{t}");
        }
    }
}
