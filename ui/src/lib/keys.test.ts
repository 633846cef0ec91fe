import { describe, expect, it } from 'vitest';
import { decideKey, focusContextOf, isComposing, type KeyLike, type KeyState } from './keys';

const inbox: KeyState = { focus: 'inbox' };
const other: KeyState = { focus: 'other' };
const reply: KeyState = { focus: 'reply' };
const search: KeyState = { focus: 'search' };
const editable: KeyState = { focus: 'editable' };

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({ key: k, ...extra });

describe('decideKey', () => {
  it('moves the selection with j/k and the arrows in the inbox', () => {
    expect(decideKey(key('j'), inbox)).toBe('next');
    expect(decideKey(key('k'), inbox)).toBe('prev');
    expect(decideKey(key('ArrowDown'), inbox)).toBe('next');
    expect(decideKey(key('ArrowUp'), inbox)).toBe('prev');
  });

  it('keeps j/k global but leaves arrows to scroll other panes', () => {
    expect(decideKey(key('j'), other)).toBe('next');
    expect(decideKey(key('ArrowDown'), other)).toBeNull();
  });

  it('opens with Enter in the inbox and o anywhere outside text fields', () => {
    expect(decideKey(key('Enter'), inbox)).toBe('open');
    expect(decideKey(key('o'), other)).toBe('open');
    // Enter on a focused button is the button's.
    expect(decideKey(key('Enter'), other)).toBeNull();
  });

  it('maps r, / and ?', () => {
    expect(decideKey(key('r'), inbox)).toBe('focus-reply');
    expect(decideKey(key('/'), inbox)).toBe('focus-search');
    expect(decideKey(key('?', { shiftKey: true }), inbox)).toBe('toggle-help');
  });

  it('takes over, hands back, snoozes and closes with t, h, z and e, never while typing', () => {
    expect(decideKey(key('t'), inbox)).toBe('take-over');
    expect(decideKey(key('h'), other)).toBe('hand-back');
    expect(decideKey(key('z'), inbox)).toBe('snooze');
    expect(decideKey(key('e'), inbox)).toBe('close');
    expect(decideKey(key('t'), reply)).toBeNull();
    expect(decideKey(key('e', { ctrlKey: true }), inbox)).toBeNull();
  });

  it('sends with Ctrl+Enter and Cmd+Enter only from the reply box', () => {
    expect(decideKey(key('Enter', { ctrlKey: true }), reply)).toBe('send');
    expect(decideKey(key('Enter', { metaKey: true }), reply)).toBe('send');
    expect(decideKey(key('Enter'), reply)).toBeNull(); // a new line
    expect(decideKey(key('Enter', { ctrlKey: true }), search)).toBeNull();
  });

  it('leaves a text field with Escape', () => {
    expect(decideKey(key('Escape'), reply)).toBe('leave-input');
    expect(decideKey(key('Escape'), search)).toBe('leave-input');
    expect(decideKey(key('Escape'), editable)).toBe('leave-input');
  });

  it('never fires single-letter shortcuts while typing', () => {
    for (const state of [reply, search, editable]) {
      for (const k of ['j', 'k', 'o', 'r', '/', '?', 'ArrowDown', 'Enter']) {
        expect(decideKey(key(k), state)).toBeNull();
      }
    }
  });

  it('does nothing while an IME is composing', () => {
    // Chinese/Japanese input: the Enter that confirms a candidate, the j typed as romaji…
    expect(decideKey(key('Enter', { ctrlKey: true, isComposing: true }), reply)).toBeNull();
    expect(decideKey(key('Escape', { isComposing: true }), reply)).toBeNull();
    expect(decideKey(key('j', { isComposing: true }), inbox)).toBeNull();
    expect(decideKey(key('Enter', { isComposing: true }), inbox)).toBeNull();
    // WebKit reports swallowed keys as keyCode 229 even when isComposing is false.
    expect(decideKey(key('Process', { keyCode: 229 }), inbox)).toBeNull();
    expect(decideKey(key('Enter', { keyCode: 229, ctrlKey: true }), reply)).toBeNull();
    expect(decideKey(key('1', { keyCode: 229, altKey: true, code: 'Digit1' }), inbox)).toBeNull();
    expect(isComposing({ key: 'a', keyCode: 229 })).toBe(true);
    expect(isComposing({ key: 'a', keyCode: 65 })).toBe(false);
  });

  it('focuses the panes with Alt+1/2/3 from anywhere', () => {
    expect(decideKey(key('1', { altKey: true, code: 'Digit1' }), inbox)).toBe('focus-inbox');
    expect(decideKey(key('2', { altKey: true, code: 'Digit2' }), reply)).toBe('focus-thread');
    // macOS: Option+3 types "£" but the physical key is still Digit3.
    expect(decideKey(key('£', { altKey: true, code: 'Digit3' }), search)).toBe('focus-context');
    expect(decideKey(key('4', { altKey: true, code: 'Digit4' }), inbox)).toBeNull();
  });

  it('leaves modified keys to the webview and the OS', () => {
    expect(decideKey(key('r', { ctrlKey: true }), inbox)).toBeNull();
    expect(decideKey(key('k', { metaKey: true }), inbox)).toBeNull();
    expect(decideKey(key('j', { altKey: true }), inbox)).toBeNull();
  });

  it('only closes the help overlay while it is open', () => {
    expect(decideKey(key('Escape'), { focus: 'other', helpOpen: true })).toBe('close-help');
    expect(decideKey(key('?'), { focus: 'other', helpOpen: true })).toBe('close-help');
    expect(decideKey(key('j'), { focus: 'inbox', helpOpen: true })).toBeNull();
  });

  it('is silent behind a blocking dialog', () => {
    expect(decideKey(key('j'), { focus: 'inbox', modalOpen: true })).toBeNull();
    expect(decideKey(key('1', { altKey: true, code: 'Digit1' }), { focus: 'other', modalOpen: true })).toBeNull();
  });
});

describe('focusContextOf', () => {
  it('classifies the focused element', () => {
    document.body.innerHTML = `
      <input data-testid="search" type="search" />
      <textarea data-testid="reply-box"></textarea>
      <textarea id="other"></textarea>
      <select id="sel"><option>a</option></select>
      <input id="check" type="checkbox" />
      <ul data-testid="inbox" tabindex="0"><li id="row">x</li></ul>
      <button id="btn">b</button>`;
    const q = (s: string) => document.querySelector(s);
    expect(focusContextOf(q('[data-testid="search"]'))).toBe('search');
    expect(focusContextOf(q('[data-testid="reply-box"]'))).toBe('reply');
    expect(focusContextOf(q('#other'))).toBe('editable');
    expect(focusContextOf(q('#sel'))).toBe('editable');
    expect(focusContextOf(q('#check'))).toBe('other');
    expect(focusContextOf(q('[data-testid="inbox"]'))).toBe('inbox');
    expect(focusContextOf(q('#row'))).toBe('inbox');
    expect(focusContextOf(q('#btn'))).toBe('other');
    expect(focusContextOf(null)).toBe('other');
  });
});
