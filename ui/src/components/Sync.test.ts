import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ContextPane from './ContextPane.svelte';
import StatusBar from './StatusBar.svelte';
import { createMockBackend } from '../lib/mock/backend';
import type { ConversationView, Settings, SyncStatus } from '../lib/bindings';
import { setUiLocale } from '../lib/i18n.svelte';
import { render } from '../test/helpers';

const NOW = Date.parse('2026-11-25T09:10:00Z');
const backend = () => createMockBackend({ now: NOW });
const sync = () => backend().handle('sync_status', {}) as SyncStatus;

describe('connections in the panes and the status bar', () => {
  beforeEach(() => setUiLocale('en-US'));
  afterEach(() => (document.body.innerHTML = ''));

  it('says which platform is unreachable since when, and offers a refresh', () => {
    const view = backend().handle('open_conversation', { id: 101 }) as ConversationView;
    let refreshed: number | null = null;
    const r = render(ContextPane, {
      view,
      focusOrderId: view.focus_order_id,
      agentZone: 'Europe/Madrid',
      now: NOW,
      onselectorder: () => {},
      sync: sync(),
      onrefresh: (id: number) => (refreshed = id),
    });
    const stale = r.testid('order-stale');
    expect(r.text(stale)).toBe('Shopify northwind-outfitters.myshopify.com unreachable since 10:02 AM — showing saved data');
    (r.testid('order-refresh') as HTMLButtonElement).click();
    expect(refreshed).toBe(view.focus_order_id);
  });

  it('sends the summary or a return to the platform, and says up front that Amazon takes neither', () => {
    const view = backend().handle('open_conversation', { id: 101 }) as ConversationView;
    const calls: [number, string, string][] = [];
    const props = {
      view,
      focusOrderId: view.focus_order_id,
      agentZone: 'Europe/Madrid',
      now: NOW,
      onselectorder: () => {},
      sync: sync(),
      onwriteback: (id: number, kind: string, platform: string) => calls.push([id, kind, platform]),
    };
    const r = render(ContextPane, props);
    (r.testid('writeback-summary') as HTMLButtonElement).click();
    (r.testid('writeback-return') as HTMLButtonElement).click();
    expect(calls).toEqual([
      [view.focus_order_id!, 'summary', 'Shopify'],
      [view.focus_order_id!, 'return', 'Shopify'],
    ]);
    r.destroy();
    const amazon = { ...view, orders: view.orders.map((o) => (o.id === view.focus_order_id ? { ...o, platform: 'amazon' as const } : o)) };
    const a = render(ContextPane, { ...props, view: amazon });
    expect(a.testid('writeback-summary')).toBeNull();
    expect(a.text(a.testid('writeback-amazon'))).toContain('Amazon does not accept notes');
  });

  it('shows no refresh button and no notice without connections', () => {
    const view = backend().handle('open_conversation', { id: 101 }) as ConversationView;
    const r = render(ContextPane, { view, focusOrderId: view.focus_order_id, agentZone: 'Europe/Madrid', now: NOW, onselectorder: () => {} });
    expect(r.testid('order-refresh')).toBeNull();
    expect(r.testid('order-stale')).toBeNull();
  });

  it('lists each connector with its health, in the UI language', () => {
    const settings = backend().handle('get_settings', {}) as Settings;
    settings.agent_time_zone = 'Europe/Madrid';
    const r = render(StatusBar, { settings, sync: sync(), now: NOW });
    const items = [...r.testid('connectors')!.querySelectorAll('[data-connector]')];
    expect(items.map((i) => i.getAttribute('data-ok'))).toEqual(['false', 'true']);
    expect(r.text(items[1])).toContain('17TRACK · updated 13 minutes ago');
    setUiLocale('zh-CN');
    const zh = render(StatusBar, { settings, sync: sync(), now: NOW });
    expect(zh.text(zh.testid('connectors'))).toContain('自 10:02 起无法访问');
  });
});
