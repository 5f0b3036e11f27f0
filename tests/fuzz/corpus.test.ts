import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileKernel, KernelError } from '../../sim/kernel';
import { applyOverrides, parseOverride } from '../../sim/scenario/overrides';
import { validateScenario } from '../../sim/scenario/validate';
import { mainIn } from '../cli/helpers/detente';
import { LIBRARY, runTarget } from './helpers/targets';

/*
 * The hostile inputs found so far (issue reports and fuzzing), kept as fixtures in
 * tests/fixtures/hostile/: each must keep running cleanly or keep being refused at its field.
 */
const DIR = new URL('../fixtures/hostile/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', DIR), 'utf8')) as {
  scenarios: Record<string, string>;
  formulas: { compile: string[]; refuse: Record<string, string>; refuseParams: Record<string, string> };
  overrides: Array<{ args: string[]; expect: string }>;
  links: string[];
};

/** The fields a refusal names, or "ran". */
function fieldsOf(input: unknown): string[] {
  const v = validateScenario(input);
  return v.ok ? ['ran'] : v.issues.map((i) => i.path);
}

describe('the corpus of hostile inputs', () => {
  it.each(Object.entries(corpus.scenarios))('%s is handled as before (%s), by the model and by detente validate', async (file, expected) => {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    const outcome = await runTarget('scenario', text);
    expect(outcome.kind).toBe(expected === 'ran' ? 'ran' : 'refused');
    expect(fieldsOf(JSON.parse(text))).toContain(expected);
    const cli = await mainIn(['validate', fileURLToPath(new URL(file, DIR))]);
    expect(cli.code).toBe(expected === 'ran' ? 0 : 1);
    if (expected !== 'ran') expect(cli.stderr).toMatch(new RegExp(`^${expected.replace(/[.$]/g, '\\$&')}: `, 'm'));
  });

  it('every formula of the corpus compiles to finite weights, or is refused with a KernelError at its field', () => {
    for (const f of corpus.formulas.compile) {
      const w = compileKernel(f, { L: 1.5 });
      for (let d = 1; d <= 4; d++) expect(Number.isFinite(w[d + 1]) && w[d + 1] >= 0, f).toBe(true);
    }
    const refusal = (formula: string, params: Record<string, number>) => {
      try {
        compileKernel(formula, params);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    for (const [f, field] of Object.entries(corpus.formulas.refuse)) {
      const e = refusal(f, { L: 1.5 });
      expect(e, f).toBeInstanceOf(KernelError);
      expect((e as KernelError).field, f).toBe(field);
    }
    for (const [name, field] of Object.entries(corpus.formulas.refuseParams)) {
      const e = refusal('exp(-(d-1)/L)', JSON.parse(`{"L": 1, ${JSON.stringify(name)}: 2}`));
      expect(e, name).toBeInstanceOf(KernelError);
      expect((e as KernelError).field, name).toBe(field);
    }
  });

  it.each(corpus.overrides.map((o) => [o.args.join(' '), o] as const))('--set %s is handled as before', async (_label, o) => {
    const outcome = await runTarget('overrides', { base: 0, args: o.args });
    if (o.expect === 'ran' || o.expect === '--set') {
      expect(outcome.kind).toBe(o.expect === 'ran' ? 'ran' : 'refused');
      if (o.expect === '--set') expect(outcome.detail).toMatch(/^--set/);
    } else {
      expect(outcome.kind).toBe('refused');
      expect(fieldsOf(applyOverrides(LIBRARY[0], o.args.map(parseOverride)))).toContain(o.expect);
    }
  });

  it('every malformed share link of the corpus is refused with a message', async () => {
    for (const hash of corpus.links) expect((await runTarget('share', { hash })).kind, hash).toBe('refused');
  });
});
