import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import ContextPane from './ContextPane.svelte';
import OrderPane from './OrderPane.svelte';
import { createMockBackend } from '../lib/mock/backend';
import type { ConversationView } from '../lib/bindings';
import { setUiLocale } from '../lib/i18n.svelte';
import { render } from '../test/helpers';

const NOW = Date.parse('2026-11-25T09:00:00Z');

function viewOf(id: number): ConversationView {
  return createMockBackend({ now: NOW }).handle('open_conversation', { id }) as ConversationView;
}

function props(view: ConversationView, extra: Partial<Record<string, unknown>> = {}) {
  return {
    view,
    focusOrderId: view.focus_order_id,
    agentZone: 'Europe/Madrid',
    now: NOW,
    onselectorder: () => {},
    ...extra,
  };
}

describe('order and logistics panes', () => {
  beforeEach(() => setUiLocale('en-US'));
  afterEach(() => (document.body.innerHTML = ''));

  it('renders the focus order with its number, money and parcel status', () => {
    const view = viewOf(101);
    const r = render(ContextPane, props(view));

    const pane = r.testid('order-pane')!;
    expect(r.text(pane.querySelector('[data-testid="order-number"]'))).toBe('#1047');
    expect(r.text(pane)).toContain('Shopify');
    expect(r.text(pane)).toContain('Paid');
    expect(r.text(pane)).toContain('Fulfilled');
    expect(r.text(pane)).toContain('1 × Linen duvet cover, sage, 220×240');
    expect(r.text(r.testid('order-total'))).toBe('¥27,400');

    const status = r.testid('shipment-status')!;
    expect(status.getAttribute('data-status')).toBe('customs');
    expect(r.text(status)).toBe('In customs');
    expect(r.text(r.testid('tracking-number'))).toBe('4829173650');
    // Promised today, expected in two days: late.
    expect(r.testid('late')).not.toBeNull();
    expect(r.testid('expected')!.getAttribute('data-late')).toBe('true');

    // Carrier events newest first, each in its own zone and the agent's.
    const events = r.qa('[data-testid="shipment-events"] li');
    expect(events).toHaveLength(6);
    expect(r.text(events[0])).toContain('Customs requested the commercial invoice');
    expect(r.text(events[0])).toContain('(Asia/Tokyo)');
    expect(r.text(events[0])).toContain('your time');
    expect(r.text(events[5])).toContain('Shipment information received');

    // Customer card: local time in the customer's zone, and where the zone came from.
    const card = r.testid('customer-card')!;
    expect(r.text(card)).toContain('佐藤 美咲');
    expect(r.text(card)).toContain('Asia/Tokyo');
    expect(r.text(card)).toContain('from the shipping address');
    expect(r.text(r.testid('customer-local-time'))).toContain('6:00 PM');
    r.destroy();
  });

  it('shows Amazon order numbers as they are, in the UI locale’s money format', () => {
    setUiLocale('es-ES');
    const view = viewOf(103);
    const r = render(OrderPane, {
      orders: view.orders,
      focusOrderId: view.focus_order_id,
      agentZone: 'Europe/Madrid',
      now: NOW,
      onselect: () => {},
    });
    expect(r.text(r.testid('order-number'))).toBe('407-3849216-7782310');
    expect(r.text(r.testid('order-total'))).toBe('49,90 €');
    expect(r.text(r.testid('order-pane'))).toContain('Pagado');
    r.destroy();
  });

  it('lists the other orders and switches the focus order', () => {
    const view = viewOf(101);
    let picked: number | null = null;
    const r = render(ContextPane, props(view, { onselectorder: (id: number) => (picked = id) }));
    const others = r.qa('[data-testid="order-item"]');
    expect(others).toHaveLength(1);
    expect(r.text(others[0])).toContain('#998');
    others[0].click();
    expect(picked).toBe(998);
    r.destroy();

    const r2 = render(ContextPane, props(view, { focusOrderId: 998 }));
    flushSync();
    expect(r2.text(r2.testid('order-number'))).toBe('#998');
    expect(r2.testid('shipment-status')!.getAttribute('data-status')).toBe('delivered');
    r2.destroy();
  });

  it('handles a customer without orders or a known time zone', () => {
    const r = render(ContextPane, props(viewOf(109)));
    expect(r.text(r.testid('order-pane'))).toContain('No orders linked to this customer.');
    expect(r.testid('order-number')).toBeNull();
    expect(r.text(r.testid('logistics-pane'))).toContain('Select an order to see its parcels.');
    r.destroy();
    const r2 = render(ContextPane, props(viewOf(112)));
    expect(r2.text(r2.testid('customer-local-time'))).toBe('Unknown');
    r2.destroy();
  });

  it('shows a failed delivery and the Arabic address as plain bidi text', () => {
    const r = render(ContextPane, props(viewOf(102)));
    expect(r.text(r.testid('order-number'))).toBe('#5521');
    expect(r.testid('shipment-status')!.getAttribute('data-status')).toBe('failed_attempt');
    expect(r.q('address')!.getAttribute('dir')).toBe('auto');
    r.destroy();
  });
});
