// Development only: lets `npm run dev` run in a plain browser (screenshots, quick checks)
// by answering Tauri IPC with the mock backend. main.ts imports this dynamically behind
// `import.meta.env.DEV`, so production builds contain none of it.
//
// URL switches (all optional):
//   ?locale=ja-JP        start in that UI locale (as if saved by the Rust side)
//   ?dberror=corrupt     getSettings reports a damaged database, with two backups
//   ?tz=Asia/Shanghai    the agent's time zone
//   ?latency=600         milliseconds every command takes
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppError } from '../bindings';
import { createMockBackend } from './backend';

export function installMockBackend(): void {
  const params = new URLSearchParams(location.search);
  const dbPath = '/home/marta/.local/share/meridian/meridian.db';
  const errors: Record<string, AppError> = {
    corrupt: { code: 'db-corrupt', message: `${dbPath} is not a Meridian database or is damaged (file is not a database)`, args: { path: dbPath, detail: 'file is not a database' } },
    locked: { code: 'db-locked', message: `${dbPath} is in use by another program and stayed locked`, args: { path: dbPath } },
    newer: { code: 'db-newer-schema', message: `${dbPath} was written by a newer Meridian (schema 9, this version knows up to 4)`, args: { path: dbPath, found: '9', supported: '4' } },
  };
  const dberror = params.get('dberror');
  const backend = createMockBackend({
    latency: Number(params.get('latency') ?? 150),
    locale: params.get('locale') ?? undefined,
    openError: dberror ? (errors[dberror] ?? errors.corrupt) : null,
    backups: dberror
      ? [`${dbPath}.2026-11-24T0300.bak`, `${dbPath}.2026-11-17T0300.bak`]
      : [],
    persist: !params.has('locale'),
  });
  const tz = params.get('tz');
  if (tz) backend.settings.agent_time_zone = tz;
  mockIPC((cmd, args) => backend.invoke(cmd, args as Record<string, unknown>));
  console.info('[meridian] running against the in-browser mock backend');
}
