import { calibration } from './calibration';
import type { Claim, ClaimResult } from './claim';
import { commitment } from './commitment';
import { confidentiality } from './confidentiality';
import { degroot } from './degroot';
import type { ExperimentOptions } from './experiment';
import { fragility } from './fragility';
import { proximity } from './proximity';
import { richardson } from './richardson';
import { synergy } from './synergy';
import { timing } from './timing';

/** Every claim of MODEL.md §9, in order. */
export const CLAIMS: readonly Claim[] = [proximity, synergy, fragility, timing, commitment, confidentiality, richardson, degroot, calibration];

/** Runs the claims (all, or those named in `only`) and reports each. */
export function runClaims(o: ExperimentOptions, only?: readonly string[], onClaim?: (r: ClaimResult) => void): ClaimResult[] {
  const out: ClaimResult[] = [];
  for (const c of CLAIMS) {
    if (only && only.length && !only.includes(c.id)) continue;
    const r = c.run(o);
    out.push(r);
    onClaim?.(r);
  }
  return out;
}
