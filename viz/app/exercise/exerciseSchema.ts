import { z } from 'zod';

/*
 * The format of a guided exercise (scenarios/exercises/*.json): data, so an instructor writes new
 * ones without code. An exercise runs one or two arms — library scenarios, each with changes in
 * the CLI's `--set` form — as ensembles paired by seed, asks the student to predict first, then
 * shows the prediction against the result and explains it.
 */

/** The summary measures an exercise can ask about (the CLI's --summary columns). */
export const MEASURES = {
  finalX: { label: 'escalation at the end', unit: '0 = calm, 1 = all-out war', lowerIsCalmer: true },
  peakX: { label: 'worst escalation (peak)', unit: '0 = calm, 1 = all-out war', lowerIsCalmer: true },
  areaX: { label: 'total escalation over the run (area under the curve)', unit: 'escalation × years', lowerIsCalmer: true },
  settlements: { label: 'settlements signed', unit: 'count', lowerIsCalmer: false },
  collapses: { label: 'settlements that collapsed', unit: 'count', lowerIsCalmer: true },
} as const;

export type Measure = keyof typeof MEASURES;

const Text = z.string().min(1).max(2000);

/** One arm: a library scenario (by file id) with changes, named as the student sees it. */
export const Arm = z.strictObject({
  name: z.string().min(1).max(60).describe('How the student sees this arm, e.g. "Track One alone".'),
  scenario: z.string().regex(/^[a-z0-9-]+$/, 'must be a library scenario\'s file id, e.g. "track-one-only"').describe('File id of a scenario in scenarios/ (its name without .json).'),
  set: z.record(z.string().min(1), z.unknown()).default({}).describe('Changes to the scenario, as `--set path=value`: {"actors.1.leaveAt": 36}.'),
});

/** A choice: one of the options is right, decided by the runs (never written in the file). */
const Choice = z.strictObject({
  kind: z.literal('choice'),
  options: z.array(z.strictObject({
    text: Text,
    /** What must hold for this option to be right: the first arm lower, higher, or no clear difference. */
    when: z.enum(['first lower', 'first higher', 'no clear difference']),
  })).min(2).max(3),
});

/** A sketch of the escalation curve of the first arm, at a few points in time. */
const Sketch = z.strictObject({
  kind: z.literal('sketch'),
  /** Years (from the start) at which the student sets the escalation. */
  years: z.array(z.number().min(0)).min(2).max(12),
});

export const Exercise = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  title: z.string().min(1).max(120),
  /** What the exercise is about, in McDonald's terms: a paragraph or two. */
  intro: z.array(Text).min(1).max(6),
  arms: z.array(Arm).min(1).max(2),
  /** Replicates per arm; the arms share their seeds, so they differ by their settings only. */
  runs: z.number().int().min(2).max(200).default(20),
  /** Base seed of both arms (replacing the scenarios' own). */
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  question: Text,
  measure: z.enum(Object.keys(MEASURES) as [Measure, ...Measure[]]),
  prediction: z.discriminatedUnion('kind', [Choice, Sketch]),
  /** What happened and why, in the model's terms: shown once the runs are done. */
  explanation: z.array(Text).min(1).max(8),
  /** What to try next. */
  next: Text.optional(),
}).superRefine((e, ctx) => {
  if (e.prediction.kind === 'choice' && e.arms.length !== 2) ctx.addIssue({ code: 'custom', path: ['arms'], message: 'a choice compares two arms: give exactly two' });
});

/** An exercise as written in a file. */
export type ExerciseInput = z.input<typeof Exercise>;
/** A validated exercise with defaults filled in. */
export type ExerciseData = z.output<typeof Exercise>;
