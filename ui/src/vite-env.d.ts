/// <reference types="svelte" />
/// <reference types="vite/client" />

interface Window {
  /** Present inside the Tauri webview; absent in a plain browser. */
  __TAURI_INTERNALS__?: unknown;
}
