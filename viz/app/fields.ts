/*
 * Inputs for scenario fields, generated from their schema description (ParamField), and the
 * placing of validation issues next to them. Every input carries `data-path` (the scenario path
 * its issues name) and has an error line with the matching `data-error-for`.
 */
import type { ValidationIssue } from '../../sim/scenario/validate';
import { el } from './dom';
import { plainIssue, plainMessage, type IssueContext } from './plainIssue';
import type { ParamField } from './paramFields';
import { fieldTitle, plainField } from './plainFields';
import { stepPhrase } from './timeUnit';

/** Options of `fieldInput`. */
export interface FieldInputOptions {
  field: ParamField;
  /** The value shown at first (undefined shows an empty input). */
  value: unknown;
  /** Called with the new value on every change (see `readInput`). */
  onChange: (value: unknown) => void;
  /** The path key the input answers to, e.g. "parties.1.power", or "track2.capacity" for a track's actors. */
  key: string;
  /** Steps per year of the scenario, to say how long a step is in units of steps. Default 12. */
  ticksPerYear?: number;
}

/** A unit as the page shows it: "ticks" become steps with their length. */
function plainUnit(unit: string, ticksPerYear: number): string {
  return unit === 'ticks' ? `steps (${stepPhrase(ticksPerYear)})` : unit;
}

/**
 * The value an input holds for its field: a checkbox's state, a number (an empty number field is
 * NaN, so it shows as an error rather than 0 — except leaveAt, where empty means "never"), or text.
 */
function readInput(f: ParamField, input: HTMLInputElement | HTMLSelectElement): unknown {
  if (f.kind === 'boolean') return (input as HTMLInputElement).checked;
  if (f.kind === 'number') {
    if (input.value.trim() === '') return f.key === 'leaveAt' ? undefined : NaN;
    return Number(input.value);
  }
  return input.value;
}

/** A labelled input for one field, with its unit, its documentation behind a "?" and an error line. */
export function fieldInput({ field: f, value, onChange, key, ticksPerYear = 12 }: FieldInputOptions): HTMLElement {
  const plain = plainField(f.path.join('.'), f.key);
  const title = fieldTitle(f.path.join('.'), f.key);
  const id = `f-${key.replace(/[^A-Za-z0-9]/g, '-')}`;
  let input: HTMLInputElement | HTMLSelectElement;
  if (f.kind === 'choice') {
    input = el('select', { id }, ...(f.options ?? []).map((o) => el('option', { value: o, text: o })));
    input.value = String(value ?? '');
  } else if (f.kind === 'boolean') {
    input = el('input', { id, type: 'checkbox' });
    (input as HTMLInputElement).checked = !!value;
  } else {
    input = el('input', {
      id, type: f.kind === 'number' ? 'number' : 'text', inputmode: f.kind === 'number' ? 'decimal' : undefined,
      min: f.min, max: f.max, step: f.kind === 'number' ? (f.integer ? 1 : 'any') : undefined,
    });
    input.value = value === undefined ? '' : String(value);
  }
  input.dataset.path = key;
  input.addEventListener('change', () => onChange(readInput(f, input)));
  const err = el('div', { class: 'field-error', 'data-error-for': key, 'aria-live': 'polite' });
  const help = el('details', { class: 'help' }, el('summary', { text: '?', 'aria-label': `About ${title}` }),
    plain.help ? el('p', { text: plain.help }) : null,
    el('p', { class: 'model-note', text: `In the model (${f.path.join('.')}): ${f.doc.meaning} Source: ${f.doc.source}.` }));
  return el('div', { class: 'field' },
    el('label', { for: id }, el('span', { class: 'name', text: title }), el('span', { class: 'unit', text: plainUnit(f.doc.unit, ticksPerYear) })),
    el('div', { class: 'input-row' }, input, help),
    err);
}

/**
 * The key of the input an issue belongs to: its path, except that an actor's field is edited per
 * track (`actors.3.capacity` → `track2.capacity` when actor 3 is on track 2).
 */
function issueKey(path: string, actors: readonly { track: number }[] = []): string {
  const m = /^actors\.(\d+)\.(\w+)/.exec(path);
  return m ? `track${actors[Number(m[1])]?.track}.${m[2]}` : path;
}

/**
 * Clears every field's error in `root`, then shows each issue in plain words on its field's error
 * line and marks the input aria-invalid. Returns the issues no field on the page answers to, as
 * sentences naming the field as the page shows it. `scenario` gives the parties' and actors'
 * names and tracks.
 */
export function showFieldIssues(root: ParentNode, issues: readonly ValidationIssue[], scenario: IssueContext): string[] {
  const errorLines = new Map<string, Element>();
  const inputs = new Map<string, Element>();
  root.querySelectorAll('[data-error-for]').forEach((e) => {
    e.textContent = '';
    errorLines.set(e.getAttribute('data-error-for') ?? '', e);
  });
  root.querySelectorAll('[data-path]').forEach((e) => inputs.set(e.getAttribute('data-path') ?? '', e));
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const general: string[] = [];
  for (const i of issues) {
    const key = issueKey(i.path, scenario.actors);
    const line = errorLines.get(key);
    if (line) {
      const text = plainMessage(i.message, scenario);
      line.textContent = text.charAt(0).toUpperCase() + text.slice(1) + '.';
      inputs.get(key)?.setAttribute('aria-invalid', 'true');
    } else general.push(plainIssue(i, scenario));
  }
  return general;
}
