# Szablony odpowiedzi Meridian — polski (forma bezosobowa, bez Pan/Pani).
# Te same identyfikatory i zmienne co w en.ftl; fakty pochodzą wyłącznie ze zmiennych.
# Liczebniki: domyślny wariant to [many] (5 dni, 14 dni), bo to najczęstsza forma;
# [other] obsługuje ułamki (1,5 dnia).

## Powitanie i pożegnanie

greeting = Dzień dobry, { $name },
closing =
    Z serdecznymi pozdrowieniami
    { $agent } – { $store }

## Śledzenie przesyłki

track-in-transit = Zamówienie { $order } jest w drodze – przewozi je { $carrier } (numer przesyłki: { $tracking }). Ostatni skan: { $place }, { $when }. Przewidywana dostawa: do { $eta }.
track-delivered = Według przewoźnika zamówienie { $order } zostało doręczone { $when }. Miejsce doręczenia: { $place }.
track-not-shipped = Zamówienie { $order } złożone { $placed } jest w trakcie przygotowania i nie opuściło jeszcze naszego magazynu. Numer przesyłki prześlemy e-mailem, gdy tylko paczka zostanie nadana.
track-customs = Od { $when } paczka z zamówieniem { $order } jest zatrzymana przez urząd celny (lokalizacja: { $place }). Odprawa celna może potrwać kilka dni.
track-failed-attempt = Dnia { $when } przewoźnik próbował doręczyć zamówienie { $order } (miejsce: { $place }), ale nikogo nie zastał. Zostawił awizo z informacją o kolejnej próbie doręczenia lub o miejscu odbioru paczki.
track-late = Obiecaliśmy dostawę do { $promised }, ale przewoźnik przewiduje teraz doręczenie do { $eta }. Bardzo przepraszamy za opóźnienie.
track-no-eta = Przewoźnik nie podał jeszcze nowego terminu dostawy; jesteśmy z nim w kontakcie i pilnujemy sprawy.
ask-order-number = Nie udało nam się odnaleźć zamówienia na podstawie tej wiadomości. Prosimy o odpowiedź z numerem zamówienia – znajduje się on w e-mailu z potwierdzeniem zamówienia. Dzięki temu od razu sprawdzimy sprawę.
data-stale = Ostatnia aktualizacja statusu przesyłki, jaką mamy, pochodzi z { $updated }. Poprosiliśmy przewoźnika o aktualne informacje.

## Czas dostawy

delivery-period-order = Zamówienie { $order } powinno dotrzeć do { $eta }.
delivery-period-general = Dostawa trwa zwykle od { $min } do { $max ->
        [one] { $max } dnia roboczego
        [few] { $max } dni roboczych
       *[many] { $max } dni roboczych
        [other] { $max } dnia roboczego
    } po nadaniu.
missing-delivered = Przewoźnik { $carrier } oznaczył zamówienie { $order } (numer przesyłki: { $tracking }) jako doręczone { $when }. Miejsce doręczenia: { $place }. Prosimy sprawdzić skrzynkę pocztową, zapytać sąsiadów oraz zajrzeć do recepcji lub bezpiecznego miejsca, w którym mogła zostać zostawiona przesyłka. Jeśli paczka nie odnajdzie się w ciągu 48 godzin, prosimy o odpowiedź na tę wiadomość – wszczniemy wtedy u przewoźnika postępowanie wyjaśniające.

## Zwroty

return-window = Produkty z zamówienia { $order } można zwrócić w ciągu { $days ->
        [one] { $days } dnia
        [few] { $days } dni
       *[many] { $days } dni
        [other] { $days } dnia
    } od doręczenia, czyli do { $deadline }.
return-eu-right = Na terenie UE przysługuje także ustawowe prawo odstąpienia od umowy w ciągu { $days ->
        [one] { $days } dnia
        [few] { $days } dni
       *[many] { $days } dni
        [other] { $days } dnia
    }.
return-steps =
    1. Prosimy odpowiedzieć na tę wiadomość, podając produkty do zwrotu i powód zwrotu.
    2. Prześlemy etykietę zwrotną oraz instrukcję.
    3. Prosimy zapakować nieużywane produkty z oryginalnymi metkami, w oryginalnym opakowaniu. Pieniądze zwrócimy, gdy tylko przesyłka zwrotna do nas dotrze.
refund-how = Zwrot kwoty { $amount } za zamówienie { $order } trafi na pierwotną metodę płatności w ciągu { $days ->
        [one] { $days } dnia roboczego
        [few] { $days } dni roboczych
       *[many] { $days } dni roboczych
        [other] { $days } dnia roboczego
    } od zatwierdzenia.
refund-status = Zwrot kwoty { $amount } za zamówienie { $order } został zlecony { $when }. Zaksięgowanie go przez bank może potrwać kilka dni roboczych.
refund-policy = W skrócie: produkty można zwrócić w ciągu { $days ->
        [one] { $days } dnia
        [few] { $days } dni
       *[many] { $days } dni
        [other] { $days } dnia
    } od doręczenia, jeśli są nieużywane i mają metki; pieniądze zwracamy na pierwotną metodę płatności.

## Zmiany w zamówieniu

cancel-possible = Zamówienie { $order } nie zostało jeszcze wysłane, więc można je anulować. Ktoś z naszego zespołu właśnie potwierdza anulowanie – wkrótce prześlemy e-mail z potwierdzeniem.
cancel-shipped = Zamówienie { $order } zostało już przekazane przewoźnikowi { $carrier } i niestety nie można go już anulować. Po doręczeniu można je zwrócić.
address-possible = Zamówienie { $order } nie zostało jeszcze wysłane, więc adres można jeszcze zmienić. Prosimy o potwierdzenie pełnego nowego adresu (ulica, numer domu i mieszkania, kod pocztowy, miejscowość, kraj i numer telefonu) – ktoś z naszego zespołu zaktualizuje go przed wysyłką.
address-shipped = Zamówienie { $order } zostało już przekazane przewoźnikowi { $carrier } (numer przesyłki: { $tracking }), dlatego adres można zmienić już tylko bezpośrednio u przewoźnika.

## Problemy

damaged = Bardzo nam przykro, że produkt „{ $product }” z zamówienia { $order } dotarł uszkodzony lub niezgodny z zamówieniem. Prosimy o przesłanie zdjęcia produktu i opakowania – wtedy wyślemy produkt zastępczy lub zwrócimy pieniądze.
customs = W przypadku zamówienia { $order } (kraj docelowy: { $country }) cło i podatki importowe nalicza urząd celny, a płaci je odbiorca przy doręczeniu. Przewoźnik poinformuje o wysokości należności; po jej opłaceniu paczka zostanie wydana.
generic-ack = Dziękujemy za wiadomość. Zajmujemy się sprawą i wkrótce odpowiemy.

## Formaty

# $year jest przekazywany, ale nie jest wyświetlany. Data zaczyna się od dnia
# w dopełniaczu („14 listopada”), więc pasuje po „do”, „od”, „z” i bez przyimka.
date-format = { $day } { $month } ({ $weekday })
time-format = { $hour }:{ $minute }
datetime-format = { $date }, godz. { $time }

month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia

weekday-1 = poniedziałek
weekday-2 = wtorek
weekday-3 = środa
weekday-4 = czwartek
weekday-5 = piątek
weekday-6 = sobota
weekday-7 = niedziela

money-format = { $amount } { $symbol }
decimal-separator = ,
group-separator = { " " }
