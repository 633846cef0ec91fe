import { describe, expect, it } from 'vitest';
import { i18n, label, negotiateLocale, setUiLocale, t } from './i18n.svelte';
import { clean } from '../test/helpers';

describe('i18n', () => {
  it('negotiates like the Rust side', () => {
    expect(negotiateLocale('ja')).toBe('ja-JP');
    expect(negotiateLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(negotiateLocale('zh_CN.UTF-8')).toBe('zh-CN');
    expect(negotiateLocale('es-MX')).toBe('es-ES');
    expect(negotiateLocale('en-GB')).toBe('en-US');
    expect(negotiateLocale('fr-FR')).toBe('en-US');
    expect(negotiateLocale('')).toBe('en-US');
    expect(negotiateLocale(null)).toBe('en-US');
  });

  it('formats plurals per locale', () => {
    setUiLocale('en-US');
    expect(clean(t('inbox-count', { count: 1 }))).toBe('1 conversation');
    expect(clean(t('inbox-count', { count: 1234 }))).toBe('1,234 conversations');
    setUiLocale('es-ES');
    expect(clean(t('inbox-count', { count: 1 }))).toBe('1 conversación');
    expect(clean(t('inbox-count', { count: 3 }))).toBe('3 conversaciones');
    setUiLocale('ja-JP');
    expect(clean(t('inbox-count', { count: 3 }))).toBe('3 件の会話');
    setUiLocale('zh-CN');
    expect(clean(t('time-minutes-ago', { count: 5 }))).toBe('5 分钟前');
    expect(i18n.locale).toBe('zh-CN');
  });

  it('labels enum values, falling back to the raw value', () => {
    setUiLocale('ja-JP');
    expect(label('intent', 'track_order')).toBe('配送状況の確認');
    expect(label('shipment-status', 'customs')).toBe('通関中');
    expect(label('intent', 'brand_new_intent')).toBe('brand_new_intent');
    expect(label('intent', null)).toBe('');
    expect(t('no-such-message')).toBe('no-such-message');
  });

  it('selects the time-zone source phrase', () => {
    setUiLocale('en-US');
    expect(t('customer-tz-source', { source: 'phone' })).toBe('from the phone number');
    expect(clean(t('customer-tz-source', { source: 'geoip' }))).toBe('source: geoip');
  });
});
