# Meridian desktop UI — English (United States). The reference locale: every other
# locale must define exactly the same message ids (checked by ui/src/lib/locales.test.ts).

## App chrome

app-name = Meridian
app-loading = Starting Meridian…
search-label = Search conversations
search-placeholder = Search messages, orders, tracking numbers…
locale-label = Interface language
help-button = Keyboard shortcuts
pane-inbox = Inbox
pane-thread = Conversation
pane-context = Customer, order and shipping

## Filters

filter-status-label = Status
filter-language-label = Language
filter-channel-label = Channel
filter-intent-label = Intent
filter-any-status = All statuses
filter-any-language = All languages
filter-any-channel = All channels
filter-any-intent = All intents
# An option in a filter menu: the value's name and how many conversations have it.
filter-option = { $label } ({ $count })

## Conversation status

status-open = Open
status-waiting = Waiting on customer
status-autopilot = Autopilot
status-escalated = Escalated
status-snoozed = Snoozed
status-closed = Closed

## Channels

channel-email = Email
channel-amazon_messaging = Amazon Buyer Messages
channel-chat = Chat

## Priorities

priority-low = Low priority
priority-normal = Normal priority
priority-high = High priority
priority-urgent = Urgent

## Intents

intent-none = Not classified
intent-track_order = Track order
intent-track_refund = Track refund
intent-delivery_period = Delivery time
intent-delivery_options = Delivery options
intent-check_refund_policy = Refund policy
intent-check_cancellation_fee = Cancellation fee
intent-check_payment_methods = Payment methods
intent-check_invoice = Check invoice
intent-get_invoice = Request invoice
intent-create_account = Create account
intent-edit_account = Edit account
intent-recover_password = Password recovery
intent-registration_problems = Registration problem
intent-switch_account = Switch account
intent-newsletter_subscription = Newsletter
intent-set_up_shipping_address = Set up shipping address
intent-place_order = Place an order
intent-review = Review or feedback
intent-contact_customer_service = Contact customer service
intent-customs_duties = Customs and duties
intent-cancel_order = Cancel order
intent-change_order = Change order
intent-change_shipping_address = Change shipping address
intent-get_refund = Refund request
intent-return_item = Return item
intent-damaged_or_wrong_item = Damaged or wrong item
intent-missing_package = Missing package
intent-payment_issue = Payment issue
intent-delete_account = Delete account
intent-product_question = Product question
intent-other = Other
intent-complaint = Complaint
intent-contact_human_agent = Asks for a person
intent-dispute = Dispute or chargeback
intent-privacy_request = Privacy request

## Platforms

platform-shopify = Shopify
platform-amazon = Amazon
platform-woocommerce = WooCommerce

## Payment (financial) status

financial-pending = Payment pending
financial-authorized = Authorized
financial-paid = Paid
financial-partially_paid = Partially paid
financial-partially_refunded = Partially refunded
financial-refunded = Refunded
financial-voided = Voided
financial-expired = Payment expired

## Fulfilment status

fulfillment-unfulfilled = Unfulfilled
fulfillment-in_progress = In progress
fulfillment-on_hold = On hold
fulfillment-scheduled = Scheduled
fulfillment-partially_fulfilled = Partially fulfilled
fulfillment-fulfilled = Fulfilled
fulfillment-cancelled = Cancelled

## Shipment status

shipment-status-pending = Pending
shipment-status-info_received = Label created
shipment-status-in_transit = In transit
shipment-status-customs = In customs
shipment-status-out_for_delivery = Out for delivery
shipment-status-available_for_pickup = Ready for pickup
shipment-status-delivered = Delivered
shipment-status-failed_attempt = Delivery attempt failed
shipment-status-exception = Exception
shipment-status-returned = Returned to sender
shipment-status-expired = Tracking expired

## Carriers (brand names stay as the carrier writes them)

carrier-ups = UPS
carrier-usps = USPS
carrier-fedex = FedEx
carrier-dhl = DHL Express
carrier-china_post = China Post
carrier-yunexpress = YunExpress
carrier-post = Postal service
carrier-other = Other carrier

## Assist actions on a draft

action-autopilot = Autopilot may send
action-approve = Needs approval
action-escalate = Escalated to a person

## Customer identities

identity-email = Email
identity-amazon_alias = Amazon alias
identity-phone = Phone
identity-platform_id = Platform ID

## Relative time and durations

time-just-now = just now
time-minutes-ago =
    { $count ->
        [one] 1 minute ago
       *[other] { $count } minutes ago
    }
time-hours-ago =
    { $count ->
        [one] 1 hour ago
       *[other] { $count } hours ago
    }
time-yesterday = yesterday
time-days-ago =
    { $count ->
        [one] 1 day ago
       *[other] { $count } days ago
    }
duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days =
    { $days ->
        [one] 1 day
       *[other] { $days } days
    }
updated-ago = Updated { $ago }

## Inbox

inbox-count =
    { $count ->
        [one] { $count } conversation
       *[other] { $count } conversations
    }
inbox-count-more = { $count }+ conversations
inbox-loading = Loading conversations…
inbox-loading-more = Loading more…
inbox-load-more = Load more
inbox-empty = No conversations match.
inbox-empty-hint = Try another search or clear the filters.
inbox-clear-filters = Clear filters
inbox-end = That is everything.
inbox-assigned = Assigned to { $name }
inbox-unassigned = Unassigned
sla-due-in = Due in { $duration }
sla-overdue = Overdue by { $duration }

## Thread

thread-none = Select a conversation to read it.
thread-loading = Loading conversation…
thread-customer-now = Customer's time { $time } ({ $zone })
thread-customer-zone-unknown = Customer's time zone unknown
thread-store = { $store } · { $platform }
thread-messages =
    { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
message-note = Internal note
message-outbound = Reply
message-inbound = Customer
# The time of a message in the agent's zone, then in the customer's own.
message-times = { $agent } · customer { $customer } ({ $zone })

## Reply box

reply-label = Reply to { $name }
reply-placeholder = Write a reply in { $language }…
reply-send = Send
reply-sending = Sending…
reply-hint = { $send } to send · Esc back to the inbox
reply-saving = Saving draft…
reply-saved = Draft saved
reply-sent = Reply queued: it leaves when the undo window ends
reply-assist = Assist: { $action }
reply-assist-reason = Assist: { $action } — { $reason }

## Customer card

customer-title = Customer
customer-country = Country
customer-language = Language
customer-local-time = Local time
customer-time-zone = Time zone
customer-tz-unknown = Unknown
customer-tz-source =
    { $source ->
        [address] from the shipping address
        [phone] from the phone number
        [agent] set by an agent
       *[other] source: { $source }
    }
customer-since = Customer since { $date }
customer-contacts = Contacts

## Orders

order-title = Order
orders-other =
    { $count ->
        [one] Other order
       *[other] { $count } other orders
    }
order-none = No orders linked to this customer.
order-created = Placed { $date }
order-cancelled = Cancelled { $date }
order-items = Items
order-unit-price = { $price } each
order-subtotal = Subtotal
order-shipping = Shipping
order-tax = Tax
order-total = Total
order-ship-to = Ship to
order-no-address = No shipping address
order-source = From { $source }
order-show = Show order { $number }

## Logistics

logistics-title = Shipping
logistics-none = No shipments for this order yet.
logistics-no-order = Select an order to see its parcels.
shipment-tracking = Tracking number
shipment-shipped = Shipped
shipment-promised = Promised
shipment-expected = Expected
shipment-delivered = Delivered
shipment-late = Late
shipment-late-by =
    { $days ->
        [one] 1 day later than promised
       *[other] { $days } days later than promised
    }
shipment-events = Carrier events
shipment-no-events = No carrier scans yet.
shipment-event-local = local { $time } ({ $zone })
shipment-event-agent = your time { $time }
copy = Copy
copied = Copied

## Status bar

statusbar-store = Store: { $location }
statusbar-conversations =
    { $count ->
        [one] { $count } conversation
       *[other] { $count } conversations
    }
statusbar-messages =
    { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
statusbar-orders =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }
statusbar-shipments =
    { $count ->
        [one] { $count } shipment
       *[other] { $count } shipments
    }
statusbar-customers =
    { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    }
statusbar-languages =
    { $count ->
        [one] { $count } language
       *[other] { $count } languages
    }
statusbar-countries =
    { $count ->
        [one] { $count } country
       *[other] { $count } countries
    }
statusbar-agent = { $name } · { $zone }

## Keyboard help

help-title = Keyboard shortcuts
help-close = Close
help-next = Next conversation
help-prev = Previous conversation
help-open = Open the selected conversation
help-reply = Write a reply
help-send = Send the reply
help-leave = Leave the reply box, back to the inbox
help-search = Search
help-panes = Go to inbox, conversation or customer pane
help-toggle = Show or hide this help
help-ime = Shortcuts wait while an input method is composing text.

## Database error dialog

db-error-title = Meridian cannot open its database
app-start-failed = Meridian could not start
db-error-location = Database: { $location }
db-error-backups = Backups found next to the database:
db-error-backup-hint = Open a backup to keep working: Meridian restarts on that copy and leaves the damaged file untouched for support.
db-error-open-backup = Open this backup
db-error-no-backups = No backups were found next to the database.
db-error-copy = Copy path

## Errors (error-<code>, with the arguments the code carries)

error-db-corrupt = { $path } is not a Meridian database, or it is damaged.
error-db-locked = { $path } is in use by another program and stayed locked. Close the other program and try again.
error-db-newer-schema = { $path } was written by a newer version of Meridian (schema { $found }; this version knows up to { $supported }). Update Meridian to open it.
error-db-io = Cannot read or write { $path }. Check that the disk is available and that you have permission.
error-db-connect = Cannot connect to the database at { $location }.
error-db-migration = Updating the database at { $location } to schema { $version } failed.
error-not-found = The requested item no longer exists ({ $what } { $id }).
error-db-invalid = The stored { $what } is invalid.
error-db-query = A database request failed ({ $doing }).
error-invalid-input = Some of the input is not valid.
error-send-empty = Write something before sending.
error-unexpected = Something went wrong: { $message }
retry = Try again
error-dismiss = Dismiss

## Assist
assist-confidence = { $percent } % sure
assist-threat = Threat
assist-facts = Facts used
assist-meaning = Meaning in your language
assist-use-draft = Use the suggested draft
assist-loading = Reading the message…

## Connections (sync)
error-sync-failed = Could not refresh from the platform: { $message }
statusbar-sync-error = Connections: { $message }
connector-ok = { $name } · updated { $ago }
connector-down = { $name } unreachable since { $since } — showing saved data
connector-never = { $name } · not synced yet
order-refresh = Refresh
order-refresh-title = Fetch this order from its platform now
order-refresh-off = This order's platform is not connected; showing saved data
error-connection-config = The connections file { $path } is not valid: { $message }
error-connection-invalid = Please check: { $what }
error-connection-check = The credentials were not saved: { $message }
error-connection-keyring = The system keyring did not accept the credentials: { $message }
connections-button = Connections
connections-title = Connections
connections-intro = Stores and tracking services Meridian syncs with. Credentials are tested before they are saved, and are kept only in this computer's keyring.
connections-empty = No connections yet.
connections-has-credentials = Credentials saved in the keyring
connections-no-credentials = No credentials yet
connections-save = Test and save
connections-saved = Connected: credentials saved in the keyring.
connections-add = Add connection
connections-add-address = Shop domain, region:marketplaces, or site URL
connections-close = Close
connection-kind-shopify = Shopify
connection-kind-amazon = Amazon
connection-kind-woocommerce = WooCommerce
connection-kind-17track = 17TRACK
connection-kind-aftership = AfterShip
credential-access_token = Admin API access token
credential-webhook_secret = Webhook secret
credential-client_id = LWA client id
credential-client_secret = LWA client secret
credential-refresh_token = Refresh token
credential-consumer_key = Consumer key
credential-consumer_secret = Consumer secret
credential-key = Security key
credential-api_key = API key
writeback-summary = Note to order
writeback-summary-title = Add this conversation's summary and tags to the order on its platform
writeback-return = Request return
writeback-return-title = Open a return request for this order on its platform
writeback-queued = Queued for { $platform }; it is sent once, even if Meridian restarts.
writeback-amazon = Amazon does not accept notes, tags or return requests from other tools: record them in Seller Central.
writeback-csat = CSAT
writeback-csat-title = Send the customer's satisfaction score (1–5) to their record on the platform
connections-last-success = Last synced { $when }
error-channel-amazon-links = Amazon buyer messages may not contain links to other websites: remove the link (the tracking number alone is fine).
error-channel-amazon-contact = Amazon buyer messages may not ask for or give e-mail addresses: remove the address.
outbox-queued = Sending in { $seconds } s
outbox-undo = Undo
outbox-sending = Sending…
outbox-sent = Sent
outbox-failed = Not sent: { $reason }
outbox-retry = Retry
outbox-waiting = Waiting to send: { $reason }
outbox-too-late = It had already left; it cannot be taken back.
workflow-ai-paused = AI paused: a person has this conversation
workflow-hand-back = Hand back to AI
workflow-take-over = Take over
workflow-snooze = Snooze
workflow-close = Close
workflow-reopen = Reopen
workflow-snoozed-until = Snoozed until { $time }
workflow-claimed = { $agent } is replying to this conversation
workflow-done-take_over = You have this conversation; the AI will not act on it
workflow-done-hand_back = The AI may act on this conversation again
workflow-done-snooze = Snoozed until tomorrow morning
workflow-done-close = Conversation closed
workflow-done-reopen = Conversation reopened
error-conversation-claimed = { $agent } is already answering this conversation; your reply was not sent
help-take-over = Take over (the AI stops acting)
help-hand-back = Hand back to the AI
help-snooze = Snooze until tomorrow 09:00
help-close-conversation = Close the conversation
notice-handoff = Hand-off for you: { $customer }
notice-sla = SLA due soon: { $customer }
workflow-assign = Assign to…
workflow-assigned = Handed to { $name }
