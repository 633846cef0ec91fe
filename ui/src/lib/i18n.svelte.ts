// UI strings: the Fluent files in /locales (shared with the Rust side), bundled at build time.
// `t()` reads the reactive current locale, so every template that calls it re-renders the
// moment the locale changes — no reload.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { negotiateLanguages } from '@fluent/langneg';
import type { AppError } from './bindings';

export const FALLBACK_LOCALE = 'en-US';

const files = import.meta.glob('../../../locales/*/ui.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** locale code → Fluent source text of its ui.ftl */
export const FTL_SOURCES: Record<string, string> = {};
for (const [path, text] of Object.entries(files)) {
  const parts = path.split('/');
  FTL_SOURCES[parts[parts.length - 2]] = text;
}

/** The UI locales this build has strings for, the reference locale first. */
export const UI_LOCALES: string[] = Object.keys(FTL_SOURCES).sort((a, b) =>
  a === FALLBACK_LOCALE ? -1 : b === FALLBACK_LOCALE ? 1 : a.localeCompare(b),
);

const bundles = new Map<string, FluentBundle>();
function bundleFor(locale: string): FluentBundle | undefined {
  let b = bundles.get(locale);
  if (!b && FTL_SOURCES[locale] !== undefined) {
    // Fluent wraps placeables in bidi isolation marks (useIsolating), so an Arabic customer
    // name inside an English sentence keeps both in the right order.
    b = new FluentBundle(locale);
    const errors = b.addResource(new FluentResource(FTL_SOURCES[locale]));
    if (errors.length && import.meta.env.DEV) console.warn(`Fluent errors in ${locale}`, errors);
    bundles.set(locale, b);
  }
  return b;
}

/** The best UI locale for a requested one ("ja" → "ja-JP", "pt-BR" → "en-US"). */
export function negotiateLocale(requested: string | null | undefined): string {
  if (!requested) return FALLBACK_LOCALE;
  // Like the Rust side (meridian-i18n): "zh-Hans-CN" → zh-CN, "es-MX" → es-ES, "fr" → en-US.
  const [best] = negotiateLanguages([requested.replace(/_/g, '-').split('.')[0]], UI_LOCALES, {
    defaultLocale: FALLBACK_LOCALE,
    strategy: 'matching',
  });
  return best ?? FALLBACK_LOCALE;
}

export const i18n = $state({ locale: FALLBACK_LOCALE });

/** Switches every string at once; returns the locale actually used. */
export function setUiLocale(requested: string): string {
  const locale = negotiateLocale(requested);
  i18n.locale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return locale;
}

export type Args = Record<string, FluentVariable | null | undefined>;

function clean(args?: Args): Record<string, FluentVariable> | undefined {
  if (!args) return undefined;
  const out: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(args)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function format(id: string, args: Args | undefined, errors: Error[] | null): string | null {
  for (const locale of [i18n.locale, FALLBACK_LOCALE]) {
    const bundle = bundleFor(locale);
    const msg = bundle?.getMessage(id);
    if (bundle && msg?.value) return bundle.formatPattern(msg.value, clean(args), errors);
  }
  return null;
}

/** The translated message `id` in the current locale (falls back to en-US, then the id). */
export function t(id: string, args?: Args): string {
  return format(id, args, []) ?? id;
}

export function hasMessage(id: string): boolean {
  return bundleFor(FALLBACK_LOCALE)?.hasMessage(id) ?? false;
}

/** A label for an enum value: `${prefix}-${value}` when translated, else the raw value. */
export function label(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const id = `${prefix}-${value}`;
  return hasMessage(id) ? t(id) : value;
}

/** An AppError in the agent's language: `error-<code>` with its args, else its own text. */
export function tError(error: AppError): string {
  const id = `error-${error.code}`;
  if (!hasMessage(id)) return error.message;
  const errors: Error[] = [];
  const text = format(id, error.args as Args, errors);
  // A missing argument would leave "{$path}" in the sentence: the Rust text is better then.
  if (text === null || (errors.length > 0 && error.message)) return error.message;
  return text;
}
