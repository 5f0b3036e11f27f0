/**
 * Okabe & Ito's colour-blind-safe palette (2008), black dropped because text uses it. Series take
 * colours in this order; d3-scale-chromatic's schemeTableau10 would also do, but Okabe–Ito keeps
 * the first five distinguishable under all three common colour-vision deficiencies.
 */
export const palette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#999999'] as const;

/** The colour of series `i`, cycling. */
export function seriesColor(i: number): string {
  return palette[i % palette.length];
}
