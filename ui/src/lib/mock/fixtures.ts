// Demo data for the browser-only mock backend and for tests. NEVER part of a production
// build: only reached through a dynamic import behind import.meta.env.DEV, or from tests.
// Times are built relative to `now` so relative phrases and SLA warnings look alive.
import type {
  Address,
  CarrierEvent,
  Conversation,
  Customer,
  Draft,
  LineItem,
  Message,
  Order,
  Settings,
  Shipment,
  StoreFront,
  ConnectionView,
  ReplyState,
} from '../bindings';

export type MockDb = {
  settings: Settings;
  stores: StoreFront[];
  customers: Customer[];
  conversations: Conversation[];
  messages: Message[];
  orders: Order[];
  shipments: Shipment[];
  drafts: Map<number, Draft>;
  connections: ConnectionView[];
  replies: ReplyState[];
  /** Conversations taken over (the AI paused). */
  paused: Set<number>;
  /** conversation id → the order it is about */
  focusOrder: Map<number, number>;
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const AGENT_NAME = 'Marta Ruiz';

export function buildFixtures(nowInput: Date | number = Date.now()): MockDb {
  const now = typeof nowInput === 'number' ? nowInput : nowInput.getTime();
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const ahead = (ms: number) => new Date(now + ms).toISOString();
  const ymd = (ms: number) => new Date(now + ms).toISOString().slice(0, 10);

  const stores: StoreFront[] = [
    { id: 1, name: 'Lumen & Loom', platform: 'shopify', domain: 'lumenloom.com', country: 'ES', currency: 'EUR', time_zone: 'Europe/Madrid' },
    { id: 2, name: 'Lumen & Loom · Amazon EU', platform: 'amazon', domain: 'amazon.es', country: 'ES', currency: 'EUR', time_zone: 'Europe/Madrid' },
    { id: 3, name: 'Lumen & Loom Global', platform: 'woocommerce', domain: 'shop.lumenloom.com', country: 'ES', currency: 'USD', time_zone: 'Europe/Madrid' },
  ];

  const customers: Customer[] = [];
  const conversations: Conversation[] = [];
  const messages: Message[] = [];
  const orders: Order[] = [];
  const shipments: Shipment[] = [];
  const drafts = new Map<number, Draft>();
  const focusOrder = new Map<number, number>();
  let messageId = 1000;
  let shipmentId = 500;

  const money = (minor: number, currency: string) => ({ minor, currency });

  function customer(c: Omit<Customer, 'created_at'> & { since_days: number }): Customer {
    const { since_days, ...rest } = c;
    const full: Customer = { ...rest, created_at: ago(since_days * DAY) };
    customers.push(full);
    return full;
  }

  function order(o: {
    id: number;
    store: number;
    customer: number | null;
    number: string;
    external_id?: string;
    email: string | null;
    days: number;
    currency: string;
    lines: [string, string, number, number][]; // sku, name, qty, unit minor
    shipping: number;
    tax: number;
    taxIncluded?: boolean;
    financial: Order['financial_status'];
    fulfillment: Order['fulfillment_status'];
    address: Address | null;
    cancelledDays?: number;
  }): Order {
    const store = stores.find((s) => s.id === o.store)!;
    const lines: LineItem[] = o.lines.map(([sku, name, quantity, unit]) => ({
      sku,
      name,
      quantity,
      unit_price: money(unit, o.currency),
    }));
    const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unit_price.minor, 0);
    const total = subtotal + o.shipping + (o.taxIncluded ? 0 : o.tax);
    const full: Order = {
      id: o.id,
      store_id: o.store,
      customer_id: o.customer,
      platform: store.platform,
      external_id: o.external_id ?? `gid://${store.platform}/Order/${5_210_000_000 + o.id}`,
      number: o.number,
      email: o.email,
      created_at: ago(o.days * DAY),
      updated_at: ago(Math.max(0, o.days - 1) * DAY),
      cancelled_at: o.cancelledDays !== undefined ? ago(o.cancelledDays * DAY) : null,
      financial_status: o.financial,
      fulfillment_status: o.fulfillment,
      subtotal: money(subtotal, o.currency),
      shipping: money(o.shipping, o.currency),
      tax: money(o.tax, o.currency),
      total: money(total, o.currency),
      lines,
      shipping_address: o.address,
      source: store.platform,
      fresh_at: ago(4 * MIN),
    };
    orders.push(full);
    return full;
  }

  function shipment(s: Omit<Shipment, 'id' | 'events' | 'fresh_at' | 'source'> & {
    events: [number, string | null, string, string | null, CarrierEvent['status'], string][];
    fresh_min?: number;
  }): Shipment {
    const events: CarrierEvent[] = s.events.map(([msAgo, time_zone, place, country, status, description]) => ({
      at: ago(msAgo),
      time_zone,
      place,
      country,
      status,
      description,
    }));
    const full: Shipment = {
      ...s,
      id: shipmentId++,
      events,
      source: s.carrier === 'dhl' || s.carrier === 'fedex' || s.carrier === 'ups' ? 'aftership' : '17track',
      fresh_at: ago((s.fresh_min ?? 12) * MIN),
    };
    shipments.push(full);
    return full;
  }

  function conversation(
    c: Omit<Conversation, 'created_at' | 'last_message_at'>,
    msgs: [number, Message['direction'], string, string, string | null][], // ms ago, dir, author, text, html
  ): Conversation {
    const list: Message[] = msgs.map(([msAgo, direction, author, text, html]) => ({
      id: messageId++,
      conversation_id: c.id,
      direction,
      author,
      text,
      html,
      language: direction === 'note' ? 'en' : c.language,
      created_at: ago(msAgo),
    }));
    messages.push(...list);
    const full: Conversation = {
      ...c,
      created_at: list[0].created_at,
      last_message_at: list[list.length - 1].created_at,
    };
    conversations.push(full);
    return full;
  }

  // ---- 101 · Japanese, parcel stuck in customs, reply due soon -----------------------
  customer({
    id: 1, name: '佐藤 美咲', country: 'JP', language: 'ja', time_zone: 'Asia/Tokyo', time_zone_source: 'address',
    identities: [{ kind: 'email', value: 'misaki.sato@example.jp' }, { kind: 'phone', value: '+81 90-1234-5678' }],
    since_days: 240,
  });
  const jpAddress: Address = {
    name: '佐藤 美咲', line1: '神宮前 3-12-8', line2: 'メゾン青山 402', city: '渋谷区', region: '東京都', region_code: 'JP-13',
    postcode: '150-0001', country: 'JP', phone: '+81 90-1234-5678',
  };
  order({
    id: 1047, store: 1, customer: 1, number: '1047', email: 'misaki.sato@example.jp', days: 8, currency: 'JPY',
    lines: [['LIN-DUV-SAGE-220', 'Linen duvet cover, sage, 220×240', 1, 18400], ['STW-MUG-4', 'Stoneware mug set of 4, oat', 1, 6200]],
    shipping: 2800, tax: 0, financial: 'paid', fulfillment: 'fulfilled', address: jpAddress,
  });
  order({
    id: 998, store: 1, customer: 1, number: '998', email: 'misaki.sato@example.jp', days: 95, currency: 'JPY',
    lines: [['WAF-TWL-SAND', 'Waffle bath towel, sand', 2, 3900]],
    shipping: 1500, tax: 0, financial: 'paid', fulfillment: 'fulfilled', address: jpAddress,
  });
  shipment({
    order_id: 1047, carrier: 'dhl', tracking_number: '4829173650', status: 'customs',
    shipped_at: ago(6 * DAY), promised_by: ymd(0), expected_at: ahead(2 * DAY), delivered_at: null, fresh_min: 7,
    events: [
      [6 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'info_received', 'Shipment information received'],
      [6 * DAY - 9 * HOUR, 'Europe/Madrid', 'Madrid Hub, ES', 'ES', 'in_transit', 'Processed at DHL facility'],
      [5 * DAY, 'Europe/Berlin', 'Leipzig, DE', 'DE', 'in_transit', 'Departed DHL hub'],
      [4 * DAY - 3 * HOUR, 'Asia/Tokyo', 'Tokyo Narita, JP', 'JP', 'in_transit', 'Arrived at destination country'],
      [3 * DAY, 'Asia/Tokyo', 'Tokyo Narita, JP', 'JP', 'customs', 'Held in customs: clearance in progress'],
      [20 * HOUR, 'Asia/Tokyo', 'Tokyo Narita, JP', 'JP', 'customs', 'Customs requested the commercial invoice'],
    ],
  });
  shipment({
    order_id: 998, carrier: 'dhl', tracking_number: '3318204476', status: 'delivered',
    shipped_at: ago(93 * DAY), promised_by: ymd(-86 * DAY), expected_at: ago(88 * DAY), delivered_at: ago(88 * DAY),
    events: [
      [93 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'in_transit', 'Picked up'],
      [88 * DAY, 'Asia/Tokyo', 'Shibuya, Tokyo, JP', 'JP', 'delivered', 'Delivered — signed for by SATO'],
    ],
  });
  conversation(
    {
      id: 101, customer_id: 1, store_id: 1, channel: 'email', subject: '注文 #1047 の配送状況について', status: 'open',
      assignee: 'marta', language: 'ja', intent: 'track_order', priority: 'high', sla_due_at: ahead(70 * MIN),
    },
    [
      [26 * HOUR, 'inbound', '佐藤 美咲',
        'お世話になっております。\n先週注文した #1047 の荷物がまだ届きません。追跡ページでは「通関中」のままになっています。\n27日までに届く予定だったのですが、いつ頃届くか教えていただけますか？\n\nよろしくお願いいたします。\n佐藤', null],
      [25 * HOUR, 'outbound', 'Meridian',
        '佐藤様\n\nお問い合わせいただきありがとうございます。ご注文 #1047 の荷物は現在、成田空港の税関で通関手続き中です（DHL 追跡番号 4829173650）。\n通関が完了し次第、改めてご連絡いたします。\n\nLumen & Loom カスタマーサポート', null],
      [3 * HOUR, 'note', AGENT_NAME,
        'DHL says customs wants the commercial invoice. Sent the PDF to DHL Narita at 10:15, ref. NRT-77120. Check tomorrow morning.', null],
      [40 * MIN, 'inbound', '佐藤 美咲',
        'ご連絡ありがとうございます。関税はかかりますか？ 追加で支払いが必要な場合は、事前に金額を教えてください。', null],
    ],
  );
  focusOrder.set(101, 1047);
  drafts.set(101, {
    conversation_id: 101,
    body: '佐藤様\n\nご連絡ありがとうございます。ご注文 #1047 は DDP（関税込み）でお送りしておりますので、追加のお支払いは発生しません。\n',
    action: 'approve',
    reason: 'Mentions duties; confirm the order was shipped DDP',
    updated_at: ago(30 * MIN),
  });

  // ---- 102 · Arabic, failed delivery, overdue, escalated ------------------------------
  customer({
    id: 2, name: 'عبد الله الحربي', country: 'SA', language: 'ar', time_zone: 'Asia/Riyadh', time_zone_source: 'phone',
    identities: [{ kind: 'email', value: 'a.alharbi@example.sa' }, { kind: 'phone', value: '+966 55 123 4567' }],
    since_days: 60,
  });
  const saAddress: Address = {
    name: 'عبد الله الحربي', line1: 'شارع أنس بن مالك، حي الملقا', line2: null, city: 'الرياض', region: 'منطقة الرياض',
    region_code: 'SA-01', postcode: '13521', country: 'SA', phone: '+966 55 123 4567',
  };
  order({
    id: 5521, store: 3, customer: 2, number: '5521', external_id: '5521', email: 'a.alharbi@example.sa', days: 11, currency: 'SAR',
    lines: [['MER-THR-OAT', 'Merino throw blanket, oat', 2, 38900], ['WAF-TWL-SAND', 'Waffle bath towel, sand', 4, 7900]],
    shipping: 8500, tax: 16410, financial: 'paid', fulfillment: 'fulfilled', address: saAddress,
  });
  order({
    id: 5402, store: 3, customer: 2, number: '5402', external_id: '5402', email: 'a.alharbi@example.sa', days: 58, currency: 'SAR',
    lines: [['STW-MUG-4', 'Stoneware mug set of 4, oat', 1, 24500]],
    shipping: 8500, tax: 4950, financial: 'partially_refunded', fulfillment: 'fulfilled', address: saAddress,
  });
  shipment({
    order_id: 5521, carrier: 'fedex', tracking_number: '794612345678', status: 'failed_attempt',
    shipped_at: ago(9 * DAY), promised_by: ymd(-3 * DAY), expected_at: ahead(1 * DAY), delivered_at: null, fresh_min: 18,
    events: [
      [9 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'info_received', 'Shipment information sent to FedEx'],
      [8 * DAY, 'Europe/Paris', 'Roissy CDG, FR', 'FR', 'in_transit', 'Departed FedEx hub'],
      [6 * DAY, 'Asia/Dubai', 'Dubai, AE', 'AE', 'in_transit', 'In transit'],
      [4 * DAY, 'Asia/Riyadh', 'Riyadh, SA', 'SA', 'customs', 'International shipment release — Import'],
      [28 * HOUR, 'Asia/Riyadh', 'Riyadh, SA', 'SA', 'out_for_delivery', 'On FedEx vehicle for delivery'],
      [7 * HOUR, 'Asia/Riyadh', 'Riyadh, SA', 'SA', 'failed_attempt', 'Delivery exception: incorrect address — building number missing'],
    ],
  });
  conversation(
    {
      id: 102, customer_id: 2, store_id: 3, channel: 'email', subject: 'لم يصلني الطلب رقم 5521 حتى الآن', status: 'escalated',
      assignee: 'marta', language: 'ar', intent: 'missing_package', priority: 'urgent', sla_due_at: ago(35 * MIN),
    },
    [
      [2 * DAY, 'inbound', 'عبد الله الحربي',
        'السلام عليكم،\nطلبت بطانيتين وأربع مناشف من متجركم قبل أسبوع ونصف، الطلب رقم 5521، ودفعت 1,343.10 ريال. حتى الآن لم يصلني أي شيء.\nأرجو إفادتي بموعد التوصيل.', null],
      [2 * DAY - 50 * MIN, 'outbound', AGENT_NAME,
        'وعليكم السلام أستاذ عبد الله،\nشكرًا لتواصلك معنا. شحنتك مع FedEx برقم التتبع 794612345678 وصلت إلى الرياض، وستكون مع المندوب خلال يوم أو يومين.\nمع التحية،\nفريق Lumen & Loom',
        '<p>وعليكم السلام أستاذ عبد الله،</p><p>شكرًا لتواصلك معنا. شحنتك مع <strong>FedEx</strong> برقم التتبع <code>794612345678</code> وصلت إلى الرياض، وستكون مع المندوب خلال يوم أو يومين.</p><p>مع التحية،<br>فريق Lumen &amp; Loom</p>'],
      [5 * HOUR, 'inbound', 'عبد الله الحربي',
        'اليوم وصلتني رسالة من FedEx أن التوصيل فشل لأن العنوان ناقص! العنوان صحيح: شارع أنس بن مالك، حي الملقا، الرياض 13521، مبنى رقم 4417.\nأرجو حل المشكلة بسرعة، هذه ثالث مرة أتواصل معكم. أريد التحدث مع شخص مسؤول.', null],
      [62 * MIN, 'note', AGENT_NAME,
        'Asked for a person. FedEx Riyadh needs the building number (4417) — called them, case 48213. Promised by date already passed.', null],
    ],
  );
  focusOrder.set(102, 5521);

  // ---- 103 · Spanish, Amazon return, waiting on customer ------------------------------
  customer({
    id: 3, name: 'Lucía Fernández Ortega', country: 'ES', language: 'es', time_zone: 'Europe/Madrid', time_zone_source: 'address',
    identities: [{ kind: 'amazon_alias', value: 't4k9x2m1q8f7@marketplace.amazon.es' }],
    since_days: 30,
  });
  order({
    id: 7001, store: 2, customer: 3, number: '407-3849216-7782310', external_id: '407-3849216-7782310', email: null, days: 16, currency: 'EUR',
    lines: [['CER-VAS-S', 'Hand-thrown ceramic vase, small, ash glaze', 1, 4990]],
    shipping: 0, tax: 866, taxIncluded: true, financial: 'paid', fulfillment: 'fulfilled',
    address: { name: 'Lucía Fernández', line1: 'Calle de Toledo 48, 3º B', line2: null, city: 'Madrid', region: 'Madrid', region_code: 'ES-M', postcode: '28005', country: 'ES', phone: null },
  });
  shipment({
    order_id: 7001, carrier: 'post', tracking_number: 'RR482913655ES', status: 'delivered',
    shipped_at: ago(14 * DAY), promised_by: ymd(-11 * DAY), expected_at: ago(12 * DAY), delivered_at: ago(12 * DAY),
    events: [
      [14 * DAY, 'Europe/Madrid', 'Valencia, ES', 'ES', 'info_received', 'Pre-registrado'],
      [13 * DAY, 'Europe/Madrid', 'CTA Madrid, ES', 'ES', 'in_transit', 'En tránsito'],
      [12 * DAY + 3 * HOUR, 'Europe/Madrid', 'Madrid 28005, ES', 'ES', 'out_for_delivery', 'En reparto'],
      [12 * DAY, 'Europe/Madrid', 'Madrid 28005, ES', 'ES', 'delivered', 'Entregado'],
    ],
  });
  conversation(
    {
      id: 103, customer_id: 3, store_id: 2, channel: 'amazon_messaging', subject: 'Devolución del jarrón: el color no coincide con las fotos',
      status: 'waiting', assignee: 'marta', language: 'es', intent: 'return_item', priority: 'normal', sla_due_at: null,
    },
    [
      [27 * HOUR, 'inbound', 'Lucía Fernández Ortega',
        'Hola:\nMe ha llegado el jarrón pequeño, pero el color no se parece a las fotos (es mucho más gris). ¿Cómo puedo devolverlo? Lo compré hace dos semanas.\n\nGracias,\nLucía', null],
      [20 * HOUR, 'outbound', AGENT_NAME,
        'Hola, Lucía:\n\nSentimos que el color no sea el que esperabas. Puedes devolver el jarrón en un plazo de 30 días desde la entrega: en «Mis pedidos» de Amazon, elige «Devolver o reemplazar productos» y el motivo «No es lo que esperaba». La etiqueta de devolución es gratuita.\n\nUn saludo,\nMarta · Lumen & Loom', null],
    ],
  );
  focusOrder.set(103, 7001);

  // ---- 104 · German, broken mugs, HTML message, suggested draft -----------------------
  customer({
    id: 4, name: 'Jonas Becker', country: 'DE', language: 'de', time_zone: 'Europe/Berlin', time_zone_source: 'address',
    identities: [{ kind: 'email', value: 'jonas.becker@example.de' }, { kind: 'platform_id', value: 'shopify:7710293847' }],
    since_days: 400,
  });
  order({
    id: 1052, store: 1, customer: 4, number: '1052', email: 'jonas.becker@example.de', days: 5, currency: 'EUR',
    lines: [['STW-MUG-4', 'Stoneware mug set of 4, oat', 2, 4200], ['LIN-NAP-6', 'Linen napkins, set of 6, ochre', 1, 3400]],
    shipping: 690, tax: 1995, taxIncluded: true, financial: 'paid', fulfillment: 'fulfilled',
    address: { name: 'Jonas Becker', line1: 'Kastanienallee 27', line2: 'Hinterhaus, 2. OG', city: 'Berlin', region: null, region_code: null, postcode: '10435', country: 'DE', phone: null },
  });
  shipment({
    order_id: 1052, carrier: 'dhl', tracking_number: '5736102948', status: 'delivered',
    shipped_at: ago(4 * DAY), promised_by: ymd(-1 * DAY), expected_at: ago(2 * DAY), delivered_at: ago(2 * DAY - 3 * HOUR),
    events: [
      [4 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'in_transit', 'Shipment picked up'],
      [3 * DAY, 'Europe/Berlin', 'Leipzig, DE', 'DE', 'in_transit', 'Processed at Leipzig hub'],
      [2 * DAY + 2 * HOUR, 'Europe/Berlin', 'Berlin, DE', 'DE', 'out_for_delivery', 'With delivery courier'],
      [2 * DAY - 3 * HOUR, 'Europe/Berlin', 'Berlin, DE', 'DE', 'delivered', 'Delivered — left with neighbour (Kastanienallee 25)'],
    ],
  });
  conversation(
    {
      id: 104, customer_id: 4, store_id: 1, channel: 'email', subject: 'Bestellung #1052 – zwei Becher zerbrochen', status: 'open',
      assignee: null, language: 'de', intent: 'damaged_or_wrong_item', priority: 'high', sla_due_at: ahead(5 * HOUR),
    },
    [
      [95 * MIN, 'inbound', 'Jonas Becker',
        'Guten Tag,\nheute kam das Paket mit Bestellung #1052 an. Leider sind zwei der acht Becher zerbrochen (Fotos im Anhang).\nVersand: DHL, beim Nachbarn abgegeben.\nKönnen Sie mir Ersatz schicken? Eine Rückerstattung wäre auch in Ordnung.\nViele Grüße\nJonas Becker',
        '<p>Guten Tag,</p><p>heute kam das Paket mit Bestellung <strong>#1052</strong> an. Leider sind <em>zwei der acht Becher</em> zerbrochen (Fotos im Anhang).</p><blockquote>Versand: DHL, beim Nachbarn abgegeben.</blockquote><p>Können Sie mir Ersatz schicken? Eine Rückerstattung wäre auch in Ordnung.</p><p>Viele Grüße<br>Jonas Becker</p>'],
    ],
  );
  focusOrder.set(104, 1052);
  drafts.set(104, {
    conversation_id: 104,
    body: 'Hallo Herr Becker,\n\nes tut uns sehr leid, dass zwei Becher zerbrochen angekommen sind. Wir senden Ihnen kostenlos zwei neue Becher zu; sie gehen morgen mit DHL raus. Die zerbrochenen Becher müssen Sie nicht zurückschicken.\n\nViele Grüße\nMarta Ruiz · Lumen & Loom',
    action: 'approve',
    reason: 'Replacement shipment worth €21.00 needs approval',
    updated_at: ago(80 * MIN),
  });

  // ---- 105 · Chinese chat, change address before dispatch, urgent ---------------------
  customer({
    id: 5, name: '陈静', country: 'CN', language: 'zh', time_zone: 'Asia/Shanghai', time_zone_source: 'phone',
    identities: [{ kind: 'email', value: 'chenjing88@example.cn' }, { kind: 'phone', value: '+86 138 0013 8000' }],
    since_days: 3,
  });
  order({
    id: 5534, store: 3, customer: 5, number: '5534', external_id: '5534', email: 'chenjing88@example.cn', days: 0.05, currency: 'CNY',
    lines: [['MER-THR-OAT', 'Merino throw blanket, oat', 1, 89900], ['LIN-PIL-2', 'Linen pillowcases, pair, white', 1, 32900]],
    shipping: 12000, tax: 0, financial: 'paid', fulfillment: 'unfulfilled',
    address: { name: '陈静', line1: '浦东新区世纪大道 8 号', line2: '1 号楼 1203 室', city: '上海市', region: '上海市', region_code: 'CN-SH', postcode: '200120', country: 'CN', phone: '+86 138 0013 8000' },
  });
  shipment({
    order_id: 5534, carrier: 'yunexpress', tracking_number: 'YT2433100012345678', status: 'info_received',
    shipped_at: null, promised_by: ymd(12 * DAY), expected_at: ahead(10 * DAY), delivered_at: null, fresh_min: 2,
    events: [[50 * MIN, 'Europe/Madrid', 'Madrid, ES', 'ES', 'info_received', 'Electronic information submitted by shipper']],
  });
  conversation(
    {
      id: 105, customer_id: 5, store_id: 3, channel: 'chat', subject: '订单 5534 地址填错了', status: 'open',
      assignee: null, language: 'zh', intent: 'change_shipping_address', priority: 'urgent', sla_due_at: ahead(25 * MIN),
    },
    [
      [14 * MIN, 'inbound', '陈静',
        '你好，我刚下的订单 5534 地址写错了，应该是上海市浦东新区世纪大道 88 号 2 号楼 1203 室，邮编 200120。还没发货的话麻烦帮我改一下，谢谢！', null],
      [12 * MIN, 'inbound', '陈静', '收件人电话不变，还是 138 0013 8000。', null],
    ],
  );
  focusOrder.set(105, 5534);

  // ---- 106 · Japanese invoice request, closed by autopilot -----------------------------
  customer({
    id: 6, name: '高橋 健太', country: 'JP', language: 'ja', time_zone: 'Asia/Tokyo', time_zone_source: 'address',
    identities: [{ kind: 'email', value: 'k.takahashi@takahashi-sekkei.example.jp' }],
    since_days: 120,
  });
  order({
    id: 1039, store: 1, customer: 6, number: '1039', email: 'k.takahashi@takahashi-sekkei.example.jp', days: 20, currency: 'JPY',
    lines: [['CER-VAS-L', 'Hand-thrown ceramic vase, large, ash glaze', 3, 14800]],
    shipping: 0, tax: 0, financial: 'paid', fulfillment: 'fulfilled',
    address: { name: '株式会社タカハシ設計 高橋 健太', line1: '中之島 2-3-18', line2: '中之島フェスティバルタワー 17F', city: '大阪市北区', region: '大阪府', region_code: 'JP-27', postcode: '530-0005', country: 'JP', phone: null },
  });
  shipment({
    order_id: 1039, carrier: 'dhl', tracking_number: '6620183745', status: 'delivered',
    shipped_at: ago(18 * DAY), promised_by: ymd(-12 * DAY), expected_at: ago(13 * DAY), delivered_at: ago(13 * DAY),
    events: [
      [18 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'in_transit', 'Shipment picked up'],
      [13 * DAY, 'Asia/Tokyo', 'Osaka, JP', 'JP', 'delivered', 'Delivered'],
    ],
  });
  conversation(
    {
      id: 106, customer_id: 6, store_id: 1, channel: 'email', subject: '領収書（適格請求書）の発行について', status: 'closed',
      assignee: null, language: 'ja', intent: 'get_invoice', priority: 'low', sla_due_at: null,
    },
    [
      [3 * DAY, 'inbound', '高橋 健太', '注文 #1039 の領収書（適格請求書）を発行していただけますか。宛名は「株式会社タカハシ設計」でお願いします。', null],
      [3 * DAY - 2 * MIN, 'outbound', 'Meridian',
        '高橋様\n\nお問い合わせありがとうございます。ご注文 #1039 の適格請求書を、宛名「株式会社タカハシ設計」で作成し、PDF を添付いたしました。\n\nLumen & Loom カスタマーサポート', null],
    ],
  );
  focusOrder.set(106, 1039);

  // ---- 107 · Mexican Spanish, customs duties, snoozed ----------------------------------
  customer({
    id: 7, name: 'Diego Ramírez', country: 'MX', language: 'es', time_zone: 'America/Mexico_City', time_zone_source: 'address',
    identities: [{ kind: 'email', value: 'diego.ramirez@example.com.mx' }, { kind: 'phone', value: '+52 55 1234 5678' }],
    since_days: 75,
  });
  order({
    id: 5510, store: 3, customer: 7, number: '5510', external_id: '5510', email: 'diego.ramirez@example.com.mx', days: 12, currency: 'MXN',
    lines: [['LIN-DUV-SAGE-220', 'Linen duvet cover, sage, 220×240', 1, 289000], ['LIN-PIL-2', 'Linen pillowcases, pair, white', 1, 56000]],
    shipping: 0, tax: 0, financial: 'paid', fulfillment: 'fulfilled',
    address: { name: 'Diego Ramírez', line1: 'Av. Álvaro Obregón 182', line2: 'Depto. 5', city: 'Ciudad de México', region: 'CDMX', region_code: 'MX-CMX', postcode: '06700', country: 'MX', phone: '+52 55 1234 5678' },
  });
  shipment({
    order_id: 5510, carrier: 'ups', tracking_number: '1Z999AA10123456784', status: 'customs',
    shipped_at: ago(10 * DAY), promised_by: ymd(2 * DAY), expected_at: ahead(3 * DAY), delivered_at: null,
    events: [
      [10 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'in_transit', 'Origin scan'],
      [8 * DAY, 'America/Louisville', 'Louisville, KY, US', 'US', 'in_transit', 'Departed from facility'],
      [5 * DAY, 'America/Mexico_City', 'Ciudad de México, MX', 'MX', 'customs', 'Import duties and taxes due before delivery'],
    ],
  });
  conversation(
    {
      id: 107, customer_id: 7, store_id: 3, channel: 'email', subject: '¿Tengo que pagar impuestos para recibir el pedido 5510?',
      status: 'snoozed', assignee: 'marta', language: 'es', intent: 'customs_duties', priority: 'normal', sla_due_at: ahead(20 * HOUR),
    },
    [
      [30 * HOUR, 'inbound', 'Diego Ramírez',
        'Buenas tardes, UPS me pide pagar $1,120 MXN de impuestos para entregar mi pedido 5510. ¿Eso es correcto? En la página decía envío incluido.', null],
      [29 * HOUR, 'note', AGENT_NAME, 'Snoozed until UPS confirms whether the duties were prepaid (DDP).', null],
    ],
  );
  focusOrder.set(107, 5510);

  // ---- 108 · Austrian German, cancelled by autopilot ----------------------------------
  customer({
    id: 8, name: 'Anna Gruber', country: 'AT', language: 'de', time_zone: 'Europe/Vienna', time_zone_source: 'address',
    identities: [{ kind: 'email', value: 'anna.gruber@example.at' }],
    since_days: 9,
  });
  order({
    id: 1058, store: 1, customer: 8, number: '1058', email: 'anna.gruber@example.at', days: 1, currency: 'EUR',
    lines: [['WAF-TWL-SAND', 'Waffle bath towel, sand', 3, 3900]],
    shipping: 690, tax: 0, financial: 'refunded', fulfillment: 'cancelled', cancelledDays: 0.8,
    address: { name: 'Anna Gruber', line1: 'Neubaugasse 12/4', line2: null, city: 'Wien', region: null, region_code: null, postcode: '1070', country: 'AT', phone: null },
  });
  conversation(
    {
      id: 108, customer_id: 8, store_id: 1, channel: 'email', subject: 'Stornierung Bestellung #1058', status: 'autopilot',
      assignee: null, language: 'de', intent: 'cancel_order', priority: 'normal', sla_due_at: null,
    },
    [
      [21 * HOUR, 'inbound', 'Anna Gruber', 'Hallo, bitte stornieren Sie meine Bestellung #1058, ich habe mich bei der Farbe vertan. Danke!', null],
      [20 * HOUR, 'outbound', 'Meridian',
        'Hallo Frau Gruber,\n\nIhre Bestellung #1058 wurde storniert, der Betrag von 123,90 € wird in 3–5 Werktagen auf Ihr Zahlungsmittel zurückgebucht.\n\nViele Grüße\nLumen & Loom', null],
    ],
  );
  focusOrder.set(108, 1058);

  // ---- 109 · Chinese (Singapore), delivery time question, no order --------------------
  customer({
    id: 9, name: '林美玲', country: 'SG', language: 'zh', time_zone: 'Asia/Singapore', time_zone_source: 'phone',
    identities: [{ kind: 'email', value: 'meiling.lim@example.sg' }, { kind: 'phone', value: '+65 9123 4567' }],
    since_days: 1,
  });
  conversation(
    {
      id: 109, customer_id: 9, store_id: 1, channel: 'email', subject: '寄到新加坡需要几天？', status: 'open',
      assignee: null, language: 'zh', intent: 'delivery_period', priority: 'normal', sla_due_at: ahead(9 * HOUR),
    },
    [[3 * HOUR, 'inbound', '林美玲', '您好，请问寄到新加坡一般需要几天？如果现在下单，12月20日前能收到吗？想当圣诞礼物送人。谢谢！', null]],
  );

  // ---- 110 · Arabic (UAE), refund tracking, Amazon ------------------------------------
  customer({
    id: 10, name: 'فاطمة الزهراني', country: 'AE', language: 'ar', time_zone: 'Asia/Dubai', time_zone_source: 'address',
    identities: [{ kind: 'amazon_alias', value: 'q8r2m5v0n3w1@marketplace.amazon.ae' }],
    since_days: 45,
  });
  order({
    id: 7010, store: 2, customer: 10, number: '171-5566778-9900112', external_id: '171-5566778-9900112', email: null, days: 30, currency: 'AED',
    lines: [['WAF-TWL-SAND', 'Waffle bath towel, sand', 2, 8900], ['LIN-NAP-6', 'Linen napkins, set of 6, ochre', 1, 12900]],
    shipping: 2500, tax: 1535, financial: 'partially_refunded', fulfillment: 'fulfilled',
    address: { name: 'Fatima Al-Zahrani', line1: 'Marina Gate 2, Apt 1804', line2: 'Dubai Marina', city: 'Dubai', region: null, region_code: null, postcode: null, country: 'AE', phone: null },
  });
  shipment({
    order_id: 7010, carrier: 'dhl', tracking_number: '8830125547', status: 'returned',
    shipped_at: ago(28 * DAY), promised_by: ymd(-22 * DAY), expected_at: ago(23 * DAY), delivered_at: ago(23 * DAY),
    events: [
      [28 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'in_transit', 'Shipment picked up'],
      [23 * DAY, 'Asia/Dubai', 'Dubai, AE', 'AE', 'delivered', 'Delivered'],
      [14 * DAY, 'Asia/Dubai', 'Dubai, AE', 'AE', 'in_transit', 'Return shipment picked up'],
      [9 * DAY, 'Europe/Madrid', 'Madrid, ES', 'ES', 'returned', 'Returned to shipper'],
    ],
  });
  conversation(
    {
      id: 110, customer_id: 10, store_id: 2, channel: 'amazon_messaging', subject: 'متى سيصلني المبلغ المسترد؟', status: 'waiting',
      assignee: 'marta', language: 'ar', intent: 'track_refund', priority: 'normal', sla_due_at: null,
    },
    [
      [2 * DAY + 4 * HOUR, 'inbound', 'فاطمة الزهراني', 'مرحبا، أرجعت المناشف قبل أسبوعين ولم يصلني المبلغ المسترد (178 درهم) بعد. متى سيتم الاسترداد؟', null],
      [2 * DAY + 3 * HOUR, 'outbound', AGENT_NAME,
        'مرحبًا فاطمة،\nاستلمنا المرتجع في 9 من هذا الشهر، وتم إصدار استرداد بقيمة 178.00 درهم. يظهر المبلغ عادةً في حسابك خلال 3–5 أيام عمل.\nمع التحية،\nمارتا', null],
    ],
  );
  focusOrder.set(110, 7010);

  // ---- 111 · English (US), product question -------------------------------------------
  customer({
    id: 11, name: 'Emily Carter', country: 'US', language: 'en', time_zone: 'America/Los_Angeles', time_zone_source: 'address',
    identities: [{ kind: 'email', value: 'emily.carter@example.com' }],
    since_days: 2,
  });
  conversation(
    {
      id: 111, customer_id: 11, store_id: 3, channel: 'chat', subject: 'Is the duvet cover pre-washed?', status: 'open',
      assignee: null, language: 'en', intent: 'product_question', priority: 'low', sla_due_at: ahead(26 * HOUR),
    },
    [[4 * HOUR, 'inbound', 'Emily Carter', 'Hi! Is the linen duvet cover pre-washed? And does the 220×240 size fit a US queen comforter (90×92 in)?', null]],
  );

  // ---- 112 · Japanese, unknown time zone ----------------------------------------------
  customer({
    id: 12, name: '伊藤 さくら', country: 'JP', language: 'ja', time_zone: null, time_zone_source: null,
    identities: [{ kind: 'email', value: 'sakura.ito@example.jp' }],
    since_days: 14,
  });
  conversation(
    {
      id: 112, customer_id: 12, store_id: 1, channel: 'email', subject: 'パスワードを再設定できません', status: 'open',
      assignee: null, language: 'ja', intent: 'recover_password', priority: 'normal', sla_due_at: ahead(3 * HOUR),
    },
    [[7 * HOUR, 'inbound', '伊藤 さくら', 'パスワード再設定のメールが届きません。迷惑メールフォルダも確認しました。どうすればよいでしょうか。', null]],
  );

  // ---- Older history: enough closed conversations to page through ---------------------
  const older: [string, string, string, string, string, Conversation['intent'], string, string][] = [
    ['Sophie Martin', 'FR', 'fr', 'Europe/Paris', 'Délai de livraison pour Lyon ?', 'delivery_period', 'Bonjour, combien de temps faut-il pour une livraison à Lyon ?', 'Bonjour, comptez 3 à 5 jours ouvrés pour Lyon avec Colissimo.'],
    ['Marco Rossi', 'IT', 'it', 'Europe/Rome', 'Fattura per l’ordine', 'get_invoice', 'Buongiorno, potreste inviarmi la fattura con partita IVA?', 'Buongiorno, le abbiamo inviato la fattura con la sua partita IVA.'],
    ['Kim Ji-woo', 'KR', 'ko', 'Asia/Seoul', '배송 조회 문의', 'track_order', '안녕하세요, 주문한 상품이 언제 도착하나요?', '안녕하세요, 상품은 현재 배송 중이며 2~3일 내 도착 예정입니다.'],
    ['Lukas Schmidt', 'DE', 'de', 'Europe/Berlin', 'Rücksendung Handtücher', 'return_item', 'Hallo, wie kann ich die Handtücher zurückschicken?', 'Hallo, das kostenlose Rücksendeetikett finden Sie im Anhang.'],
    ['Carmen López', 'ES', 'es', 'Europe/Madrid', 'Cambio de talla de la funda', 'change_order', 'Hola, ¿puedo cambiar la funda nórdica a 260×240?', 'Hola, hemos cambiado tu pedido a la talla 260×240.'],
    ['张伟', 'CN', 'zh', 'Asia/Shanghai', '可以开发票吗？', 'check_invoice', '你好，请问可以开具增值税发票吗？', '您好，可以的，请提供公司名称和税号。'],
    ['山本 翔太', 'JP', 'ja', 'Asia/Tokyo', '支払い方法について', 'check_payment_methods', 'コンビニ払いは利用できますか？', '申し訳ございませんが、現在コンビニ払いには対応しておりません。'],
    ['Nour Haddad', 'JO', 'ar', 'Asia/Amman', 'استفسار عن سياسة الاسترجاع', 'check_refund_policy', 'مرحبا، ما هي مدة الإرجاع المسموحة؟', 'مرحبًا، يمكنك إرجاع المنتجات خلال 30 يومًا من الاستلام.'],
    ['Olivia Brown', 'GB', 'en', 'Europe/London', 'Newsletter discount code', 'newsletter_subscription', 'Hi, I signed up for the newsletter but never got the 10% code.', 'Hi Olivia, here is your code: WELCOME10.'],
    ['Pieter de Vries', 'NL', 'nl', 'Europe/Amsterdam', 'Account verwijderen', 'delete_account', 'Graag wil ik mijn account en gegevens laten verwijderen.', 'Uw account en gegevens zijn verwijderd.'],
  ];
  const olderStatuses: Conversation['status'][] = ['closed', 'closed', 'waiting', 'closed', 'autopilot'];
  let id = 200;
  for (let round = 0; round < 4; round++) {
    older.forEach(([name, country, language, tz, subject, intent, text, reply], i) => {
      id += 1;
      const custId = 100 + id;
      customer({
        id: custId, name, country, language, time_zone: tz, time_zone_source: 'address',
        identities: [{ kind: 'email', value: `${name.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase() || 'customer'}${id}@example.com` }],
        since_days: 200 + id,
      });
      const daysAgo = 4 + round * 9 + i * 0.8;
      const channel: Conversation['channel'] = i % 3 === 1 ? 'amazon_messaging' : 'email';
      conversation(
        {
          id, customer_id: custId, store_id: channel === 'amazon_messaging' ? 2 : 1, channel, subject, status: olderStatuses[(i + round) % olderStatuses.length],
          assignee: null, language, intent, priority: i % 4 === 0 ? 'low' : 'normal', sla_due_at: null,
        },
        [
          [daysAgo * DAY, 'inbound', name, text, null],
          [daysAgo * DAY - 40 * MIN, 'outbound', i % 2 ? 'Meridian' : AGENT_NAME, reply, null],
        ],
      );
    });
  }

  const settings: Settings = {
    locale: 'en-US',
    available_locales: ['en-US', 'zh-CN', 'es-ES', 'ja-JP'],
    agent_name: AGENT_NAME,
    agent_time_zone: 'Europe/Madrid',
    store_location: '/home/marta/.local/share/meridian/meridian.db',
    stats: {
      stores: stores.length,
      customers: customers.length,
      orders: orders.length,
      shipments: shipments.length,
      conversations: conversations.length,
      messages: messages.length,
      agents: 3,
      languages: new Set(conversations.map((c) => c.language)).size,
      countries: new Set(customers.map((c) => c.country)).size,
    },
    open_error: null,
    backups: [],
  };

  const connections: ConnectionView[] = [
    { account: 'shopify/northwind-outfitters.myshopify.com', kind: 'shopify', address: 'northwind-outfitters.myshopify.com', fields: ['access_token', 'webhook_secret'], has_credentials: false },
  ];
  return { settings, stores, customers, conversations, messages, orders, shipments, drafts, focusOrder, connections, replies: [], paused: new Set() };
}
