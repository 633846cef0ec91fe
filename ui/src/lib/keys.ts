// Keyboard shortcuts as a pure decision: (key event, where focus is) → action. The App
// performs the action; this module only decides, so it is unit-tested without a DOM.

export type KeyAction =
  | 'next'
  | 'prev'
  | 'open'
  | 'focus-reply'
  | 'send'
  | 'leave-input'
  | 'focus-search'
  | 'toggle-help'
  | 'close-help'
  | 'focus-inbox'
  | 'focus-thread'
  | 'focus-context'
  | 'take-over'
  | 'hand-back'
  | 'snooze'
  | 'close';

/** Where the focus is when the key goes down. */
export type FocusContext =
  | 'reply' // the reply textarea
  | 'search' // the search box
  | 'editable' // any other input, textarea, select or contenteditable
  | 'inbox' // the inbox listbox (or an element inside it)
  | 'other'; // body, a pane, a button, a link

/** The parts of a KeyboardEvent the decision needs (a real KeyboardEvent fits). */
export type KeyLike = {
  key: string;
  code?: string;
  keyCode?: number;
  isComposing?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  repeat?: boolean;
};

export type KeyState = {
  focus: FocusContext;
  /** The keyboard help overlay is open. */
  helpOpen?: boolean;
  /** A blocking dialog (the database error) is open: no pane shortcuts at all. */
  modalOpen?: boolean;
};

/** True while an input method (Chinese, Japanese, Korean IME…) is composing text. */
export function isComposing(e: KeyLike): boolean {
  // keyCode 229 is what browsers (and WebKitGTK) report for keys the IME swallowed.
  return Boolean(e.isComposing) || e.keyCode === 229;
}

const PANE_BY_DIGIT: Record<string, KeyAction> = {
  '1': 'focus-inbox',
  '2': 'focus-thread',
  '3': 'focus-context',
};

function digitOf(e: KeyLike): string | null {
  // On macOS Option+1 produces "¡" as the key, so read the physical key as well.
  if (e.code && /^(Digit|Numpad)[1-3]$/.test(e.code)) return e.code.slice(-1);
  if (/^[1-3]$/.test(e.key)) return e.key;
  return null;
}

export function decideKey(e: KeyLike, state: KeyState): KeyAction | null {
  if (isComposing(e)) return null;
  if (state.modalOpen) return null;

  const mod = Boolean(e.ctrlKey || e.metaKey);
  const alt = Boolean(e.altKey);

  if (state.helpOpen) {
    if (e.key === 'Escape' || (e.key === '?' && !mod && !alt)) return 'close-help';
    return null;
  }

  // Alt+1/2/3 work from anywhere, inputs included: they never type a character here.
  if (alt && !mod) {
    const digit = digitOf(e);
    if (digit) return PANE_BY_DIGIT[digit];
    return null;
  }

  if (state.focus === 'reply') {
    if (e.key === 'Enter' && mod && !alt) return 'send';
    if (e.key === 'Escape') return 'leave-input';
    return null;
  }
  if (state.focus === 'search' || state.focus === 'editable') {
    if (e.key === 'Escape') return 'leave-input';
    return null;
  }

  // Focus is not in a text field: single keys are shortcuts, unless a modifier is held
  // (Ctrl+K, Cmd+R… belong to the webview and the OS).
  if (mod || alt) return null;

  switch (e.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'prev';
    case 'ArrowDown':
      // Arrows move the selection only from the list: elsewhere they scroll the pane.
      return state.focus === 'inbox' ? 'next' : null;
    case 'ArrowUp':
      return state.focus === 'inbox' ? 'prev' : null;
    case 'Enter':
      // Elsewhere Enter belongs to the focused button or link.
      return state.focus === 'inbox' ? 'open' : null;
    case 'o':
      return 'open';
    case 'r':
      return 'focus-reply';
    case '/':
      return 'focus-search';
    case '?':
      return 'toggle-help';
    case 't':
      return 'take-over';
    case 'h':
      return 'hand-back';
    case 'z':
      return 'snooze';
    case 'e':
      return 'close';
    default:
      return null;
  }
}

/** Classifies the focused element for decideKey. */
export function focusContextOf(el: Element | null): FocusContext {
  if (!el) return 'other';
  const testId = el.getAttribute('data-testid');
  if (testId === 'reply-box') return 'reply';
  if (testId === 'search') return 'search';
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'editable';
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    // Buttons and boxes take no text: shortcuts stay on.
    if (!['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type)) return 'editable';
  }
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true') return 'editable';
  if (el.closest('[data-testid="inbox"]')) return 'inbox';
  return 'other';
}
