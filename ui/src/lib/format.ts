// All date, time, number and money formatting of the UI, in one place. Everything here is
// a pure function of its inputs (the UI locale, an IANA time zone, "now"), so it is tested
// without a DOM. Words ("5 minutes ago") come from Fluent: the relative helpers return a
// message id and its arguments for the caller's t().
import type { Money, Order } from './bindings';

export type Instant = string | number | Date;

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

// Intl objects are costly to build; the UI formats thousands of values per render.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const validZones = new Map<string, boolean>();
/** Whether the runtime knows this IANA zone name. */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  let ok = validZones.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(zone, ok);
  }
  return ok;
}

function zoneOr(zone: string | null | undefined, fallback = 'UTC'): string {
  return isValidTimeZone(zone) ? zone : fallback;
}

function dtf(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tz = zoneOr(timeZone);
  return cached(`dt|${locale}|${tz}|${JSON.stringify(options)}`, () =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: tz }),
  );
}

// ---------------------------------------------------------------------------------------
// Money and numbers

/** How many minor-unit digits a currency has (ISO 4217): EUR 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  try {
    const f = cached(`cur|${currency}`, () =>
      new Intl.NumberFormat('en', { style: 'currency', currency }),
    ) as Intl.NumberFormat;
    return f.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units to the currency's major unit: 1999 EUR → 19.99, 12800 JPY → 12800. */
export function moneyValue(money: Money): number {
  return money.minor / 10 ** currencyDigits(money.currency);
}

/** "19,99 €" in es-ES, "$19.99" in en-US, "￥12,800" in ja-JP. */
export function formatMoney(money: Money, locale: string): string {
  try {
    const f = cached(`money|${locale}|${money.currency}`, () =>
      new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }),
    ) as Intl.NumberFormat;
    return f.format(moneyValue(money));
  } catch {
    // An unknown currency code: show the amount and the code as they are.
    return `${(money.minor / 100).toFixed(2)} ${money.currency}`;
  }
}

export function formatNumber(n: number, locale: string): string {
  return (cached(`num|${locale}`, () => new Intl.NumberFormat(locale)) as Intl.NumberFormat).format(n);
}

// ---------------------------------------------------------------------------------------
// Dates and times

/** Clock time in a zone: "10:42" (es-ES), "10:42 AM" (en-US). */
export function formatTime(value: Instant, locale: string, timeZone: string): string {
  return dtf(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(toDate(value));
}

/** Clock time with the weekday, for "the customer's time now": "Wed 18:42". */
export function formatWeekdayTime(value: Instant, locale: string, timeZone: string): string {
  return dtf(locale, timeZone, { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(
    toDate(value),
  );
}

/** A calendar date in a zone: "Nov 25, 2026". */
export function formatDate(value: Instant, locale: string, timeZone: string): string {
  return dtf(locale, timeZone, { dateStyle: 'medium' }).format(toDate(value));
}

export function formatDateTime(value: Instant, locale: string, timeZone: string): string {
  return dtf(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}

/** "YYYY-MM-DD" of an instant as seen in a zone. */
export function zonedYmd(value: Instant, timeZone: string): string {
  const parts = dtf('en-US', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    toDate(value),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * A time for a list or a message: only the clock when it is today in that zone, the day
 * and clock within the year, the full date otherwise.
 */
export function formatSmartTime(value: Instant, locale: string, timeZone: string, now: Instant): string {
  const d = toDate(value);
  const day = zonedYmd(d, timeZone);
  const today = zonedYmd(now, timeZone);
  if (day === today) return formatTime(d, locale, timeZone);
  if (day.slice(0, 4) === today.slice(0, 4)) {
    return dtf(locale, timeZone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d);
  }
  return formatDateTime(d, locale, timeZone);
}

/** A plain calendar date ("2026-11-28", no zone: a promise date) in the UI's style. */
export function formatCalendarDate(ymd: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dtf(locale, 'UTC', { dateStyle: 'medium' }).format(d);
}

/** Whole days from calendar date a to b ("2026-11-27" → "2026-11-29" is 2). */
export function daysBetween(a: string, b: string): number {
  const parse = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((parse(b) - parse(a)) / 86_400_000);
}

/** "GMT+9" for Asia/Tokyo at that instant (follows daylight saving time). */
export function zoneOffset(timeZone: string, at: Instant, locale = 'en-US'): string {
  try {
    const parts = dtf(locale, timeZone, { timeZoneName: 'shortOffset', hour: 'numeric' }).formatToParts(toDate(at));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------
// Relative phrases (Fluent message ids plus arguments)

export type Phrase = { id: string; args?: Record<string, string | number> };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago". */
export function relativeTime(value: Instant, now: Instant): Phrase {
  const ms = toDate(now).getTime() - toDate(value).getTime();
  if (ms < MINUTE) return { id: 'time-just-now' };
  if (ms < HOUR) return { id: 'time-minutes-ago', args: { count: Math.floor(ms / MINUTE) } };
  if (ms < DAY) return { id: 'time-hours-ago', args: { count: Math.floor(ms / HOUR) } };
  if (ms < 2 * DAY) return { id: 'time-yesterday' };
  return { id: 'time-days-ago', args: { count: Math.floor(ms / DAY) } };
}

/** A length of time for SLA phrases: "45 min", "2 h 5 min", "3 days". */
export function duration(ms: number): Phrase {
  const abs = Math.abs(ms);
  if (abs < HOUR) return { id: 'duration-minutes', args: { minutes: Math.max(1, Math.round(abs / MINUTE)) } };
  if (abs < DAY) {
    const hours = Math.floor(abs / HOUR);
    return { id: 'duration-hours', args: { hours, minutes: Math.floor((abs - hours * HOUR) / MINUTE) } };
  }
  return { id: 'duration-days', args: { days: Math.floor(abs / DAY) } };
}

export type SlaState = { kind: 'none' } | { kind: 'ok' | 'soon' | 'overdue'; ms: number };

/** Warn when the reply is due within two hours; "overdue" once the time has passed. */
export const SLA_WARNING_MS = 2 * HOUR;
export function slaState(due: string | null | undefined, now: Instant): SlaState {
  if (!due) return { kind: 'none' };
  const ms = toDate(due).getTime() - toDate(now).getTime();
  if (Number.isNaN(ms)) return { kind: 'none' };
  if (ms < 0) return { kind: 'overdue', ms: -ms };
  if (ms <= SLA_WARNING_MS) return { kind: 'soon', ms };
  return { kind: 'ok', ms };
}

// ---------------------------------------------------------------------------------------
// Names

function displayNames(locale: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  try {
    return cached(`dn|${locale}|${type}`, () => new Intl.DisplayNames([locale], { type, fallback: 'code' }));
  } catch {
    return null;
  }
}

/** "ja" → "Japanese" / "日语" / "japonés" / "日本語", in the UI locale. */
export function languageName(code: string, locale: string): string {
  if (!code) return '';
  try {
    return displayNames(locale, 'language')?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "SA" → "Saudi Arabia" in the UI locale. */
export function countryName(code: string, locale: string): string {
  if (!code) return '';
  try {
    return displayNames(locale, 'region')?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Each UI locale named in its own language, for the locale menu. */
const NATIVE_LOCALE_NAMES: Record<string, string> = {
  'en-US': 'English',
  'zh-CN': '简体中文',
  'es-ES': 'Español',
  'ja-JP': '日本語',
};
export function localeNativeName(locale: string): string {
  return NATIVE_LOCALE_NAMES[locale] ?? languageName(locale, locale);
}

/** Order numbers as each platform's own screens show them. */
export function orderNumberLabel(order: Pick<Order, 'platform' | 'number'>): string {
  if (order.platform === 'amazon') return order.number;
  return order.number.startsWith('#') ? order.number : `#${order.number}`;
}

/** The send shortcut as the agent's platform spells it. */
export function sendShortcutLabel(platform: string): string {
  return /mac/i.test(platform) ? '⌘ Enter' : 'Ctrl+Enter';
}
