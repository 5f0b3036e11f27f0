// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Params } from '../../../sim/scenario/schema';
import { fieldInput, showFieldIssues } from '../../../viz/app/fields';
import { actorFields, describeField } from '../../../viz/app/paramFields';

const contagion = describeField(Params.shape.contagion, ['params', 'contagion'], 'contagion')!;
const byKey = Object.fromEntries(actorFields().map((f) => [f.key, f]));

/** Sets the input of a field node as a user would. */
function change(node: HTMLElement, value: string): void {
  const input = node.querySelector('input, select') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

describe('fieldInput', () => {
  it('fieldInput({field, value, onChange, key}) labels the input with the field\'s name and unit and reads numbers; an empty number is NaN, not 0', () => {
    const got: unknown[] = [];
    const node = fieldInput({ field: contagion, value: 0.2, onChange: (v) => got.push(v), key: 'params.contagion' });
    const input = node.querySelector('input')!;
    expect(input.value).toBe('0.2');
    expect(input.dataset.path).toBe('params.contagion');
    expect(input.min).toBe('0');
    // plain words first, the model's symbol beside them; the schema's meaning stays in the help
    expect(node.querySelector('label .name')?.textContent).toBe('how fast moods spread (μ)');
    expect(node.querySelector('label .unit')?.textContent).toBe(contagion.doc.unit);
    expect(node.querySelector('details.help')?.textContent).toContain(contagion.doc.meaning);
    expect(node.querySelector('[data-error-for="params.contagion"]')).not.toBeNull();
    change(node, '0.5');
    change(node, ' ');
    expect(got).toEqual([0.5, NaN]);
  });

  it('fieldInput for leaveAt reads an empty input as undefined (never leaves), and a choice as its option', () => {
    const got: unknown[] = [];
    const leave = fieldInput({ field: byKey.leaveAt, value: undefined, onChange: (v) => got.push(v), key: 'track2.leaveAt' });
    expect((leave.querySelector('input') as HTMLInputElement).value).toBe('');
    change(leave, '');
    const entry = fieldInput({ field: byKey.entry, value: 'lull', onChange: (v) => got.push(v), key: 'track2.entry' });
    expect((entry.querySelector('select') as HTMLSelectElement).value).toBe('lull');
    change(entry, 'peak');
    expect(got).toEqual([undefined, 'peak']);
  });
});

describe('showFieldIssues', () => {
  it('showFieldIssues(root, issues, actors) puts each issue on its field (an actor\'s on its track\'s row), clears old ones and returns the rest', () => {
    const root = document.createElement('div');
    root.append(
      fieldInput({ field: contagion, value: 0.2, onChange: () => {}, key: 'params.contagion' }),
      fieldInput({ field: byKey.capacity, value: 1, onChange: () => {}, key: 'track3.capacity' }),
    );
    const actors = { actors: [{ track: 1 }, { track: 3 }] };
    const rest = showFieldIssues(root, [
      { path: 'params.contagion', message: 'Too small: expected number to be >=0' },
      { path: 'actors.1.capacity', message: 'Too big: expected number to be <=1' },
      { path: 'kernel.formula', message: 'unknown symbol' },
      { path: '', message: 'too large' },
    ], actors);
    // plain words, and the fields named as the page shows them
    expect(rest).toEqual(['how much each track counts for official talks (w(d)): unknown symbol', 'the scenario: too large']);
    expect(root.querySelector('[data-error-for="params.contagion"]')?.textContent).toBe('Must be 0 or more.');
    expect(root.querySelector('[data-error-for="track3.capacity"]')?.textContent).toBe('Must be 1 or less.');
    expect(root.querySelector('[data-path="track3.capacity"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(showFieldIssues(root, [], actors)).toEqual([]);
    expect(root.querySelector('[data-error-for="params.contagion"]')?.textContent).toBe('');
    expect(root.querySelectorAll('[aria-invalid]')).toHaveLength(0);
  });
});
