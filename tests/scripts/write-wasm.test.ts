import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePopulationPass, WASM_MODULE, wasmModuleText } from '../../scripts/write-wasm';

describe('compilePopulationPass', () => {
  it('compilePopulationPass() gives the committed sim/wasm/populationPassWasm.ts (run `npm run wasm` after changing populationPass.as.ts)', async () => {
    expect(readFileSync(WASM_MODULE, 'utf8')).toBe(wasmModuleText(await compilePopulationPass()));
  }, 120_000);
});
