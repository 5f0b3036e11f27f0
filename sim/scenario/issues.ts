import { z } from 'zod';

/** One problem with a scenario or an experiment: the JSON path of the field (dot-separated, 0-based) and what is wrong. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A zod path as the dot-separated form `--set` takes (0-based indices). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/** One zod issue as `path: message` problems (unknown keys listed, a missing field said to be required). */
export function issueOf(i: z.core.$ZodIssue): ValidationIssue | ValidationIssue[] {
  if (i.code === 'unrecognized_keys') {
    return { path: formatPath(i.path), message: `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  if (i.code === 'invalid_union' && i.path.length && i.path[0] === 'events') {
    // report the problems of the kind of event it was meant to be (the branch that failed least)
    const branches = i.errors.filter((b) => b.length > 0).sort((a, b) => a.length - b.length);
    const best = branches[0];
    if (best && branches.length > 1 && best.length < branches[1].length) {
      return best.map((sub) => issueOf({ ...sub, path: [...i.path, ...sub.path] } as z.core.$ZodIssue)).flat();
    }
    return { path: formatPath(i.path), message: 'an event needs "tick" (a timed event) or "after": "settlement" (a triggered one), with "type": "powerShift", "party" and "factor"' };
  }
  if (i.code === 'invalid_type' && /received undefined/.test(i.message)) {
    return { path: formatPath(i.path), message: `is required (expected ${i.expected})` };
  }
  return { path: formatPath(i.path), message: i.message };
}

