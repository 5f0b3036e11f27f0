import {
  addDependencies, create, divideDependencies, FunctionNodeDependencies, multiplyDependencies, parseDependencies,
  subtractDependencies, SymbolNodeDependencies, unaryMinusDependencies, unaryPlusDependencies, type MathNode,
} from 'mathjs/number';
import { exp, log, pow } from './portableMath';
import { POWER_BASE_TRACKS, TRACK_SLOTS } from './tracks/tracks';

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

export class KernelError extends Error {}

/**
 * Checks a proximity-kernel formula and tabulates it at d = 1…4 (the power-base tracks, Two to Five).
 * The formula is parsed and compiled once, here, by mathjs; only arithmetic on `d`, the declared
 * params and pi/e is accepted, so a scenario from a link cannot run code. Throws KernelError with
 * a message naming what is wrong.
 * @returns weights indexed by track (index 0 and 1 unused, 0)
 */
export function compileKernel(formula: string, params: Readonly<Record<string, number>>): Float64Array {
  let node: MathNode;
  try {
    node = parse(formula);
  } catch (e) {
    throw new KernelError(`cannot parse "${formula}": ${(e as Error).message}`);
  }
  for (const name of Object.keys(params)) {
    if (name === 'd') throw new KernelError('params must not define "d": it is the distance variable');
    if (FUNCTIONS.has(name) || CONSTANTS.has(name)) throw new KernelError(`param "${name}" would hide the function or constant of that name; choose another name`);
    if (!Number.isFinite(params[name])) throw new KernelError(`param "${name}" must be a finite number`);
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
  if (problems.length) throw new KernelError(`"${formula}": ${[...new Set(problems)].join('; ')}`);

  // Evaluated with engine-independent exp, log and pow (see portableMath.ts), so weights and
  // everything downstream are the same bits in Node and every browser: `^` becomes pow(…).
  const portable = node.transform((n) =>
    n.type === 'OperatorNode' && (n as unknown as { fn: string }).fn === 'pow'
      ? new FunctionNode(new SymbolNode('pow'), (n as unknown as { args: MathNode[] }).args)
      : n);
  const compiled = portable.compile();
  const functions = { exp, log, pow, sqrt: Math.sqrt, abs: Math.abs, min: Math.min, max: Math.max, floor: Math.floor, ceil: Math.ceil, pi: Math.PI, e: Math.E };
  const weights = new Float64Array(TRACK_SLOTS);
  for (const d of KERNEL_DISTANCES) {
    let w: unknown;
    try {
      w = compiled.evaluate({ ...params, ...functions, d });
    } catch (e) {
      throw new KernelError(`"${formula}" fails at d = ${d}: ${(e as Error).message}`);
    }
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) {
      throw new KernelError(`"${formula}" must give a finite, non-negative number of at most ${MAX_WEIGHT} for d = ${D_RANGE}; at d = ${d} it gives ${String(w)}`);
    }
    weights[d + 1] = w;
  }
  return weights;
}
