# Plantillas de respuesta de Meridian — español (neutro, trato de usted).
# Mismos ids y variables que en.ftl; los datos vienen siempre de las variables.

## Encabezado y despedida

greeting = Hola, { $name }:
closing =
    Un cordial saludo,
    { $agent } – { $store }

## Seguimiento

track-in-transit = Su pedido { $order } está en camino con { $carrier } (número de seguimiento: { $tracking }). El último escaneo se registró en { $place } el { $when }, y la entrega está prevista a más tardar el { $eta }.
track-delivered = Según el transportista, su pedido { $order } se entregó en { $place } el { $when }.
track-not-shipped = Su pedido { $order }, realizado el { $placed }, se está preparando y todavía no ha salido de nuestro almacén. En cuanto se envíe, le mandaremos el número de seguimiento por correo electrónico.
track-customs = El paquete de su pedido { $order } está retenido en la aduana de { $place } desde el { $when }. El despacho de aduanas puede tardar algunos días.
track-failed-attempt = El transportista intentó entregar su pedido { $order } en { $place } el { $when }, pero no había nadie disponible. Dejó un aviso con la información del siguiente intento de entrega o del lugar donde puede recoger el paquete.
track-late = Le habíamos prometido la entrega a más tardar el { $promised }, pero el transportista la prevé ahora para el { $eta }. Le pedimos disculpas por el retraso.
track-no-eta = El transportista aún no ha indicado una nueva fecha de entrega; estamos en contacto con ellos para obtenerla.
ask-order-number = No hemos podido localizar su pedido a partir de su mensaje. ¿Podría responder indicándonos el número de pedido? Lo encontrará en el correo de confirmación del pedido. Así podremos revisarlo enseguida.
data-stale = La última actualización de seguimiento que tenemos es del { $updated }, por lo que hemos pedido al transportista información más reciente.

## Plazos de entrega

delivery-period-order = Su pedido { $order } debería llegar a más tardar el { $eta }.
delivery-period-general = La entrega suele tardar entre { $min } y { $max ->
        [one] { $max } día hábil
       *[other] { $max } días hábiles
    } desde el envío.
missing-delivered = { $carrier } ha marcado su pedido { $order } (número de seguimiento: { $tracking }) como entregado en { $place } el { $when }. Le rogamos que revise su buzón, pregunte a sus vecinos y compruebe la recepción o cualquier lugar seguro donde hayan podido dejarlo. Si no lo encuentra en un plazo de 48 horas, responda a este mensaje y abriremos una investigación con el transportista.

## Devoluciones y reembolsos

return-window = Puede devolver artículos del pedido { $order } en un plazo de { $days ->
        [one] { $days } día
       *[other] { $days } días
    } desde la entrega, es decir, hasta el { $deadline }.
return-eu-right = Además, dentro de la UE tiene el derecho legal de desistimiento, con un plazo de { $days ->
        [one] { $days } día
       *[other] { $days } días
    }.
return-steps =
    1. Responda a este mensaje indicando los artículos que desea devolver y el motivo.
    2. Le enviaremos una etiqueta de devolución y las instrucciones.
    3. Embale los artículos sin usar, con sus etiquetas y su embalaje originales. Le reembolsaremos el importe en cuanto recibamos la devolución.
refund-how = El reembolso de { $amount } del pedido { $order } se abonará en su método de pago original en un plazo de { $days ->
        [one] { $days } día hábil
       *[other] { $days } días hábiles
    } tras su aprobación.
refund-status = Emitimos un reembolso de { $amount } por el pedido { $order } el { $when }. Su banco puede tardar algunos días hábiles en reflejarlo.
refund-policy = En resumen: puede devolver los artículos en un plazo de { $days ->
        [one] { $days } día
       *[other] { $days } días
    } desde la entrega, siempre que estén sin usar y conserven sus etiquetas, y le reembolsamos el importe en su método de pago original.

## Cambios en el pedido

cancel-possible = Su pedido { $order } todavía no se ha enviado, así que aún puede cancelarse. Un compañero está confirmando la cancelación en este momento y en breve le llegará un correo electrónico de confirmación.
cancel-shipped = Su pedido { $order } ya ha salido con { $carrier }, por lo que lamentablemente ya no se puede cancelar. Una vez que lo reciba, podrá devolverlo.
address-possible = Su pedido { $order } todavía no se ha enviado, así que aún podemos cambiar la dirección. Por favor, confírmenos la nueva dirección completa (calle, número, código postal, ciudad, país y teléfono) y un compañero la actualizará antes del envío.
address-shipped = Su pedido { $order } ya se ha entregado a { $carrier } (número de seguimiento: { $tracking }), por lo que la dirección solo puede modificarse directamente con el transportista.

## Incidencias

damaged = Sentimos mucho que el artículo «{ $product }» de su pedido { $order } haya llegado dañado o no sea el que pidió. ¿Podría enviarnos una foto del artículo y del embalaje? Así podremos enviarle un reemplazo o reembolsarle el importe.
customs = En los envíos con destino a { $country }, como su pedido { $order }, la aduana cobra los aranceles e impuestos de importación al destinatario en el momento de la entrega. El transportista le indicará el importe y, una vez pagado, se liberará el paquete.
generic-ack = Gracias por su mensaje. Lo estamos revisando y le responderemos en breve.

## Formatos

# $year se recibe pero no se muestra.
date-format = { $weekday }, { $day } de { $month }
time-format = { $hour }:{ $minute } h
datetime-format = { $date }, { $time }

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo

money-format = { $amount } { $symbol }
decimal-separator = ,
group-separator = .
