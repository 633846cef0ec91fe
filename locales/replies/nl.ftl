# Meridian-antwoordsjablonen — Nederlands (u-vorm).
# Dezelfde ids en variabelen als en.ftl; feiten komen altijd uit de variabelen.

## Aanhef en afsluiting

greeting = Beste { $name },
closing =
    Met vriendelijke groet,
    { $agent } – { $store }

## Track & trace

track-in-transit = Uw bestelling { $order } is onderweg met { $carrier } (trackingnummer: { $tracking }). De laatste scan was op { $when } in { $place }, en de bezorging wordt uiterlijk { $eta } verwacht.
track-delivered = Volgens de vervoerder is uw bestelling { $order } op { $when } in { $place } bezorgd.
track-not-shipped = Uw bestelling { $order }, geplaatst op { $placed }, wordt klaargemaakt en heeft ons magazijn nog niet verlaten. Zodra de bestelling verzonden is, ontvangt u het trackingnummer per e-mail.
track-customs = Het pakket van uw bestelling { $order } wordt sinds { $when } door de douane in { $place } vastgehouden. De douaneafhandeling kan enkele dagen duren.
track-failed-attempt = De vervoerder heeft op { $when } geprobeerd uw bestelling { $order } in { $place } te bezorgen, maar er was niemand aanwezig. Er is een kaartje achtergelaten met informatie over de volgende bezorgpoging of het afhaalpunt.
track-late = We hadden bezorging uiterlijk { $promised } beloofd, maar de vervoerder verwacht de bezorging nu uiterlijk { $eta }. Onze excuses voor de vertraging.
track-no-eta = De vervoerder heeft nog geen nieuwe leverdatum doorgegeven; wij vragen daar actief naar.
ask-order-number = We konden uw bestelling niet vinden op basis van uw bericht. Wilt u ons uw bestelnummer laten weten? U vindt het in de orderbevestiging die u per e-mail hebt ontvangen. Dan kijken we het direct voor u na.
data-stale = De laatste trackingupdate die wij hebben, is van { $updated }. We hebben de vervoerder om actuele informatie gevraagd.

## Levertijden

delivery-period-order = Uw bestelling { $order } wordt uiterlijk { $eta } bij u bezorgd.
delivery-period-general = De levering duurt meestal { $min } tot { $max ->
        [one] { $max } werkdag
       *[other] { $max } werkdagen
    } na verzending.
missing-delivered = Volgens { $carrier } is uw bestelling { $order } (trackingnummer: { $tracking }) op { $when } in { $place } bezorgd. Wilt u uw brievenbus controleren, bij uw buren navragen en kijken bij een eventuele receptie of veilige afleverplek? Vindt u het pakket niet binnen 48 uur, beantwoord dan dit bericht; wij starten dan een onderzoek bij de vervoerder.

## Retouren en terugbetalingen

return-window = U kunt artikelen uit bestelling { $order } binnen { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } na levering retourneren, dus uiterlijk { $deadline }.
return-eu-right = Binnen de EU heeft u daarnaast een wettelijk herroepingsrecht van { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }.
return-steps =
    1. Beantwoord dit bericht en vermeld welke artikelen u wilt retourneren en waarom.
    2. Wij sturen u een retourlabel en instructies.
    3. Verpak de artikelen ongebruikt, met de originele kaartjes en verpakking. U krijgt uw geld terug zodra de retourzending bij ons binnen is.
refund-how = Het bedrag van { $amount } voor bestelling { $order } wordt binnen { $days ->
        [one] { $days } werkdag
       *[other] { $days } werkdagen
    } na goedkeuring teruggestort via de oorspronkelijke betaalmethode.
refund-status = Op { $when } hebben wij { $amount } voor bestelling { $order } terugbetaald. Het kan enkele werkdagen duren voordat het bedrag zichtbaar is bij uw bank.
refund-policy = Kort samengevat: u kunt artikelen binnen { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } na levering retourneren, mits ongebruikt en met de kaartjes er nog aan. Wij betalen terug via de oorspronkelijke betaalmethode.

## Wijzigingen in de bestelling

cancel-possible = Uw bestelling { $order } is nog niet verzonden en kan dus worden geannuleerd. Een collega bevestigt de annulering op dit moment, en u ontvangt binnenkort een e-mail ter bevestiging.
cancel-shipped = Uw bestelling { $order } is al met { $carrier } onderweg en kan helaas niet meer worden geannuleerd. Na ontvangst kunt u de bestelling wel retourneren.
address-possible = Uw bestelling { $order } is nog niet verzonden, dus het adres kan nog worden aangepast. Wilt u het volledige nieuwe adres bevestigen (straat, huisnummer, postcode, plaats, land en telefoonnummer)? Een collega past het dan vóór verzending aan.
address-shipped = Uw bestelling { $order } is al overgedragen aan { $carrier } (trackingnummer: { $tracking }). Het adres kan daarom alleen nog rechtstreeks via de vervoerder worden gewijzigd.

## Problemen

damaged = Het spijt ons zeer dat het artikel ‘{ $product }’ uit uw bestelling { $order } beschadigd of onjuist is aangekomen. Wilt u ons een foto sturen van het artikel en van de verpakking? Dan zorgen wij voor een vervangend artikel of een terugbetaling.
customs = Voor pakketten naar { $country }, zoals uw bestelling { $order }, brengt de douane bij levering invoerrechten en belastingen in rekening bij de ontvanger. De vervoerder laat u het bedrag weten; na betaling wordt het pakket vrijgegeven.
generic-ack = Hartelijk dank voor uw bericht. We zoeken het uit en komen zo snel mogelijk bij u terug.

## Notaties

# $year wordt meegegeven maar niet getoond.
date-format = { $weekday } { $day } { $month }
time-format = { $hour }:{ $minute } uur
datetime-format = { $date } om { $time }

month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag

# In het Nederlands staat het valutateken vóór het bedrag: € 12,50.
money-format = { $symbol } { $amount }
decimal-separator = ,
group-separator = .
