// The whole workstation against the mock backend, through a mocked Tauri `invoke`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { AppError } from './lib/bindings';
import { createMockBackend, type MockBackend, type MockOptions } from './lib/mock/backend';
import { render, settle, clean } from './test/helpers';

const backend = vi.hoisted(() => ({ current: null as MockBackend | null }));
vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn((cmd: string, args?: Record<string, unknown>) => backend.current!.invoke(cmd, args)),
}));

import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';

const invokeMock = vi.mocked(invoke);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function press(key: string, init: KeyboardEventInit & { keyCode?: number } = {}) {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  target.dispatchEvent(event);
  flushSync();
  return event;
}

async function start(options: MockOptions = {}) {
  backend.current = createMockBackend({ now: Date.now(), ...options });
  const r = render(App, {});
  await settle(10);
  return r;
}

const selectedId = () => document.querySelector('[data-testid="inbox-item"][aria-selected="true"]')?.getAttribute('data-id');
const calls = (cmd: string) => invokeMock.mock.calls.filter(([c]) => c === cmd);

describe('Meridian workstation', () => {
  beforeEach(() => {
    invokeMock.mockClear();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('starts in the saved locale with the inbox focused and the newest conversation open', async () => {
    const r = await start({ locale: 'ja-JP' });
    expect(document.documentElement.lang).toBe('ja-JP');
    expect(r.testid<HTMLSelectElement>('locale-select')!.value).toBe('ja-JP');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('inbox');
    expect(r.testid('inbox')!.getAttribute('role')).toBe('listbox');

    const items = r.qa('[data-testid="inbox-item"]');
    expect(items).toHaveLength(40);
    expect(items[0].getAttribute('role')).toBe('option');
    expect(selectedId()).toBe('105');
    expect(r.text(r.testid('thread-subject'))).toBe('订单 5534 地址填错了');
    expect(r.testid<HTMLInputElement>('search')!.placeholder).toContain('検索');
    // Filters come from the facets, with counts.
    const status = r.testid<HTMLSelectElement>('filter-status')!;
    expect([...status.options].map((o) => clean(o.text))).toContain('対応中（6）');
    expect(r.qa('[data-testid="filter-intent"] option').length).toBeGreaterThan(10);
    r.destroy();
  });

  it('moves with j/k, opens with Enter, and ignores keys while an IME composes', async () => {
    const r = await start();
    expect(selectedId()).toBe('105');
    press('j');
    expect(selectedId()).toBe('101');
    press('ArrowDown');
    expect(selectedId()).toBe('102');
    press('k');
    expect(selectedId()).toBe('101');
    // Composing Japanese: the j is text for the IME, not a shortcut.
    press('j', { isComposing: true });
    press('j', { keyCode: 229 });
    expect(selectedId()).toBe('101');
    press('Enter');
    await settle();
    expect(r.text(r.testid('thread-subject'))).toBe('注文 #1047 の配送状況について');
    expect(r.text(r.testid('order-number'))).toBe('#1047');
    const messages = r.qa('[data-testid="message"]');
    expect(messages.map((m) => m.getAttribute('data-direction'))).toEqual(['inbound', 'outbound', 'note', 'inbound']);
    // Agent time and the customer's own.
    expect(r.text(messages[0].querySelector('[data-testid="message-time"]'))).toMatch(/· customer .*\(Asia\/Tokyo\)$/);
    // Every body keeps its own direction.
    expect(r.qa('[data-testid="message-body"]').every((b) => b.getAttribute('dir') === 'auto')).toBe(true);
    r.destroy();
  });

  it('takes over with t (the AI pauses), hands back with h, closes with e', async () => {
    const r = await start({ locale: 'en-US' });
    const id = Number(selectedId());
    press('t');
    await settle();
    expect(calls('apply_workflow').at(-1)![1]).toEqual({ conversationId: id, action: { kind: 'take_over' } });
    expect(r.testid('ai-paused')).not.toBeNull();
    expect(r.text(r.testid('thread-status'))).toBe('Escalated');
    press('h');
    await settle();
    expect(r.testid('ai-paused')).toBeNull();
    press('e');
    await settle();
    expect(r.text(r.testid('thread-status'))).toBe('Closed');
    expect(r.testid('reopen')).not.toBeNull();
    // A supervisor hands it to Kenji: escalated to him, the AI paused.
    const assign = r.testid<HTMLSelectElement>('assign')!;
    assign.value = 'kenji';
    assign.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(calls('assign_conversation').at(-1)![1]).toEqual({ conversationId: id, agentId: 'kenji' });
    expect(r.text(r.testid('thread-status'))).toBe('Escalated');
    expect(r.text(r.testid('thread'))).toContain('Kenji Sato');
    expect(r.testid('ai-paused')).not.toBeNull();
    r.destroy();
  });

  it('renders sanitised HTML bodies and plain text bodies', async () => {
    const r = await start();
    r.qa('[data-testid="inbox-item"]').find((i) => i.getAttribute('data-id') === '104')!.click();
    await settle();
    const body = r.q('[data-testid="message-body"]')!;
    expect(body.querySelector('strong')?.textContent).toBe('#1052');
    expect(body.querySelector('blockquote')).not.toBeNull();
    r.destroy();
  });

  it('switches the UI language at run time and persists it through setLocale', async () => {
    const r = await start();
    const search = r.testid<HTMLInputElement>('search')!;
    expect(search.placeholder).toBe('Search messages, orders, tracking numbers…');
    const select = r.testid<HTMLSelectElement>('locale-select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['en-US', 'zh-CN', 'es-ES', 'ja-JP']);
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(calls('set_locale')).toEqual([['set_locale', { locale: 'zh-CN' }]]);
    expect(search.placeholder).toBe('搜索消息、订单号、运单号…');
    expect(r.text(r.testid('send'))).toBe('发送');
    expect(r.text(r.testid('logistics-pane'))).toContain('物流');
    expect(document.documentElement.lang).toBe('zh-CN');
    select.value = 'es-ES';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(r.text(r.testid('send'))).toBe('Enviar');
    r.destroy();
  });

  it('writes a reply from the keyboard: r, draft autosave, Ctrl+Enter, Escape', async () => {
    const r = await start();
    press('r');
    const box = r.testid<HTMLTextAreaElement>('reply-box')!;
    expect(document.activeElement).toBe(box);
    // Letters typed in the box are text, not shortcuts.
    expect(press('j').defaultPrevented).toBe(false);
    box.value = '您好，已为您修改地址。';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(calls('save_draft')).toHaveLength(0);
    await wait(700);
    await settle();
    expect(calls('save_draft')).toEqual([['save_draft', { conversationId: 105, body: '您好，已为您修改地址。' }]]);
    expect(r.text(r.testid('draft-status'))).toBe('Draft saved');

    // Ctrl+Enter while the IME is still composing does not send.
    press('Enter', { ctrlKey: true, isComposing: true });
    await settle();
    expect(calls('send_reply')).toHaveLength(0);

    const before = r.qa('[data-testid="message"]').length;
    press('Enter', { ctrlKey: true });
    await settle();
    expect(calls('send_reply')).toEqual([['send_reply', { conversationId: 105, body: '您好，已为您修改地址。' }]]);
    const messages = r.qa('[data-testid="message"]');
    expect(messages).toHaveLength(before + 1);
    expect(messages.at(-1)!.getAttribute('data-direction')).toBe('outbound');
    expect(r.text(messages.at(-1)!.querySelector('[data-testid="message-body"]'))).toBe('您好，已为您修改地址。');
    expect(box.value).toBe('');

    press('Escape');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('inbox');
    r.destroy();
  });

  it('explains an empty reply instead of sending it', async () => {
    const r = await start();
    // The assist draft fills the box; the agent clears it.
    const box = r.testid<HTMLTextAreaElement>('reply-box')!;
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    r.testid<HTMLButtonElement>('send')!.click();
    await settle();
    expect(r.text(r.testid('reply-error'))).toBe('Write something before sending.');
    expect(calls('send_reply')).toHaveLength(0);
    r.destroy();
  });

  it('shows the assist panel and fills an empty reply with the grounded draft', async () => {
    const r = await start();
    await settle();
    const panel = r.testid('assist-panel');
    expect(panel?.getAttribute('data-action')).toBe('autopilot');
    expect(r.text(r.testid('assist-meaning'))).toContain('Your order is on its way.');
    expect(r.testid<HTMLTextAreaElement>('reply-box')!.value).toContain('Su pedido está en camino.');
    r.destroy();
  });

  it('shows send errors from Rust translated', async () => {
    const r = await start({ locale: 'es-ES' });
    backend.current!.db.conversations.splice(backend.current!.db.conversations.findIndex((c) => c.id === 105), 1);
    const box = r.testid<HTMLTextAreaElement>('reply-box')!;
    box.value = 'Hola';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    r.testid<HTMLButtonElement>('send')!.click();
    await settle();
    expect(r.text(r.testid('reply-error'))).toBe('El elemento solicitado ya no existe (conversation 105).');
    r.destroy();
  });

  it('searches on Enter, filters, pages with the cursor, and shows the empty state', async () => {
    const r = await start();
    const search = r.testid<HTMLInputElement>('search')!;
    press('/');
    expect(document.activeElement).toBe(search);
    search.value = '4829173650';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(calls('list_inbox').at(-1)![1]).toMatchObject({ filter: { query: '4829173650', after: null } });
    expect(r.qa('[data-testid="inbox-item"]').map((i) => i.getAttribute('data-id'))).toEqual(['101']);

    search.value = 'nothing-like-this';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(r.testid('inbox-empty')).not.toBeNull();
    r.qa<HTMLButtonElement>('[data-testid="inbox-empty"] button')[0].click();
    await settle();
    expect(r.qa('[data-testid="inbox-item"]')).toHaveLength(40);

    const lang = r.testid<HTMLSelectElement>('filter-language')!;
    lang.value = 'ar';
    lang.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(r.qa('[data-testid="inbox-item"]').map((i) => i.getAttribute('data-id'))).toEqual(['102', '110', '208', '218', '228', '238']);
    lang.value = '';
    lang.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();

    r.testid<HTMLButtonElement>('load-more')!.click();
    await settle();
    const after = calls('list_inbox').at(-1)![1] as { filter: { after: unknown } };
    expect(after.filter.after).not.toBeNull();
    expect(r.qa('[data-testid="inbox-item"]')).toHaveLength(52);
    expect(r.testid('load-more')).toBeNull();
    r.destroy();
  });

  it('toggles the keyboard help with ? and Escape, and focuses panes with Alt+digits', async () => {
    const r = await start();
    press('?', { shiftKey: true });
    expect(document.querySelector('[data-testid="keyboard-help"]')).not.toBeNull();
    press('j');
    expect(selectedId()).toBe('105');
    press('Escape');
    await settle();
    expect(document.querySelector('[data-testid="keyboard-help"]')).toBeNull();
    press('3', { altKey: true, code: 'Digit3' });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('context');
    press('2', { altKey: true, code: 'Digit2' });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('thread-scroll');
    press('1', { altKey: true, code: 'Digit1' });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('inbox');
    r.destroy();
  });

  it('shows the database error dialog with backups instead of the panes', async () => {
    const error: AppError = {
      code: 'db-corrupt',
      message: '/data/meridian.db is not a Meridian database or is damaged (file is not a database)',
      args: { path: '/data/meridian.db', detail: 'file is not a database' },
    };
    const r = await start({ locale: 'zh-CN', openError: error, backups: ['/data/meridian.db.2026-11-24.bak'] });
    const dialog = r.testid('db-error')!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(r.text(r.testid('db-error-message'))).toBe('/data/meridian.db 不是 Meridian 数据库，或文件已损坏。');
    expect(r.text(r.testid('db-backups'))).toContain('/data/meridian.db.2026-11-24.bak');
    expect(r.testid('inbox')).toBeNull();
    expect(calls('list_inbox')).toHaveLength(0);
    // Pane shortcuts are off behind the dialog.
    press('j');
    press('?');
    expect(document.querySelector('[data-testid="keyboard-help"]')).toBeNull();
    r.destroy();
  });

  it('falls back to the Rust text for unknown error codes', async () => {
    const r = await start({ openError: { code: 'db-exploded', message: 'the database exploded', args: {} } });
    expect(r.text(r.testid('db-error-message'))).toBe('the database exploded');
    r.destroy();
  });
});
