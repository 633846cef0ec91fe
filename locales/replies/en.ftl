# Meridian customer reply templates — English. The reference file: every other
# locales/replies/*.ftl file defines exactly the same message ids with the same
# variables. Facts only ever come from variables (see README.md).

## Letter frame

greeting = Hello { $name },
closing =
    Kind regards,
    { $agent } – { $store }

## Tracking

track-in-transit = Your order { $order } is on its way with { $carrier } (tracking number { $tracking }). The last scan was in { $place } on { $when }, and it should arrive by { $eta }.
track-delivered = According to the carrier, your order { $order } was delivered in { $place } on { $when }.
track-not-shipped = Your order { $order }, placed on { $placed }, is being prepared and has not left our warehouse yet. We will email you the tracking number as soon as it ships.
track-customs = The parcel for your order { $order } has been held by customs in { $place } since { $when }. Customs clearance can take a few days.
track-failed-attempt = The carrier tried to deliver your order { $order } in { $place } on { $when }, but nobody was available. They left a notice explaining the next delivery attempt or where you can collect the parcel.
track-late = We promised delivery by { $promised }, but the carrier now expects to deliver by { $eta }. We are sorry for the delay.
track-no-eta = The carrier has not given a new delivery date yet; we are following up with them.
ask-order-number = We could not find your order from your message. Could you reply with your order number? You will find it in your order confirmation email, and we will check right away.
data-stale = The latest tracking update we have is from { $updated }, so we have asked the carrier for fresh information.

## Delivery times

delivery-period-order = Your order { $order } should arrive by { $eta }.
delivery-period-general = Delivery usually takes { $min }–{ $max ->
        [one] { $max } business day
       *[other] { $max } business days
    } after dispatch.
missing-delivered = { $carrier } has marked your order { $order } (tracking number { $tracking }) as delivered in { $place } on { $when }. Please check your mailbox, ask your neighbours, and look at any reception desk or safe place. If you cannot find it within 48 hours, just reply to this message and we will open an investigation with the carrier.

## Returns and refunds

return-window = You can return items from order { $order } within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of delivery, that is until { $deadline }.
return-eu-right = Within the EU, you also have the statutory right to withdraw from your purchase within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
return-steps =
    1. Reply to this message with the items you would like to return and the reason.
    2. We will send you a return label and instructions.
    3. Pack the items unused, with their original tags and packaging. We will refund you as soon as the return reaches us.
refund-how = The refund of { $amount } for order { $order } goes back to your original payment method within { $days ->
        [one] { $days } business day
       *[other] { $days } business days
    } of approval.
refund-status = A refund of { $amount } for order { $order } was issued on { $when }. Your bank may take a few business days to show it.
refund-policy = In short: you can return items within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of delivery, as long as they are unused and still have their tags, and we refund you to your original payment method.

## Changes to an order

cancel-possible = Your order { $order } has not shipped yet, so it can still be cancelled. A colleague is confirming the cancellation now, and you will receive a confirmation email shortly.
cancel-shipped = Your order { $order } has already left with { $carrier }, so unfortunately it can no longer be cancelled. Once it has been delivered, you are welcome to return it.
address-possible = Your order { $order } has not shipped yet, so the address can still be changed. Please reply with the full new address (street, house number, postcode, city, country and phone number), and a colleague will update it before dispatch.
address-shipped = Your order { $order } has already been handed to { $carrier } (tracking number { $tracking }), so the address can now only be changed directly with the carrier.

## Problems

damaged = We are very sorry that “{ $product }” from your order { $order } arrived damaged or was not the item you ordered. Could you send us a photo of the item and of the packaging? We will then arrange a replacement or a refund.
customs = For parcels to { $country }, such as your order { $order }, import duties and taxes are charged by customs to the recipient on delivery. The carrier will let you know the amount, and once it is paid, the parcel is released.
generic-ack = Thank you for your message. We are looking into it and will get back to you shortly.

## Formats (used by the code to build the date, time and money strings above)

# $year is passed but not shown.
date-format = { $weekday }, { $month } { $day }
time-format = { $hour }:{ $minute }
datetime-format = { $date } at { $time }

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# Monday = 1 … Sunday = 7
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

money-format = { $symbol }{ $amount }
decimal-separator = .
group-separator = ,
