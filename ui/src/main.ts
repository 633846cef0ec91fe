import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

async function start(): Promise<void> {
  // In `npm run dev` outside Tauri (a plain browser), answer the commands with demo data.
  // `import.meta.env.DEV` is false in `vite build`, so the mock is not even bundled.
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
    const { installMockBackend } = await import('./lib/mock/install');
    installMockBackend();
  }
  mount(App, { target: document.getElementById('app')! });
}

void start();
