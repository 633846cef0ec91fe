// The locales are complete and the source asks only for messages that exist.
// Fails when: a locale lacks a message en-US has, has one en-US lacks, fails to parse,
// uses a variable en-US does not pass, or when the UI source names a missing message id.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { FTL_SOURCES, UI_LOCALES } from './i18n.svelte';
import { LABELLED_ENUMS } from './enums';

const REFERENCE = 'en-US';
const EXPECTED_LOCALES = ['en-US', 'es-ES', 'ja-JP', 'zh-CN'];
const ERROR_CODES = [
  'db-corrupt',
  'db-locked',
  'db-newer-schema',
  'db-io',
  'db-connect',
  'db-migration',
  'not-found',
  'db-invalid',
  'db-query',
  'invalid-input',
  'send-empty',
];

type Node = { type?: string; name?: string; [k: string]: unknown };

/** Variable names ($x) referenced anywhere in a message's pattern. */
function variablesOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => variablesOf(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (n.type === 'var' && typeof n.name === 'string') out.add(n.name);
    for (const v of Object.values(n)) if (v && typeof v === 'object') variablesOf(v, out);
  }
  return out;
}

type Parsed = { ids: string[]; vars: Map<string, Set<string>>; declared: string[] };

function parse(source: string): Parsed {
  const resource = new FluentResource(source) as unknown as { body: { id: string; value: unknown; attributes: unknown }[] };
  const ids = resource.body.map((m) => m.id);
  const vars = new Map(resource.body.map((m) => [m.id, variablesOf([m.value, m.attributes])]));
  // Every "id =" line in the file; one the parser dropped as junk is a syntax error.
  const declared = [...source.matchAll(/^([a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]);
  return { ids, vars, declared };
}

const parsed = Object.fromEntries(Object.entries(FTL_SOURCES).map(([l, s]) => [l, parse(s)]));
const reference = parsed[REFERENCE];
const referenceIds = new Set(reference.ids);

describe('locale files', () => {
  it('are all bundled, en-US first', () => {
    expect([...UI_LOCALES].sort()).toEqual(EXPECTED_LOCALES);
    expect(UI_LOCALES[0]).toBe(REFERENCE);
    expect(reference.ids.length).toBeGreaterThan(200);
  });

  for (const locale of EXPECTED_LOCALES) {
    describe(locale, () => {
      const p = parsed[locale];

      it('parses without junk or duplicates', () => {
        expect(p.ids).toEqual(p.declared);
        expect(new Set(p.ids).size).toBe(p.ids.length);
        const bundle = new FluentBundle(locale);
        expect(bundle.addResource(new FluentResource(FTL_SOURCES[locale]))).toEqual([]);
      });

      it('has every message en-US has', () => {
        const missing = reference.ids.filter((id) => !p.ids.includes(id));
        expect(missing, `${locale} lacks`).toEqual([]);
      });

      it('has no message en-US lacks', () => {
        const extra = p.ids.filter((id) => !referenceIds.has(id));
        expect(extra, `${locale} has extra`).toEqual([]);
      });

      it('uses only the variables en-US passes', () => {
        const wrong: string[] = [];
        for (const [id, vars] of p.vars) {
          const allowed = reference.vars.get(id) ?? new Set();
          for (const v of vars) if (!allowed.has(v)) wrong.push(`${id}: $${v}`);
        }
        expect(wrong).toEqual([]);
      });

      it('formats every message without errors', () => {
        const bundle = new FluentBundle(locale);
        bundle.addResource(new FluentResource(FTL_SOURCES[locale]));
        const problems: string[] = [];
        for (const id of p.ids) {
          const msg = bundle.getMessage(id);
          if (!msg?.value) {
            problems.push(`${id}: no value`);
            continue;
          }
          for (const count of [0, 1, 2, 5, 21]) {
            const args: Record<string, string | number> = {};
            for (const v of reference.vars.get(id) ?? []) args[v] = /count|days|hours|minutes|found|supported|version/.test(v) ? count : 'x';
            const errors: Error[] = [];
            const text = bundle.formatPattern(msg.value, args, errors);
            if (errors.length) problems.push(`${id}: ${errors.map((e) => e.message).join(', ')}`);
            if (!text.trim()) problems.push(`${id}: empty`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('is really translated (not a copy of en-US)', () => {
        if (locale === REFERENCE) return;
        const bundle = (l: string) => {
          const b = new FluentBundle(l);
          b.addResource(new FluentResource(FTL_SOURCES[l]));
          return b;
        };
        const mine = bundle(locale);
        const en = bundle(REFERENCE);
        const same = reference.ids.filter((id) => {
          const a = mine.getMessage(id)?.value;
          const b = en.getMessage(id)?.value;
          return a && b && mine.formatPattern(a, {}, []) === en.formatPattern(b, {}, []);
        });
        // Brand names (Meridian, Shopify, UPS…) legitimately stay the same.
        expect(same.length / reference.ids.length).toBeLessThan(0.1);
      });
    });
  }
});

describe('message ids used by the UI', () => {
  const srcDir = resolve(__dirname, '..');

  function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'mock' ? [] : walk(path);
      return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'bindings.ts' ? [path] : [];
    });
  }

  const files = walk(srcDir);
  const used = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const patterns = [
      // t('id') / t("id", …)
      /\bt\(\s*['"]([a-zA-Z][\w-]*)['"]/g,
      // { id: 'time-just-now' }, { any: 'filter-any-status', title: 'filter-status-label' }
      /\b(?:id|any|title)\s*:\s*['"]([a-z][a-z0-9]*(?:-[a-z0-9_]+)+)['"]/g,
      // <CopyButton labelId="db-error-copy" />
      /\blabelId\s*=\s*['"]([a-z][\w-]*)['"]/g,
    ];
    for (const re of patterns) for (const m of text.matchAll(re)) used.set(m[1], relative(srcDir, file));
  }

  it('finds the t() calls', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(used.size).toBeGreaterThan(80);
    expect(used.has('inbox-empty')).toBe(true);
  });

  it('every id used in the source exists in en-US', () => {
    const missing = [...used].filter(([id]) => !referenceIds.has(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every enum value has a label', () => {
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(LABELLED_ENUMS)) {
      for (const v of values) if (!referenceIds.has(`${prefix}-${v}`)) missing.push(`${prefix}-${v}`);
    }
    expect(LABELLED_ENUMS.intent).toHaveLength(35);
    expect(LABELLED_ENUMS['shipment-status']).toHaveLength(11);
    expect(missing).toEqual([]);
  });

  it('every error code has a message', () => {
    const missing = ERROR_CODES.filter((c) => !referenceIds.has(`error-${c}`));
    expect(missing).toEqual([]);
  });
});
