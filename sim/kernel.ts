import {
  addDependencies, create, divideDependencies, FunctionNodeDependencies, multiplyDependencies, parseDependencies,
  subtractDependencies, SymbolNodeDependencies, unaryMinusDependencies, unaryPlusDependencies, type MathNode,
} from 'mathjs/number';
import { exp, log, pow } from './portableMath';
import { POWER_BASE_TRACKS, TRACK_SLOTS } from './tracks/tracks';
import { MAX_FORMULA_LENGTH } from './scenario/schema';

// A mathjs instance with only the parser and the arithmetic operators a kernel may use: it keeps
// the worker's bundle small (the functions themselves come from the scope, see below).
const math = create({
  parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
  unaryMinusDependencies, unaryPlusDependencies, FunctionNodeDependencies, SymbolNodeDependencies,
});
const { parse, FunctionNode, SymbolNode } = math;

/** Functions a kernel formula may call: arithmetic only. */
const FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs', 'pow', 'min', 'max', 'floor', 'ceil']);
/** Operators a kernel formula may use (mathjs operator function names). */
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const CONSTANTS = new Set(['pi', 'e']);

/** Largest kernel weight: keeps the power base finite whatever the achievements. */
export const MAX_WEIGHT = 1e6;

/** Distances d = track − 1 at which the kernel is evaluated: the power-base tracks (Two to Five). */
export const KERNEL_DISTANCES: readonly number[] = POWER_BASE_TRACKS.map((t) => t.number - 1);
const D_RANGE = `${KERNEL_DISTANCES[0]}…${KERNEL_DISTANCES[KERNEL_DISTANCES.length - 1]}`;

/**
 * Names a kernel param may not take: the distance, the functions and constants a formula can use,
 * the words the formula language gives a meaning to (operators such as `mod` or `to`, constants
 * such as `true` or `Infinity`), and every property of a plain JavaScript object (`constructor`,
 * `toString`, `__proto__`, …), which a lookup by name would find even where no param declares it.
 */
const RESERVED_NAMES = new Set([
  'd', ...FUNCTIONS, ...CONSTANTS,
  'mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** A formula or param that cannot be used; `field` is what is at fault: `formula` or `params.<name>`. */
export class KernelError extends Error {
  constructor(message: string, readonly field = 'formula') {
    super(message);
    this.name = 'KernelError';
  }
}

/** The formula as quoted in messages: whole when short, its start otherwise. */
function quote(formula: string): string {
  return JSON.stringify(formula.length > 80 ? `${formula.slice(0, 60)}…` : formula);
}

/** Why a kernel param cannot have this name, or undefined when it can. */
export function kernelParamProblem(name: string): string | undefined {
  if (name === 'd') return 'params must not define "d": it is the distance variable';
  if (FUNCTIONS.has(name) || CONSTANTS.has(name)) return `param "${name}" would hide the function or constant of that name; choose another name`;
  if (RESERVED_NAMES.has(name)) return `param "${name}" is a reserved name (a word of the formula language or a property every JavaScript object has); choose another name`;
  return undefined;
}

/** Rewrites every `a ^ b`, however deeply nested, as the portable `pow(a, b)`. */
function portablePow(node: MathNode): MathNode {
  return node.transform((n) =>
    n.type === 'OperatorNode' && (n as unknown as { fn: string }).fn === 'pow'
      ? new FunctionNode(new SymbolNode('pow'), (n as unknown as { args: MathNode[] }).args.map(portablePow))
      : n);
}

/**
 * Checks a proximity-kernel formula and tabulates it at d = 1…4 (the power-base tracks, Two to Five).
 * The formula is parsed and compiled once, here, by mathjs; only arithmetic on `d`, the declared
 * params and pi/e is accepted, so a scenario from a link cannot run code. Throws KernelError with
 * a message naming what is wrong.
 * @returns weights indexed by track (index 0 and 1 unused, 0)
 */
export function compileKernel(formula: string, params: Readonly<Record<string, number>>): Float64Array {
  if (typeof formula !== 'string') throw new KernelError('must be a text formula');
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw new KernelError(`is ${formula.length.toLocaleString('en')} characters long; the limit is ${MAX_FORMULA_LENGTH}`);
  }
  // own keys, so a "__proto__" key from JSON.parse is seen rather than skipped
  for (const name of Reflect.ownKeys(params)) {
    if (typeof name !== 'string') continue;
    const problem = kernelParamProblem(name);
    if (problem) throw new KernelError(problem, `params.${name}`);
    if (typeof params[name] !== 'number' || !Number.isFinite(params[name])) throw new KernelError(`param "${name}" must be a finite number`, `params.${name}`);
  }
  try {
    return tabulate(formula, params);
  } catch (e) {
    if (e instanceof KernelError) throw e;
    // whatever mathjs throws on input it was not meant for (a stack overflow, an internal
    // TypeError) is a formula that cannot be used, not a crash of the caller
    throw new KernelError(`${quote(formula)} cannot be compiled: ${e instanceof RangeError ? 'it is nested too deeply' : e instanceof Error ? e.message : String(e)}`);
  }
}

/** Parses, checks, compiles and evaluates the formula at d = 1…4 (see compileKernel). */
function tabulate(formula: string, params: Readonly<Record<string, number>>): Float64Array {
  let node: MathNode;
  try {
    node = parse(formula);
  } catch (e) {
    throw new KernelError(`cannot parse ${quote(formula)}: ${e instanceof RangeError ? 'it is nested too deeply' : (e as Error).message}`);
  }
  const problems: string[] = [];
  node.traverse((n, _path, parent) => {
    switch (n.type) {
      case 'ConstantNode': {
        const v = (n as unknown as { value: unknown }).value;
        if (typeof v !== 'number') problems.push(`only numbers are allowed, not ${JSON.stringify(v)}`);
        break;
      }
      case 'ParenthesisNode':
        break;
      case 'OperatorNode': {
        const fn = (n as unknown as { fn: string }).fn;
        if (!OPERATORS.has(fn)) problems.push(`operator "${(n as unknown as { op: string }).op}" is not allowed`);
        break;
      }
      case 'FunctionNode': {
        const fnNode = (n as unknown as { fn: MathNode }).fn;
        const name = fnNode.type === 'SymbolNode' ? (fnNode as unknown as { name: string }).name : '';
        if (!FUNCTIONS.has(name)) problems.push(`function "${name || fnNode.toString()}" is not allowed (allowed: ${[...FUNCTIONS].join(', ')})`);
        break;
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n;
        if (!isCallee && name !== 'd' && !CONSTANTS.has(name) && !Object.hasOwn(params, name)) {
          problems.push(`unknown symbol "${name}" (use d and the names declared in kernel.params)`);
        }
        break;
      }
      default:
        problems.push(`${n.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`);
    }
  });
  if (problems.length) throw new KernelError(`${quote(formula)}: ${[...new Set(problems)].join('; ')}`);

  // Evaluated with engine-independent exp, log and pow (see portableMath.ts), so weights and
  // everything downstream are the same bits in Node and every browser: `^` becomes pow(…).
  const compiled = portablePow(node).compile();
  const functions = { exp, log, pow, sqrt: Math.sqrt, abs: Math.abs, min: Math.min, max: Math.max, floor: Math.floor, ceil: Math.ceil, pi: Math.PI, e: Math.E };
  const weights = new Float64Array(TRACK_SLOTS);
  for (const d of KERNEL_DISTANCES) {
    let w: unknown;
    try {
      w = compiled.evaluate({ ...params, ...functions, d });
    } catch (e) {
      throw new KernelError(`${quote(formula)} fails at d = ${d}: ${(e as Error).message}`);
    }
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) {
      throw new KernelError(`${quote(formula)} must give a finite, non-negative number of at most ${MAX_WEIGHT} for d = ${D_RANGE}; at d = ${d} it gives ${String(w)}`);
    }
    weights[d + 1] = w;
  }
  return weights;
}
