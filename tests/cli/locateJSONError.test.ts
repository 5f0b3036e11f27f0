import { describe, expect, it } from 'vitest';
import { locateJSONError } from '../../cli/locateJSONError';

const at = (text: string) => {
  const r = locateJSONError(text);
  return r && [r.line, r.column, r.message];
};

describe('locateJSONError', () => {
  it('locateJSONError(text) returns null for text JSON.parse accepts', () => {
    for (const t of ['{}', ' [1, -2.5e+3, 0, "a\\u00e9\\n", true, false, null] ', '{"a": {"b": []}}', '"x"', '0']) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(locateJSONError(t), t).toBeNull();
    }
  });

  it('locateJSONError(text) finds a trailing comma at the closing bracket', () => {
    expect(at('{\n  "a": [1, 2,\n  ]\n}')).toEqual([3, 3, 'expected a value, found "]"']);
    expect(at('{"a": 1,}')).toEqual([1, 9, 'expected a property name in double quotes, found "}"']);
  });

  it('locateJSONError(text) finds misspelt literals, single quotes and missing colons', () => {
    expect(at('{"a": tru}')).toEqual([1, 10, 'expected "true", found "}"']);
    expect(at("{'a': 1}")).toEqual([1, 2, "expected a property name in double quotes, found \"'\""]);
    expect(at('{"a" 1}')).toEqual([1, 6, 'expected ":" after the property name, found "1"']);
  });

  it('locateJSONError(text) finds bad numbers, strings and escapes', () => {
    expect(at('[01]')).toEqual([1, 3, 'expected "," or "]", found "1"']);
    expect(at('[1.]')).toEqual([1, 4, 'expected a digit after ".", found "]"']);
    expect(at('["a\\x"]')).toEqual([1, 5, expect.stringMatching(/valid escape/)]);
    expect(at('["a\nb"]')?.slice(0, 2)).toEqual([1, 4]);
  });

  it('locateJSONError(text) reports the end of input and text after the value', () => {
    expect(at('')).toEqual([1, 1, 'expected a value, found the end of the input']);
    expect(at('{"a": [1, 2]')).toEqual([1, 13, 'expected "," or "}", found the end of the input']);
    expect(at('{} {}')).toEqual([1, 4, 'expected the end of the input, found "{"']);
  });

  it('locateJSONError(text) agrees with JSON.parse wherever JSON.parse names a position', () => {
    for (const t of ['{"a": 1,}', '[1, 2,]', '{} x', '{"a":\n "b\u0001"}']) {
      const m = /at position (\d+)/.exec((() => {
        try {
          JSON.parse(t);
          return '';
        } catch (e) {
          return (e as Error).message;
        }
      })());
      if (m) expect(locateJSONError(t)?.offset, t).toBe(Number(m[1]));
    }
  });
});
