import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockBackend, type MockBackend } from '../lib/mock/backend';
import { setUiLocale } from '../lib/i18n.svelte';
import { render, settle } from '../test/helpers';

const backend = vi.hoisted(() => ({ current: null as MockBackend | null }));
vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn((cmd: string, args?: Record<string, unknown>) => backend.current!.invoke(cmd, args)),
}));
import ConnectionsDialog from './ConnectionsDialog.svelte';

function installMockBackend(b: MockBackend): void {
  backend.current = b;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('connections dialog', () => {
  beforeEach(() => setUiLocale('en-US'));
  afterEach(() => (document.body.innerHTML = ''));

  it('tests credentials before keeping them and says why they were refused', async () => {
    const backend = createMockBackend({ now: Date.parse('2026-11-25T09:00:00Z') });
    installMockBackend(backend);
    const r = render(ConnectionsDialog, { onclose: () => {} });
    await settle();
    const form = r.target.querySelector<HTMLFormElement>('[data-account="shopify/northwind-outfitters.myshopify.com"]')!;
    expect(r.text(form)).toContain('No credentials yet');
    const token = form.querySelector<HTMLInputElement>('[data-field="access_token"]')!;
    expect(token.type).toBe('password');
    type(token, 'shpat_bad');
    type(form.querySelector<HTMLInputElement>('[data-field="webhook_secret"]')!, 'whsec');
    form.requestSubmit();
    await settle();
    expect(r.text(r.testid('connection-result'))).toContain('The credentials were not saved');
    expect(r.text(r.testid('connection-result'))).toContain('authentication failed for shop northwind-outfitters.myshopify.com');
    expect(backend.db.connections[0].has_credentials).toBe(false);

    type(token, 'shpat_good');
    form.requestSubmit();
    await settle();
    expect(r.text(r.testid('connection-result'))).toBe('Connected: credentials saved in the keyring.');
    expect(backend.db.connections[0].has_credentials).toBe(true);
    expect(token.value).toBe('');
  });

  it('closes on Escape', async () => {
    installMockBackend(createMockBackend({}));
    const onclose = vi.fn();
    const r = render(ConnectionsDialog, { onclose });
    await settle();
    r.testid('connections')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onclose).toHaveBeenCalled();
  });
});
