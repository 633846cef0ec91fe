// Events the Rust side emits (the sync's changes). Outside Tauri (tests, the browser preview)
// there is no event bus: subscribing then does nothing.
import { listen } from '@tauri-apps/api/event';

export function onEvent<T>(name: 'order-changed' | 'sync-status' | 'conversation-changed' | 'focus-conversation', handler: (payload: T) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  try {
    listen<T>(name, (e) => handler(e.payload))
      .then((unlisten) => (stopped ? unlisten() : (stop = unlisten)))
      .catch(() => {});
  } catch {
    // No Tauri runtime.
  }
  return () => {
    stopped = true;
    stop?.();
  };
}
