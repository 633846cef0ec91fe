// Shared test helpers: mount Svelte components into happy-dom and read their text.
import { flushSync, mount, unmount, type Component } from 'svelte';

export function render<P extends Record<string, unknown>>(component: Component<P>, props: P) {
  const target = document.createElement('div');
  document.body.appendChild(target);
  const instance = mount(component, { target, props });
  flushSync();
  return {
    target,
    /** Text without Fluent's bidi isolation marks. */
    text: (el: Element | null = target) => clean(el?.textContent ?? ''),
    q: <T extends Element = HTMLElement>(selector: string) => target.querySelector<T>(selector),
    qa: <T extends Element = HTMLElement>(selector: string) => [...target.querySelectorAll<T>(selector)],
    testid: <T extends Element = HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`),
    destroy: () => {
      unmount(instance);
      target.remove();
    },
  };
}

export const clean = (s: string) => s.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** Lets pending promises (mocked commands) settle, then flushes Svelte. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
  }
}
