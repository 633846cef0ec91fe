# Interfaz de escritorio de Meridian — español (España). Los identificadores de mensaje
# deben ser exactamente los de en-US.

## App chrome

app-name = Meridian
app-loading = Iniciando Meridian…
search-label = Buscar conversaciones
search-placeholder = Buscar mensajes, pedidos, números de seguimiento…
locale-label = Idioma de la interfaz
help-button = Atajos de teclado
pane-inbox = Bandeja de entrada
pane-thread = Conversación
pane-context = Cliente, pedido y envío

## Filters

filter-status-label = Estado
filter-language-label = Idioma
filter-channel-label = Canal
filter-intent-label = Intención
filter-any-status = Todos los estados
filter-any-language = Todos los idiomas
filter-any-channel = Todos los canales
filter-any-intent = Todas las intenciones
filter-option = { $label } ({ $count })

## Conversation status

status-open = Abierta
status-waiting = Esperando al cliente
status-autopilot = Piloto automático
status-escalated = Escalada
status-snoozed = Pospuesta
status-closed = Cerrada

## Channels

channel-email = Correo electrónico
channel-amazon_messaging = Mensajes de compradores de Amazon
channel-chat = Chat

## Priorities

priority-low = Prioridad baja
priority-normal = Prioridad normal
priority-high = Prioridad alta
priority-urgent = Urgente

## Intents

intent-none = Sin clasificar
intent-track_order = Seguimiento del pedido
intent-track_refund = Seguimiento del reembolso
intent-delivery_period = Plazo de entrega
intent-delivery_options = Opciones de envío
intent-check_refund_policy = Política de reembolsos
intent-check_cancellation_fee = Gastos de cancelación
intent-check_payment_methods = Métodos de pago
intent-check_invoice = Consultar factura
intent-get_invoice = Solicitar factura
intent-create_account = Crear cuenta
intent-edit_account = Modificar cuenta
intent-recover_password = Recuperar contraseña
intent-registration_problems = Problema de registro
intent-switch_account = Cambiar de cuenta
intent-newsletter_subscription = Boletín
intent-set_up_shipping_address = Añadir dirección de envío
intent-place_order = Realizar un pedido
intent-review = Opinión o valoración
intent-contact_customer_service = Contactar con atención al cliente
intent-customs_duties = Aduanas y aranceles
intent-cancel_order = Cancelar pedido
intent-change_order = Modificar pedido
intent-change_shipping_address = Cambiar dirección de envío
intent-get_refund = Solicitud de reembolso
intent-return_item = Devolución
intent-damaged_or_wrong_item = Artículo dañado o erróneo
intent-missing_package = Paquete perdido
intent-payment_issue = Problema con el pago
intent-delete_account = Eliminar cuenta
intent-product_question = Pregunta sobre un producto
intent-other = Otro
intent-complaint = Reclamación
intent-contact_human_agent = Pide hablar con una persona
intent-dispute = Disputa o contracargo
intent-privacy_request = Solicitud de privacidad

## Platforms

platform-shopify = Shopify
platform-amazon = Amazon
platform-woocommerce = WooCommerce

## Payment (financial) status

financial-pending = Pago pendiente
financial-authorized = Autorizado
financial-paid = Pagado
financial-partially_paid = Pagado parcialmente
financial-partially_refunded = Reembolsado parcialmente
financial-refunded = Reembolsado
financial-voided = Anulado
financial-expired = Pago caducado

## Fulfilment status

fulfillment-unfulfilled = Sin preparar
fulfillment-in_progress = En preparación
fulfillment-on_hold = En espera
fulfillment-scheduled = Programado
fulfillment-partially_fulfilled = Enviado parcialmente
fulfillment-fulfilled = Enviado
fulfillment-cancelled = Cancelado

## Shipment status

shipment-status-pending = Pendiente
shipment-status-info_received = Etiqueta creada
shipment-status-in_transit = En tránsito
shipment-status-customs = En aduanas
shipment-status-out_for_delivery = En reparto
shipment-status-available_for_pickup = Listo para recoger
shipment-status-delivered = Entregado
shipment-status-failed_attempt = Intento de entrega fallido
shipment-status-exception = Incidencia
shipment-status-returned = Devuelto al remitente
shipment-status-expired = Seguimiento caducado

## Carriers (brand names stay as the carrier writes them)

carrier-ups = UPS
carrier-usps = USPS
carrier-fedex = FedEx
carrier-dhl = DHL Express
carrier-china_post = China Post
carrier-yunexpress = YunExpress
carrier-post = Servicio postal
carrier-other = Otro transportista

## Assist actions on a draft

action-autopilot = Se puede enviar automáticamente
action-approve = Requiere aprobación
action-escalate = Derivada a una persona

## Customer identities

identity-email = Correo electrónico
identity-amazon_alias = Alias de Amazon
identity-phone = Teléfono
identity-platform_id = ID de plataforma

## Relative time and durations

time-just-now = ahora mismo
time-minutes-ago =
    { $count ->
        [one] hace 1 minuto
       *[other] hace { $count } minutos
    }
time-hours-ago =
    { $count ->
        [one] hace 1 hora
       *[other] hace { $count } horas
    }
time-yesterday = ayer
time-days-ago =
    { $count ->
        [one] hace 1 día
       *[other] hace { $count } días
    }
duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days =
    { $days ->
        [one] 1 día
       *[other] { $days } días
    }
updated-ago = Actualizado { $ago }

## Inbox

inbox-count =
    { $count ->
        [one] { $count } conversación
       *[other] { $count } conversaciones
    }
inbox-count-more = Más de { $count } conversaciones
inbox-loading = Cargando conversaciones…
inbox-loading-more = Cargando más…
inbox-load-more = Cargar más
inbox-empty = No hay conversaciones que coincidan.
inbox-empty-hint = Prueba con otra búsqueda o quita los filtros.
inbox-clear-filters = Quitar filtros
inbox-end = No hay más conversaciones.
inbox-assigned = Asignada a { $name }
inbox-unassigned = Sin asignar
sla-due-in = Vence en { $duration }
sla-overdue = Vencida hace { $duration }

## Thread

thread-none = Selecciona una conversación para leerla.
thread-loading = Cargando conversación…
thread-customer-now = Hora del cliente: { $time } ({ $zone })
thread-customer-zone-unknown = Zona horaria del cliente desconocida
thread-store = { $store } · { $platform }
thread-messages =
    { $count ->
        [one] { $count } mensaje
       *[other] { $count } mensajes
    }
message-note = Nota interna
message-outbound = Respuesta
message-inbound = Cliente
message-times = { $agent } · cliente { $customer } ({ $zone })

## Reply box

reply-label = Responder a { $name }
reply-placeholder = Escribe una respuesta en { $language }…
reply-send = Enviar
reply-sending = Enviando…
reply-hint = { $send } para enviar · Esc para volver a la bandeja
reply-saving = Guardando borrador…
reply-saved = Borrador guardado
reply-sent = Respuesta en cola: sale cuando termina el plazo para deshacer
reply-assist = Asistente: { $action }
reply-assist-reason = Asistente: { $action } — { $reason }

## Customer card

customer-title = Cliente
customer-country = País
customer-language = Idioma
customer-local-time = Hora local
customer-time-zone = Zona horaria
customer-tz-unknown = Desconocida
customer-tz-source =
    { $source ->
        [address] según la dirección de envío
        [phone] según el número de teléfono
        [agent] fijada por un agente
       *[other] origen: { $source }
    }
customer-since = Cliente desde { $date }
customer-contacts = Contacto

## Orders

order-title = Pedido
orders-other =
    { $count ->
        [one] Otro pedido
       *[other] { $count } pedidos más
    }
order-none = Este cliente no tiene pedidos vinculados.
order-created = Realizado el { $date }
order-cancelled = Cancelado el { $date }
order-items = Artículos
order-unit-price = { $price } c/u
order-subtotal = Subtotal
order-shipping = Envío
order-tax = Impuestos
order-total = Total
order-ship-to = Enviar a
order-no-address = Sin dirección de envío
order-source = Desde { $source }
order-show = Ver el pedido { $number }

## Logistics

logistics-title = Envío
logistics-none = Este pedido aún no tiene envíos.
logistics-no-order = Selecciona un pedido para ver sus paquetes.
shipment-tracking = Número de seguimiento
shipment-shipped = Enviado
shipment-promised = Prometido
shipment-expected = Previsto
shipment-delivered = Entregado
shipment-late = Con retraso
shipment-late-by =
    { $days ->
        [one] 1 día después de lo prometido
       *[other] { $days } días después de lo prometido
    }
shipment-events = Eventos del transportista
shipment-no-events = Aún no hay escaneos del transportista.
shipment-event-local = hora local { $time } ({ $zone })
shipment-event-agent = tu hora { $time }
copy = Copiar
copied = Copiado

## Status bar

statusbar-store = Base de datos: { $location }
statusbar-conversations =
    { $count ->
        [one] { $count } conversación
       *[other] { $count } conversaciones
    }
statusbar-messages =
    { $count ->
        [one] { $count } mensaje
       *[other] { $count } mensajes
    }
statusbar-orders =
    { $count ->
        [one] { $count } pedido
       *[other] { $count } pedidos
    }
statusbar-shipments =
    { $count ->
        [one] { $count } envío
       *[other] { $count } envíos
    }
statusbar-customers =
    { $count ->
        [one] { $count } cliente
       *[other] { $count } clientes
    }
statusbar-languages =
    { $count ->
        [one] { $count } idioma
       *[other] { $count } idiomas
    }
statusbar-countries =
    { $count ->
        [one] { $count } país
       *[other] { $count } países
    }
statusbar-agent = { $name } · { $zone }

## Keyboard help

help-title = Atajos de teclado
help-close = Cerrar
help-next = Conversación siguiente
help-prev = Conversación anterior
help-open = Abrir la conversación seleccionada
help-reply = Escribir una respuesta
help-send = Enviar la respuesta
help-leave = Salir del cuadro de respuesta y volver a la bandeja
help-search = Buscar
help-panes = Ir a la bandeja, la conversación o el panel del cliente
help-toggle = Mostrar u ocultar esta ayuda
help-ime = Los atajos esperan mientras un método de entrada está componiendo texto.

## Database error dialog

db-error-title = Meridian no puede abrir su base de datos
app-start-failed = Meridian no se ha podido iniciar
db-error-location = Base de datos: { $location }
db-error-backups = Copias de seguridad encontradas junto a la base de datos:
db-error-backup-hint = Abra una copia de seguridad para seguir trabajando: Meridian se reinicia con esa copia y deja intacto el archivo dañado para el soporte.
db-error-open-backup = Abrir esta copia
db-error-no-backups = No se encontraron copias de seguridad junto a la base de datos.
db-error-copy = Copiar ruta

## Errors (error-<code>, with the arguments the code carries)

error-db-corrupt = { $path } no es una base de datos de Meridian o está dañada.
error-db-locked = { $path } está en uso por otro programa y sigue bloqueada. Cierra ese programa y vuelve a intentarlo.
error-db-newer-schema = { $path } se creó con una versión más reciente de Meridian (esquema { $found }; esta versión admite hasta el { $supported }). Actualiza Meridian para abrirla.
error-db-io = No se puede leer ni escribir { $path }. Comprueba que el disco esté disponible y que tengas permisos.
error-db-connect = No se puede conectar con la base de datos en { $location }.
error-db-migration = No se pudo actualizar la base de datos de { $location } al esquema { $version }.
error-not-found = El elemento solicitado ya no existe ({ $what } { $id }).
error-db-invalid = Los datos guardados de { $what } no son válidos.
error-db-query = Falló una consulta a la base de datos ({ $doing }).
error-invalid-input = Algunos datos introducidos no son válidos.
error-send-empty = Escribe algo antes de enviar.
error-unexpected = Algo ha fallado: { $message }
retry = Reintentar
error-dismiss = Cerrar

## Assist
assist-confidence = Seguridad: { $percent } %
assist-threat = Amenaza
assist-facts = Datos usados
assist-meaning = Significado en tu idioma
assist-use-draft = Usar el borrador sugerido
assist-loading = Leyendo el mensaje…

## Conexiones (sincronización)
error-sync-failed = No se pudo actualizar desde la plataforma: { $message }
statusbar-sync-error = Conexiones: { $message }
connector-ok = { $name } · actualizado { $ago }
connector-down = { $name } no responde desde las { $since }; se muestran los datos guardados
connector-never = { $name } · aún sin sincronizar
order-refresh = Actualizar
order-refresh-title = Traer ahora este pedido de su plataforma
order-refresh-off = La plataforma de este pedido no está conectada; se muestran los datos guardados
error-connection-config = El archivo de conexiones { $path } no es válido: { $message }
error-connection-invalid = Revise: { $what }
error-connection-check = No se guardaron las credenciales: { $message }
error-connection-keyring = El llavero del sistema no aceptó las credenciales: { $message }
connections-button = Conexiones
connections-title = Conexiones
connections-intro = Tiendas y servicios de seguimiento con los que Meridian se sincroniza. Las credenciales se prueban antes de guardarlas y solo se guardan en el llavero de este equipo.
connections-empty = Aún no hay conexiones.
connections-has-credentials = Credenciales guardadas en el llavero
connections-no-credentials = Aún sin credenciales
connections-save = Probar y guardar
connections-saved = Conectado: credenciales guardadas en el llavero.
connections-add = Añadir conexión
connections-add-address = Dominio de la tienda, región:mercados o URL del sitio
connections-close = Cerrar
connection-kind-shopify = Shopify
connection-kind-amazon = Amazon
connection-kind-woocommerce = WooCommerce
connection-kind-17track = 17TRACK
connection-kind-aftership = AfterShip
credential-access_token = Token de acceso de la Admin API
credential-webhook_secret = Secreto de webhooks
credential-client_id = ID de cliente LWA
credential-client_secret = Secreto de cliente LWA
credential-refresh_token = Token de actualización
credential-consumer_key = Clave de consumidor
credential-consumer_secret = Secreto de consumidor
credential-key = Clave de seguridad
credential-api_key = Clave de API
writeback-summary = Nota en el pedido
writeback-summary-title = Añadir el resumen y las etiquetas de esta conversación al pedido en su plataforma
writeback-return = Solicitar devolución
writeback-return-title = Abrir una solicitud de devolución de este pedido en su plataforma
writeback-queued = En cola para { $platform }; se envía una sola vez, aunque Meridian se reinicie.
writeback-amazon = Amazon no acepta notas, etiquetas ni solicitudes de devolución de otras herramientas: regístrelas en Seller Central.
writeback-csat = CSAT
writeback-csat-title = Enviar la puntuación de satisfacción (1–5) a la ficha del cliente en la plataforma
connections-last-success = Última sincronización: { $when }
error-channel-amazon-links = Los mensajes a compradores de Amazon no pueden incluir enlaces a otros sitios: quite el enlace (basta con el número de seguimiento).
error-channel-amazon-contact = Los mensajes a compradores de Amazon no pueden pedir ni dar direcciones de correo: quite la dirección.
outbox-queued = Se envía en { $seconds } s
outbox-undo = Deshacer
outbox-sending = Enviando…
outbox-sent = Enviado
outbox-failed = No enviado: { $reason }
outbox-retry = Reintentar
outbox-waiting = En espera de envío: { $reason }
outbox-too-late = Ya había salido; no se puede deshacer.
workflow-ai-paused = IA en pausa: una persona lleva esta conversación
workflow-hand-back = Devolver a la IA
workflow-take-over = Tomar el control
workflow-snooze = Posponer
workflow-close = Cerrar
workflow-reopen = Reabrir
workflow-snoozed-until = Pospuesta hasta { $time }
workflow-claimed = { $agent } está respondiendo a esta conversación
workflow-done-take_over = Ahora lleva usted esta conversación; la IA no actuará
workflow-done-hand_back = La IA puede volver a actuar en esta conversación
workflow-done-snooze = Pospuesta hasta mañana por la mañana
workflow-done-close = Conversación cerrada
workflow-done-reopen = Conversación reabierta
error-conversation-claimed = { $agent } ya está respondiendo a esta conversación; su respuesta no se envió
help-take-over = Tomar el control (la IA deja de actuar)
help-hand-back = Devolver a la IA
help-snooze = Posponer hasta mañana a las 09:00
help-close-conversation = Cerrar la conversación
notice-handoff = Le han asignado un caso: { $customer }
notice-sla = SLA a punto de vencer: { $customer }
workflow-assign = Asignar a…
workflow-assigned = Asignada a { $name }
