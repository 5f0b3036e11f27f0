import { describe, expect, it } from 'vitest';
import { fieldDoc } from '../../../sim/scenario/doc';
import { Actor, Params, Party } from '../../../sim/scenario/schema';
import { actorFields, fieldLabel, paramGroups } from '../../../viz/app/paramFields';

describe('paramFields', () => {
  it('paramGroups(parties) lists exactly the schema\'s key fields, with the schema\'s units and meanings', () => {
    const groups = paramGroups(['A', 'B']);
    const byTitle = Object.fromEntries(groups.map((g) => [g.title, g.fields]));
    const keyOf = (shape: Record<string, unknown>) => Object.entries(shape).filter(([, s]) => fieldDoc(s as never)?.key).map(([k]) => k);
    expect(byTitle.Rules.map((f) => f.key)).toEqual(keyOf(Params.shape));
    expect(byTitle['Party: B'].map((f) => f.key)).toEqual(keyOf(Party.shape).filter((k) => k !== 'name'));
    expect(byTitle['Party: B'][0].path).toEqual(['parties', 1, byTitle['Party: B'][0].key]);
    const contagion = byTitle.Rules.find((f) => f.key === 'contagion');
    expect(contagion?.doc).toEqual(fieldDoc(Params.shape.contagion));
    expect(contagion?.kind).toBe('number');
    expect(contagion?.min).toBe(0);
  });

  it('actorFields() describes the track-mix fields from the Actor schema, entry as a choice of its options', () => {
    const f = actorFields();
    expect(f.map((x) => x.key)).toEqual(['capacity', 'entry', 'commitment', 'leaveAt']);
    expect(f[1].options).toEqual(['immediate', 'lull', 'peak']);
    expect(f[0].doc.unit).toBe(fieldDoc(Actor.shape.capacity)?.unit);
    expect(f[2].integer).toBe(true);
  });

  it('fieldLabel(key) splits camelCase into words', () => {
    expect(fieldLabel('initialAnger')).toBe('initial anger');
  });
});
