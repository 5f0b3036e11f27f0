import type { EnsembleStats, Interval } from '../sim/index';

// Messages, not data: four significant digits are plenty to read, and the data rows keep full precision.
const num = (x: number) => String(Number(x.toPrecision(4)));
const row = (label: string, i: Interval, note = '') =>
  `${label.padEnd(22)}${num(i.median).padEnd(12)}${`${num(i.lo)} – ${num(i.hi)}`.padEnd(22)}${note}`.trimEnd();

/** The ensemble's medians and 90 % intervals and its share de-escalated, as lines for stderr. */
export function formatStats(s: EnsembleStats): string {
  const share = `${s.shareDeescalated * 100 === Math.round(s.shareDeescalated * 100) ? s.shareDeescalated * 100 : num(s.shareDeescalated * 100)} %`;
  const de = Math.round(s.shareDeescalated * s.runs);
  const lines = [
    `ensemble of ${s.runs} run${s.runs === 1 ? '' : 's'}: ${de} de-escalated (${share})`,
    `${''.padEnd(22)}${'median'.padEnd(12)}90 % interval`,
    row('peakX', s.peakX),
    row('areaX', s.areaX, 'X·years'),
    s.timeToDeescalation.n
      ? row('timeToDeescalation', s.timeToDeescalation, `ticks; over the ${s.timeToDeescalation.n} run${s.timeToDeescalation.n === 1 ? '' : 's'} that de-escalated`)
      : `${'timeToDeescalation'.padEnd(22)}none: no run de-escalated`,
    row('settlements', s.settlements),
    row('collapses', s.collapses),
    row('finalX', s.finalX),
  ];
  return lines.join('\n') + '\n';
}
