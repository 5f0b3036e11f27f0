import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  PARAM_BLOCKS, blockTable, calibrationProblems, paramTables, undocumentedFields,
} from '../../scripts/paramTables';
import { doc } from '../../sim/scenario/doc';
import { Params, Scenario } from '../../sim/scenario/schema';
import { fieldDoc } from '../../sim/scenario/doc';

const odd = readFileSync(new URL('../../docs/ODD.md', import.meta.url), 'utf8');

describe('docs/ODD.md', () => {
  it('paramTables(ODD.md) leaves it unchanged: the generated tables are up to date (run `npm run docs`)', () => {
    expect(paramTables(odd)).toBe(odd);
  });

  it('undocumentedFields() finds no scenario field without a FieldDoc', () => {
    expect(undocumentedFields()).toEqual([]);
  });

  it('calibrationProblems() finds every calibrated parameter with a target, and no stray target', () => {
    expect(calibrationProblems()).toEqual([]);
  });

  it('cites in its References every author and year the schema\'s sources name', () => {
    const refs = odd.slice(odd.indexOf('## References'));
    const cited = new Set<string>();
    const walk = (s: z.ZodType) => {
      const d = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      const source = fieldDoc(s)?.source ?? '';
      // "Collier, Hoeffler & Söderbom 2008; Walter 2010" → Collier 2008, Walter 2010
      for (const m of source.matchAll(/([A-Z][\p{L}-]+)[^;():]*? (\d{4})\b/gu)) cited.add(`${m[1]} ${m[2]}`);
      if (d.type === 'object') Object.values((s as z.ZodObject).shape).forEach((f) => walk(f as z.ZodType));
      for (const k of ['innerType', 'element']) if (d[k]) walk(d[k] as z.ZodType);
      for (const k of ['options', 'items']) if (Array.isArray(d[k])) (d[k] as z.ZodType[]).forEach(walk);
    };
    walk(Scenario);
    expect(cited.size).toBeGreaterThan(10);
    const missing = [...cited].filter((c) => {
      const [name, year] = c.split(' ');
      return !refs.split('\n').some((line) => line.startsWith(`- ${name}`) && line.includes(`(${year})`));
    });
    expect(missing).toEqual([]);
  });
});

describe('paramTables', () => {
  it('paramTables(text) shows a changed default in the regenerated table', () => {
    const table = blockTable(PARAM_BLOCKS.find((b) => b.name === 'params')!);
    const row = table.split('\n').find((l) => l.startsWith('| `params.contagion` |'))!;
    const def = (Params.shape.contagion as unknown as { _zod: { def: { defaultValue: number } } })._zod.def.defaultValue;
    expect(row).toContain(`| \`${def}\` |`);
    // a stale value in the document is replaced, so the staleness test above cannot pass by accident
    const stale = odd.replace(row, row.replace(`| \`${def}\` |`, `| \`${def + 1}\` |`));
    expect(stale).not.toBe(odd);
    expect(paramTables(stale)).toBe(odd);
  });

  it('paramTables(text) throws naming the missing marker', () => {
    expect(() => paramTables('no markers here')).toThrow(/params:start scenario/);
  });

  it('undocumentedFields(schema) names a field that lacks a FieldDoc, with its path', () => {
    const schema = z.strictObject({
      a: doc(z.number().default(1), { meaning: 'm', unit: 'u', source: 's' }),
      inner: doc(z.object({ b: z.number() }), { meaning: 'm', unit: 'u', source: 's' }),
      list: doc(z.array(z.object({ c: z.string() })), { meaning: 'm', unit: 'u', source: 's' }),
      bare: z.boolean(),
    });
    expect(undocumentedFields(schema)).toEqual(['inner.b', 'list[].c', 'bare']);
  });
});

describe('file names in the documentation', () => {
  it('every project path docs/ODD.md and README.md name in backticks or in the layout exists', () => {
    const root = new URL('../../', import.meta.url);
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const named = new Set<string>();
    for (const text of [odd, readme]) {
      for (const m of text.matchAll(/(?<![\w/.-])((?:sim|viz|cli|bench|scripts|tests|docs|scenarios)\/[\w./-]*[\w/])/g)) named.add(m[1]);
    }
    expect(named.size).toBeGreaterThan(20);
    const missing = [...named].filter((path) => !existsSync(new URL(path, root)));
    expect(missing).toEqual([]);
  });
});
