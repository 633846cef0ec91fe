// Which colour family (a .chip modifier class) each status gets.
import type { ConversationStatus, FinancialStatus, FulfillmentStatus, ShipmentStatus } from './bindings';

export function statusTone(s: ConversationStatus): string {
  switch (s) {
    case 'open':
      return 'info';
    case 'escalated':
      return 'danger';
    case 'autopilot':
      return 'ok';
    case 'snoozed':
      return 'outline';
    default:
      return '';
  }
}

export function shipmentTone(s: ShipmentStatus): string {
  switch (s) {
    case 'delivered':
      return 'ok';
    case 'failed_attempt':
    case 'exception':
    case 'returned':
    case 'expired':
      return 'danger';
    case 'customs':
    case 'available_for_pickup':
      return 'warn';
    case 'in_transit':
    case 'out_for_delivery':
      return 'info';
    default:
      return '';
  }
}

export function financialTone(s: FinancialStatus): string {
  switch (s) {
    case 'paid':
      return 'ok';
    case 'pending':
    case 'authorized':
    case 'partially_paid':
      return 'warn';
    case 'refunded':
    case 'partially_refunded':
    case 'voided':
    case 'expired':
      return 'outline';
    default:
      return '';
  }
}

export function fulfillmentTone(s: FulfillmentStatus): string {
  switch (s) {
    case 'fulfilled':
      return 'ok';
    case 'on_hold':
      return 'warn';
    case 'cancelled':
      return 'danger';
    case 'unfulfilled':
      return 'outline';
    default:
      return 'info';
  }
}
