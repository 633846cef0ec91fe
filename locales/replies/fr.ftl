# Modèles de réponse Meridian — français (vouvoiement).
# Mêmes identifiants et variables que en.ftl ; les faits viennent toujours des variables.

## En-tête et formule de politesse

greeting = Bonjour { $name },
closing =
    Bien cordialement,
    { $agent } – { $store }

## Suivi

track-in-transit = Votre commande { $order } est en route avec { $carrier } (numéro de suivi : { $tracking }). Le dernier scan a eu lieu à { $place } le { $when }, et la livraison est prévue au plus tard le { $eta }.
track-delivered = D’après le transporteur, votre commande { $order } a été livrée à { $place } le { $when }.
track-not-shipped = Votre commande { $order }, passée le { $placed }, est en cours de préparation et n’a pas encore quitté notre entrepôt. Nous vous enverrons le numéro de suivi par e-mail dès son expédition.
track-customs = Le colis de votre commande { $order } est retenu par la douane à { $place } depuis le { $when }. Le dédouanement peut prendre quelques jours.
track-failed-attempt = Le transporteur a tenté de livrer votre commande { $order } à { $place } le { $when }, mais personne n’était disponible. Il a laissé un avis de passage indiquant la prochaine tentative de livraison ou le point de retrait du colis.
track-late = Nous vous avions promis une livraison au plus tard le { $promised }, mais le transporteur l’annonce désormais pour le { $eta }. Nous sommes sincèrement désolés pour ce retard.
track-no-eta = Le transporteur n’a pas encore communiqué de nouvelle date de livraison ; nous le relançons pour l’obtenir.
ask-order-number = Nous n’avons pas pu retrouver votre commande à partir de votre message. Pourriez-vous nous répondre en indiquant votre numéro de commande ? Il figure dans l’e-mail de confirmation de commande. Nous pourrons ainsi vérifier rapidement.
data-stale = La dernière mise à jour de suivi dont nous disposons date du { $updated } ; nous avons demandé des informations plus récentes au transporteur.

## Délais de livraison

delivery-period-order = Votre commande { $order } devrait arriver au plus tard le { $eta }.
delivery-period-general = La livraison prend généralement de { $min } à { $max ->
        [one] { $max } jour ouvré
       *[other] { $max } jours ouvrés
    } après l’expédition.
missing-delivered = Le transporteur { $carrier } indique que votre commande { $order } (numéro de suivi : { $tracking }) a été livrée à { $place } le { $when }. Nous vous invitons à vérifier votre boîte aux lettres, à demander à vos voisins et à regarder à l’accueil ou dans un éventuel lieu sûr. Si vous ne la retrouvez pas d’ici 48 heures, répondez simplement à ce message et nous ouvrirons une enquête auprès du transporteur.

## Retours et remboursements

return-window = Vous pouvez retourner des articles de la commande { $order } dans un délai de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } après la livraison, soit jusqu’au { $deadline }.
return-eu-right = Au sein de l’UE, vous bénéficiez en outre d’un droit légal de rétractation de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }.
return-steps =
    1. Répondez à ce message en indiquant les articles à retourner et le motif du retour.
    2. Nous vous envoyons une étiquette de retour et les instructions.
    3. Emballez les articles non utilisés, avec leurs étiquettes et leur emballage d’origine. Le remboursement est effectué dès réception du retour.
refund-how = Le remboursement de { $amount } pour la commande { $order } sera effectué sur votre moyen de paiement initial dans un délai de { $days ->
        [one] { $days } jour ouvré
       *[other] { $days } jours ouvrés
    } après validation.
refund-status = Un remboursement de { $amount } pour la commande { $order } a été émis le { $when }. Votre banque peut mettre quelques jours ouvrés à le faire apparaître.
refund-policy = En résumé : vous pouvez retourner vos articles dans un délai de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } après la livraison, à condition qu’ils soient inutilisés et portent encore leurs étiquettes ; le remboursement se fait sur votre moyen de paiement initial.

## Modifications de commande

cancel-possible = Votre commande { $order } n’a pas encore été expédiée : elle peut donc être annulée. Un membre de notre équipe confirme l’annulation en ce moment, et vous recevrez un e-mail de confirmation sous peu.
cancel-shipped = Votre commande { $order } est déjà partie avec { $carrier } et ne peut malheureusement plus être annulée. Une fois qu’elle vous aura été livrée, vous pourrez la retourner.
address-possible = Votre commande { $order } n’a pas encore été expédiée, l’adresse peut donc encore être modifiée. Merci de nous confirmer la nouvelle adresse complète (rue, numéro, code postal, ville, pays et numéro de téléphone) ; un membre de notre équipe la mettra à jour avant l’expédition.
address-shipped = Votre commande { $order } a déjà été remise à { $carrier } (numéro de suivi : { $tracking }) ; l’adresse ne peut donc plus être modifiée que directement auprès du transporteur.

## Problèmes

damaged = Nous sommes vraiment désolés que l’article « { $product } » de votre commande { $order } soit arrivé endommagé ou ne corresponde pas à ce que vous aviez commandé. Pourriez-vous nous envoyer une photo de l’article et de l’emballage ? Nous pourrons ainsi vous envoyer un article de remplacement ou vous rembourser.
customs = Pour votre commande { $order } (pays de livraison : { $country }), les droits et taxes d’importation sont facturés au destinataire par la douane à la livraison. Le transporteur vous en communiquera le montant ; une fois celui-ci réglé, le colis vous sera remis.
generic-ack = Merci pour votre message. Nous l’examinons et revenons vers vous très rapidement.

## Formats

# $year est transmis mais pas affiché. $day : « 1er » pour le premier du mois
# lorsque le code passe un nombre.
date-format = { $weekday } { $day ->
        [1] 1er
       *[other] { $day }
    } { $month }
time-format = { $hour } h { $minute }
datetime-format = { $date } à { $time }

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

money-format = { $amount } { $symbol }
decimal-separator = ,
group-separator = { " " }
