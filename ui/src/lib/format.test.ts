import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  daysBetween,
  duration,
  formatCalendarDate,
  formatDate,
  formatMoney,
  formatSmartTime,
  formatTime,
  isValidTimeZone,
  languageName,
  countryName,
  moneyValue,
  orderNumberLabel,
  relativeTime,
  slaState,
  zonedYmd,
  zoneOffset,
  sendShortcutLabel,
} from './format';

// Intl output uses narrow/no-break spaces in places; compare on normal spaces.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('knows each currency’s minor units', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('NOT')).toBe(2);
  });

  it('converts minor units to the major unit', () => {
    expect(moneyValue({ minor: 1999, currency: 'EUR' })).toBe(19.99);
    expect(moneyValue({ minor: 12800, currency: 'JPY' })).toBe(12800);
    expect(moneyValue({ minor: 1234, currency: 'KWD' })).toBe(1.234);
  });

  it('shows JPY without decimals', () => {
    const s = formatMoney({ minor: 27400, currency: 'JPY' }, 'ja-JP');
    expect(s).toMatch(/27,400/);
    expect(s).not.toMatch(/\./);
    expect(s).toMatch(/[¥￥]/);
    expect(formatMoney({ minor: 27400, currency: 'JPY' }, 'en-US')).toBe('¥27,400');
  });

  it('uses a decimal comma for EUR in es-ES and a point in en-US', () => {
    expect(norm(formatMoney({ minor: 123450, currency: 'EUR' }, 'es-ES'))).toBe('1234,50 €');
    expect(norm(formatMoney({ minor: 1234550, currency: 'EUR' }, 'es-ES'))).toBe('12.345,50 €');
    expect(formatMoney({ minor: 123450, currency: 'EUR' }, 'en-US')).toBe('€1,234.50');
  });

  it('formats three-decimal currencies and survives unknown codes', () => {
    expect(norm(formatMoney({ minor: 1234, currency: 'KWD' }, 'en-US'))).toBe('KWD 1.234');
    expect(formatMoney({ minor: 1050, currency: '???' }, 'en-US')).toBe('10.50 ???');
  });

  it('formats CNY in zh-CN', () => {
    expect(formatMoney({ minor: 101900, currency: 'CNY' }, 'zh-CN')).toBe('¥1,019.00');
  });
});

describe('dates and times', () => {
  const instant = '2026-11-25T09:42:00Z';

  it('shows the same instant in Asia/Tokyo and Europe/Madrid', () => {
    expect(formatTime(instant, 'es-ES', 'Asia/Tokyo')).toBe('18:42');
    expect(formatTime(instant, 'es-ES', 'Europe/Madrid')).toBe('10:42');
    expect(norm(formatTime(instant, 'en-US', 'Europe/Madrid'))).toBe('10:42 AM');
    expect(formatTime(instant, 'ja-JP', 'Asia/Tokyo')).toBe('18:42');
  });

  it('follows daylight saving time', () => {
    expect(formatTime('2026-07-01T09:42:00Z', 'es-ES', 'Europe/Madrid')).toBe('11:42');
    expect(zoneOffset('Europe/Madrid', '2026-07-01T09:42:00Z')).toBe('GMT+2');
    expect(zoneOffset('Asia/Tokyo', instant)).toBe('GMT+9');
  });

  it('finds the calendar day in a zone', () => {
    expect(zonedYmd('2026-11-25T20:00:00Z', 'Asia/Tokyo')).toBe('2026-11-26');
    expect(zonedYmd('2026-11-25T20:00:00Z', 'America/Los_Angeles')).toBe('2026-11-25');
  });

  it('formats dates per locale', () => {
    expect(formatDate(instant, 'en-US', 'UTC')).toBe('Nov 25, 2026');
    expect(formatDate(instant, 'ja-JP', 'UTC')).toBe('2026/11/25');
    expect(formatDate(instant, 'zh-CN', 'UTC')).toBe('2026年11月25日');
    expect(formatCalendarDate('2026-11-28', 'es-ES')).toBe('28 nov 2026');
    expect(formatCalendarDate('not a date', 'es-ES')).toBe('not a date');
  });

  it('shows only the clock for today, the day within the year, the full date before', () => {
    const now = '2026-11-25T12:00:00Z';
    expect(formatSmartTime('2026-11-25T09:42:00Z', 'en-GB', 'Europe/Madrid', now)).toBe('10:42');
    expect(formatSmartTime('2026-11-20T09:42:00Z', 'en-GB', 'Europe/Madrid', now)).toBe('20 Nov, 10:42');
    expect(formatSmartTime('2025-11-20T09:42:00Z', 'en-GB', 'Europe/Madrid', now)).toBe('20 Nov 2025, 10:42');
  });

  it('counts days between calendar dates', () => {
    expect(daysBetween('2026-11-27', '2026-11-29')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-29', '2026-11-27')).toBe(-2);
  });

  it('rejects unknown zones instead of throwing', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
    expect(formatTime(instant, 'es-ES', 'Mars/Olympus')).toBe('9:42'); // falls back to UTC
  });
});

describe('relative phrases', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('picks the message and count', () => {
    expect(relativeTime(now - 20_000, now)).toEqual({ id: 'time-just-now' });
    expect(relativeTime(now - 5 * 60_000, now)).toEqual({ id: 'time-minutes-ago', args: { count: 5 } });
    expect(relativeTime(now - 3 * 3_600_000, now)).toEqual({ id: 'time-hours-ago', args: { count: 3 } });
    expect(relativeTime(now - 30 * 3_600_000, now)).toEqual({ id: 'time-yesterday' });
    expect(relativeTime(now - 4 * 86_400_000, now)).toEqual({ id: 'time-days-ago', args: { count: 4 } });
  });

  it('spells durations', () => {
    expect(duration(25 * 60_000)).toEqual({ id: 'duration-minutes', args: { minutes: 25 } });
    expect(duration(70 * 60_000)).toEqual({ id: 'duration-hours', args: { hours: 1, minutes: 10 } });
    expect(duration(-3 * 86_400_000)).toEqual({ id: 'duration-days', args: { days: 3 } });
  });

  it('warns two hours before the SLA and after it', () => {
    expect(slaState(null, now)).toEqual({ kind: 'none' });
    expect(slaState(new Date(now + 3 * 3_600_000).toISOString(), now).kind).toBe('ok');
    expect(slaState(new Date(now + 2 * 3_600_000).toISOString(), now).kind).toBe('soon');
    expect(slaState(new Date(now - 60_000).toISOString(), now)).toEqual({ kind: 'overdue', ms: 60_000 });
  });
});

describe('names and labels', () => {
  it('names languages and countries in the UI locale', () => {
    expect(languageName('ja', 'en-US')).toBe('Japanese');
    expect(languageName('ar', 'zh-CN')).toBe('阿拉伯语');
    expect(languageName('de', 'es-ES')).toBe('alemán');
    expect(countryName('SA', 'en-US')).toBe('Saudi Arabia');
    expect(countryName('jp', 'ja-JP')).toBe('日本');
  });

  it('shows order numbers the way each platform does', () => {
    expect(orderNumberLabel({ platform: 'shopify', number: '1047' })).toBe('#1047');
    expect(orderNumberLabel({ platform: 'woocommerce', number: '5521' })).toBe('#5521');
    expect(orderNumberLabel({ platform: 'shopify', number: '#1047' })).toBe('#1047');
    expect(orderNumberLabel({ platform: 'amazon', number: '407-3849216-7782310' })).toBe('407-3849216-7782310');
  });

  it('spells the send shortcut per platform', () => {
    expect(sendShortcutLabel('MacIntel')).toBe('⌘ Enter');
    expect(sendShortcutLabel('Linux x86_64')).toBe('Ctrl+Enter');
  });
});
