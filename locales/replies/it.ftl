# Modelli di risposta Meridian — italiano (forma di cortesia, Lei).
# Stessi id e variabili di en.ftl; i dati provengono sempre dalle variabili.

## Apertura e chiusura

greeting = Gentile { $name },
closing =
    Cordiali saluti,
    { $agent } – { $store }

## Tracciamento

track-in-transit = Il Suo ordine { $order } è in viaggio con { $carrier } (numero di tracciamento: { $tracking }). L’ultima scansione è avvenuta a { $place } { $when }, e la consegna è prevista entro { $eta }.
track-delivered = Secondo il corriere, il Suo ordine { $order } è stato consegnato a { $place } { $when }.
track-not-shipped = Il Suo ordine { $order }, effettuato { $placed }, è in preparazione e non ha ancora lasciato il nostro magazzino. Appena verrà spedito, Le invieremo il numero di tracciamento via e-mail.
track-customs = Il pacco del Suo ordine { $order } è fermo in dogana a { $place } da { $when }. Lo sdoganamento può richiedere alcuni giorni.
track-failed-attempt = Il corriere ha tentato di consegnare il Suo ordine { $order } a { $place } { $when }, ma non ha trovato nessuno. Ha lasciato un avviso con le indicazioni per il prossimo tentativo di consegna o per il ritiro del pacco.
track-late = Le avevamo promesso la consegna entro { $promised }, ma ora il corriere la prevede entro { $eta }. Ci scusiamo per il ritardo.
track-no-eta = Il corriere non ha ancora comunicato una nuova data di consegna; lo stiamo sollecitando.
ask-order-number = Non siamo riusciti a individuare il Suo ordine a partire dal messaggio. Può rispondere indicandoci il numero d’ordine? Lo trova nell’e-mail di conferma dell’ordine. Così potremo verificare subito.
data-stale = L’ultimo aggiornamento di tracciamento in nostro possesso risale a { $updated }; abbiamo chiesto al corriere informazioni aggiornate.

## Tempi di consegna

delivery-period-order = Il Suo ordine { $order } dovrebbe arrivare entro { $eta }.
delivery-period-general = La consegna richiede di solito da { $min } a { $max ->
        [one] { $max } giorno lavorativo
       *[other] { $max } giorni lavorativi
    } dalla spedizione.
missing-delivered = Il corriere { $carrier } ha registrato il Suo ordine { $order } (numero di tracciamento: { $tracking }) come consegnato a { $place } { $when }. La preghiamo di controllare la cassetta postale, chiedere ai vicini e verificare in portineria o in un eventuale luogo sicuro. Se entro 48 ore non trova il pacco, risponda a questo messaggio e apriremo un’indagine con il corriere.

## Resi e rimborsi

return-window = Può restituire gli articoli dell’ordine { $order } entro { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    } dalla consegna, cioè fino a { $deadline }.
return-eu-right = Nell’UE dispone inoltre del diritto di recesso previsto dalla legge, pari a { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }.
return-steps =
    1. Risponda a questo messaggio indicando gli articoli da restituire e il motivo del reso.
    2. Le invieremo un’etichetta di reso e le istruzioni.
    3. Imballi gli articoli non utilizzati, con i cartellini e la confezione originali. Il rimborso avverrà non appena il reso sarà arrivato da noi.
refund-how = Il rimborso di { $amount } per l’ordine { $order } verrà accreditato sul metodo di pagamento originale entro { $days ->
        [one] { $days } giorno lavorativo
       *[other] { $days } giorni lavorativi
    } dall’approvazione.
refund-status = Il rimborso di { $amount } per l’ordine { $order } è stato emesso { $when }. La banca potrebbe impiegare alcuni giorni lavorativi per renderlo visibile.
refund-policy = In breve: può restituire gli articoli entro { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    } dalla consegna, purché non utilizzati e con i cartellini ancora attaccati; il rimborso avviene sul metodo di pagamento originale.

## Modifiche all’ordine

cancel-possible = Il Suo ordine { $order } non è ancora stato spedito, quindi può essere annullato. Un membro del nostro team sta confermando l’annullamento proprio ora: a breve Le arriverà un’e-mail di conferma.
cancel-shipped = Il Suo ordine { $order } è già partito con { $carrier } e purtroppo non può più essere annullato. Dopo la consegna potrà comunque restituirlo.
address-possible = Il Suo ordine { $order } non è ancora stato spedito, quindi possiamo ancora modificare l’indirizzo. Ci confermi il nuovo indirizzo completo (via, numero civico, CAP, città, paese e telefono): un membro del nostro team lo aggiornerà prima della spedizione.
address-shipped = Il Suo ordine { $order } è già stato affidato a { $carrier } (numero di tracciamento: { $tracking }), quindi l’indirizzo può essere modificato solo direttamente con il corriere.

## Problemi

damaged = Ci dispiace molto che l’articolo “{ $product }” del Suo ordine { $order } sia arrivato danneggiato o non corrisponda a quanto ordinato. Può inviarci una foto dell’articolo e dell’imballaggio? Così potremo procedere con una sostituzione o un rimborso.
customs = Per le spedizioni con destinazione { $country }, come il Suo ordine { $order }, dazi e imposte di importazione vengono addebitati dalla dogana al destinatario al momento della consegna. Il corriere Le comunicherà l’importo; una volta pagato, il pacco verrà svincolato.
generic-ack = Grazie per il Suo messaggio. Ce ne stiamo occupando e Le risponderemo a breve.

## Formati

# $year viene passato ma non mostrato. $day: «1º» per il primo del mese
# quando il codice passa un numero.
date-format = { $weekday } { $day ->
        [1] 1º
       *[other] { $day }
    } { $month }
time-format = { $hour }:{ $minute }
datetime-format = { $date }, ore { $time }

month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre

weekday-1 = lunedì
weekday-2 = martedì
weekday-3 = mercoledì
weekday-4 = giovedì
weekday-5 = venerdì
weekday-6 = sabato
weekday-7 = domenica

money-format = { $amount } { $symbol }
decimal-separator = ,
group-separator = .
