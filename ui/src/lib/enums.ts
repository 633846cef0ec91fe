// Every value of the generated enum types, for menus and for the test that each one has a
// label. `Record<T, true>` makes the compiler (npm run check) fail when bindings.ts gains or
// loses a value, so these lists cannot drift from the Rust types.
import type {
  Action,
  Carrier,
  MessageChannel,
  ConversationStatus,
  FinancialStatus,
  FulfillmentStatus,
  IdentityKind,
  Intent,
  Platform,
  Priority,
  ShipmentStatus,
} from './bindings';

const keys = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

export const STATUSES = keys<ConversationStatus>({
  open: true,
  waiting: true,
  autopilot: true,
  escalated: true,
  snoozed: true,
  closed: true,
});

export const CHANNELS = keys<MessageChannel>({ email: true, amazon_messaging: true, chat: true });

export const PRIORITIES = keys<Priority>({ low: true, normal: true, high: true, urgent: true });

export const PLATFORMS = keys<Platform>({ shopify: true, amazon: true, woocommerce: true });

export const ACTIONS = keys<Action>({ autopilot: true, approve: true, escalate: true });

export const INTENTS = keys<Intent>({
  track_order: true,
  track_refund: true,
  delivery_period: true,
  delivery_options: true,
  check_refund_policy: true,
  check_cancellation_fee: true,
  check_payment_methods: true,
  check_invoice: true,
  get_invoice: true,
  create_account: true,
  edit_account: true,
  recover_password: true,
  registration_problems: true,
  switch_account: true,
  newsletter_subscription: true,
  set_up_shipping_address: true,
  place_order: true,
  review: true,
  contact_customer_service: true,
  customs_duties: true,
  cancel_order: true,
  change_order: true,
  change_shipping_address: true,
  get_refund: true,
  return_item: true,
  damaged_or_wrong_item: true,
  missing_package: true,
  payment_issue: true,
  delete_account: true,
  product_question: true,
  other: true,
  complaint: true,
  contact_human_agent: true,
  dispute: true,
  privacy_request: true,
});

export const FINANCIAL_STATUSES = keys<FinancialStatus>({
  pending: true,
  authorized: true,
  paid: true,
  partially_paid: true,
  partially_refunded: true,
  refunded: true,
  voided: true,
  expired: true,
});

export const FULFILLMENT_STATUSES = keys<FulfillmentStatus>({
  unfulfilled: true,
  in_progress: true,
  on_hold: true,
  scheduled: true,
  partially_fulfilled: true,
  fulfilled: true,
  cancelled: true,
});

export const SHIPMENT_STATUSES = keys<ShipmentStatus>({
  pending: true,
  info_received: true,
  in_transit: true,
  customs: true,
  out_for_delivery: true,
  available_for_pickup: true,
  delivered: true,
  failed_attempt: true,
  exception: true,
  returned: true,
  expired: true,
});

export const CARRIERS = keys<Carrier>({
  ups: true,
  usps: true,
  fedex: true,
  dhl: true,
  china_post: true,
  yunexpress: true,
  post: true,
  other: true,
});

export const IDENTITY_KINDS = keys<IdentityKind>({
  email: true,
  amazon_alias: true,
  phone: true,
  platform_id: true,
});

/** Message-id prefix → every value that needs `${prefix}-${value}` in each locale. */
export const LABELLED_ENUMS: Record<string, readonly string[]> = {
  status: STATUSES,
  channel: CHANNELS,
  priority: PRIORITIES,
  platform: PLATFORMS,
  action: ACTIONS,
  intent: INTENTS,
  financial: FINANCIAL_STATUSES,
  fulfillment: FULFILLMENT_STATUSES,
  'shipment-status': SHIPMENT_STATUSES,
  carrier: CARRIERS,
  identity: IDENTITY_KINDS,
};
