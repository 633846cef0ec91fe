import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import { api, ApiError, toAppError } from './api';
import { setUiLocale, tError } from './i18n.svelte';
import { clean } from '../test/helpers';

const invokeMock = vi.mocked(invoke);

describe('api wrapper', () => {
  beforeEach(() => {
    invokeMock.mockReset();
    setUiLocale('en-US');
  });

  it('passes the command name and arguments through and returns the data', async () => {
    invokeMock.mockResolvedValueOnce(null);
    await expect(api.saveDraft(7, 'hola')).resolves.toBeNull();
    expect(invokeMock).toHaveBeenCalledWith('save_draft', { conversationId: 7, body: 'hola' });
  });

  it('throws the AppError of a failed command as an ApiError', async () => {
    invokeMock.mockRejectedValueOnce({ code: 'send-empty', message: 'the reply is empty', args: {} });
    const e = await api.sendReply(7, ' ').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('send-empty');
    expect(tError(toAppError(e))).toBe('Write something before sending.');
  });

  it('turns JavaScript failures (no Tauri, a bug) into an "unexpected" AppError', async () => {
    invokeMock.mockRejectedValueOnce(new TypeError('window.__TAURI_INTERNALS__ is undefined'));
    const e = await api.getSettings().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(toAppError(e)).toMatchObject({ code: 'unexpected' });
    expect(clean(tError(toAppError(e)))).toBe('Something went wrong: window.__TAURI_INTERNALS__ is undefined');
  });

  it('translates errors with their arguments, and falls back to the Rust text', () => {
    const locked = { code: 'db-locked', message: 'x is locked', args: { path: '/tmp/m.db' } };
    expect(tError(locked)).toBe('\u2068/tmp/m.db\u2069 is in use by another program and stayed locked. Close the other program and try again.');
    setUiLocale('ja-JP');
    expect(tError(locked)).toContain('/tmp/m.db');
    expect(tError(locked)).toContain('ロック');
    // A code the UI does not know yet, or one missing the arguments its sentence needs.
    expect(tError({ code: 'db-exploded', message: 'it exploded', args: {} })).toBe('it exploded');
    expect(tError({ code: 'db-locked', message: 'locked (Rust text)', args: {} })).toBe('locked (Rust text)');
  });
});
