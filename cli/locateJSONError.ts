/** Where JSON text first goes wrong: 0-based offset, 1-based line and column, and what is wrong there. */
export interface JSONErrorLocation {
  offset: number;
  line: number;
  column: number;
  message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const DIGIT = /[0-9]/;
const HEX = /[0-9a-fA-F]/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Finds the first syntax error in JSON text, or null if it has none. Node 20's JSON.parse names
 * a position for some errors and none for others, so this scans the grammar (RFC 8259) itself;
 * it runs only after JSON.parse has failed.
 */
export function locateJSONError(text: string): JSONErrorLocation | null {
  let i = 0;
  const n = text.length;
  let expected = '';
  const ws = () => {
    while (i < n && WS.has(text[i])) i++;
  };
  const fail = (what: string) => {
    expected = what;
    return false;
  };
  const digits = () => {
    const from = i;
    while (i < n && DIGIT.test(text[i])) i++;
    return i > from;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return fail('a digit');
    if (text[i] === '.') {
      i++;
      if (!digits()) return fail('a digit after "."');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return fail('a digit in the exponent');
    }
    return true;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c < ' ') return fail(c === '\n' ? 'a closing quote before the end of the line' : 'no control characters inside a string');
      if (c === '\\') {
        i++;
        if (ESCAPES.has(text[i])) i++;
        else if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!HEX.test(text[i] ?? '')) return fail('four hex digits after \\u');
        } else return fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else i++;
    }
    return fail('a closing quote');
  };
  const value = (): boolean => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return true;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') return fail('a property name in double quotes');
        if (!string()) return false;
        ws();
        if (text[i] !== ':') return fail('":" after the property name');
        i++;
        if (!value()) return false;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return true;
        }
        return fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return true;
      }
      for (;;) {
        if (!value()) return false;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return true;
        }
        return fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && DIGIT.test(c))) return number();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        let k = 0;
        while (k < word.length && text[i] === word[k]) {
          i++;
          k++;
        }
        return k === word.length || fail(`"${word}"`);
      }
    }
    return fail('a value');
  };
  let ok: boolean;
  try {
    ok = value();
    if (ok) {
      ws();
      if (i < n) ok = fail('the end of the input');
    }
  } catch {
    // nesting deep enough to exhaust the stack: no location to offer
    return null;
  }
  if (ok) return null;
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < i && k < n; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  const found = i >= n ? 'the end of the input' : JSON.stringify(text[i]);
  return { offset: i, line, column: i - lineStart + 1, message: `expected ${expected}, found ${found}` };
}
