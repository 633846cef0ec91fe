# Meridian-Antwortvorlagen — Deutsch (Sie-Form).
# Dieselben IDs und Variablen wie en.ftl; Fakten stammen immer aus den Variablen.

## Anrede und Gruß

greeting = Guten Tag { $name },
closing =
    Freundliche Grüße
    { $agent } – { $store }

## Sendungsverfolgung

track-in-transit = Ihre Bestellung { $order } ist mit { $carrier } unterwegs (Sendungsnummer: { $tracking }). Der letzte Scan erfolgte am { $when } in { $place }; die Zustellung wird bis spätestens { $eta } erwartet.
track-delivered = Laut Versanddienstleister wurde Ihre Bestellung { $order } am { $when } in { $place } zugestellt.
track-not-shipped = Ihre Bestellung { $order } vom { $placed } wird gerade vorbereitet und hat unser Lager noch nicht verlassen. Sobald sie versandt ist, erhalten Sie die Sendungsnummer per E-Mail.
track-customs = Das Paket zu Ihrer Bestellung { $order } wird seit { $when } vom Zoll in { $place } zurückgehalten. Die Zollabfertigung kann einige Tage dauern.
track-failed-attempt = Der Zusteller hat am { $when } versucht, Ihre Bestellung { $order } in { $place } zuzustellen, es war aber niemand erreichbar. Er hat eine Benachrichtigung hinterlassen, aus der der nächste Zustellversuch oder die Abholstelle hervorgeht.
track-late = Wir hatten Ihnen die Lieferung bis spätestens { $promised } zugesagt, der Versanddienstleister rechnet nun jedoch mit einer Zustellung bis { $eta }. Bitte entschuldigen Sie die Verzögerung.
track-no-eta = Der Versanddienstleister hat noch keinen neuen Liefertermin genannt; wir fragen dort bereits nach.
ask-order-number = Wir konnten Ihre Bestellung anhand Ihrer Nachricht leider nicht finden. Bitte antworten Sie uns mit Ihrer Bestellnummer – Sie finden sie in der Bestellbestätigung, die Sie per E-Mail erhalten haben. Dann prüfen wir das sofort für Sie.
data-stale = Die letzte Aktualisierung der Sendungsverfolgung, die uns vorliegt, stammt vom { $updated }. Wir haben beim Versanddienstleister aktuelle Informationen angefordert.

## Lieferzeiten

delivery-period-order = Ihre Bestellung { $order } sollte bis spätestens { $eta } bei Ihnen ankommen.
delivery-period-general = Die Lieferung dauert in der Regel { $min }–{ $max ->
        [one] { $max } Werktag
       *[other] { $max } Werktage
    } ab Versand.
missing-delivered = { $carrier } hat Ihre Bestellung { $order } (Sendungsnummer: { $tracking }) am { $when } in { $place } als zugestellt gemeldet. Bitte sehen Sie in Ihrem Briefkasten nach, fragen Sie bei Ihren Nachbarn und prüfen Sie einen eventuellen Empfang oder Ablageort. Sollten Sie die Sendung nicht innerhalb von 48 Stunden finden, antworten Sie einfach auf diese Nachricht – wir leiten dann beim Versanddienstleister einen Nachforschungsauftrag ein.

## Rücksendungen und Erstattungen

return-window = Sie können Artikel aus der Bestellung { $order } innerhalb von { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } nach Zustellung zurückgeben, also bis { $deadline }.
return-eu-right = Innerhalb der EU steht Ihnen außerdem das gesetzliche Widerrufsrecht von { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } zu.
return-steps =
    1. Antworten Sie auf diese Nachricht und nennen Sie die Artikel, die Sie zurückgeben möchten, sowie den Grund.
    2. Wir senden Ihnen ein Rücksendeetikett und eine Anleitung.
    3. Verpacken Sie die Artikel unbenutzt mit Originaletiketten und Originalverpackung. Die Erstattung erfolgt, sobald die Rücksendung bei uns eingegangen ist.
refund-how = Die Erstattung von { $amount } für die Bestellung { $order } erfolgt nach Freigabe innerhalb von { $days ->
        [one] { $days } Werktag
       *[other] { $days } Werktagen
    } auf Ihre ursprüngliche Zahlungsmethode.
refund-status = Am { $when } haben wir für die Bestellung { $order } eine Erstattung von { $amount } veranlasst. Es kann einige Werktage dauern, bis Ihre Bank sie anzeigt.
refund-policy = Kurz zusammengefasst: Rücksendungen sind innerhalb von { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } nach Zustellung möglich, sofern die Artikel unbenutzt und noch mit Etiketten versehen sind. Die Erstattung erfolgt auf Ihre ursprüngliche Zahlungsmethode.

## Änderungen an der Bestellung

cancel-possible = Ihre Bestellung { $order } wurde noch nicht versandt und kann daher storniert werden. Ein Teammitglied bestätigt die Stornierung gerade, und Sie erhalten in Kürze eine Bestätigung per E-Mail.
cancel-shipped = Ihre Bestellung { $order } ist bereits mit { $carrier } unterwegs und kann leider nicht mehr storniert werden. Nach der Zustellung können Sie sie gern zurücksenden.
address-possible = Ihre Bestellung { $order } wurde noch nicht versandt, die Adresse lässt sich also noch ändern. Bitte bestätigen Sie uns die vollständige neue Adresse (Straße, Hausnummer, Postleitzahl, Ort, Land und Telefonnummer); ein Teammitglied aktualisiert sie dann vor dem Versand.
address-shipped = Ihre Bestellung { $order } wurde bereits an { $carrier } übergeben (Sendungsnummer: { $tracking }). Die Adresse kann daher nur noch direkt beim Versanddienstleister geändert werden.

## Probleme

damaged = Es tut uns sehr leid, dass der Artikel „{ $product }“ aus Ihrer Bestellung { $order } beschädigt oder falsch bei Ihnen angekommen ist. Könnten Sie uns bitte ein Foto des Artikels und der Verpackung senden? Dann schicken wir Ihnen Ersatz oder erstatten Ihnen den Betrag.
customs = Für Ihre Bestellung { $order } gilt: Bei Sendungen in das Lieferland { $country } stellt der Zoll Einfuhrabgaben und Steuern dem Empfänger bei der Zustellung in Rechnung. Der Versanddienstleister teilt Ihnen den Betrag mit; nach der Bezahlung wird das Paket freigegeben.
generic-ack = Vielen Dank für Ihre Nachricht. Wir kümmern uns darum und melden uns in Kürze bei Ihnen.

## Formate

# $year wird übergeben, aber nicht angezeigt.
date-format = { $weekday }, { $day }. { $month }
time-format = { $hour }:{ $minute } Uhr
datetime-format = { $date } um { $time }

month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag

money-format = { $amount } { $symbol }
decimal-separator = ,
group-separator = .
