import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Scenario } from '../sim/scenario/schema';
import { Experiment } from '../sim/experiments/experiment';

/** Where the generated JSON Schema lives; scenario files point to it with "$schema". */
export const SCHEMA_FILE = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));

/** Where the experiment files' JSON Schema lives (beside the example experiments, not among the scenarios). */
export const EXPERIMENT_SCHEMA_FILE = fileURLToPath(new URL('../scenarios/experiments/experiment.schema.json', import.meta.url));

/**
 * The JSON Schema of a scenario file, generated from the zod schema: the input side (defaults
 * may be left out), each field keeping its metadata (meaning, unit, source), for editors.
 */
export function scenarioSchemaText(): string {
  const schema = z.toJSONSchema(Scenario, { io: 'input' });
  const { $schema, ...rest } = schema;
  const out = {
    $schema,
    title: 'Détente scenario (format 1)',
    description: 'A scenario for Détente, the multi-track de-escalation simulator. Generated from sim/scenario/schema.ts by `npm run schema`; do not edit by hand.',
    ...rest,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** The JSON Schema of an experiment file, generated from sim/experiments/experiment.ts in the same way. */
export function experimentSchemaText(): string {
  const schema = z.toJSONSchema(Experiment, { io: 'input' });
  const { $schema, ...rest } = schema;
  const out = {
    $schema,
    title: 'Détente experiment (format 1)',
    description: 'An experiment for Détente: factors, a design (grid, lhs, sobol, morris) and, for `detente sweep`, the scenario and the measures to record. Generated from sim/experiments/experiment.ts by `npm run schema`; do not edit by hand.',
    ...rest,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, scenarioSchemaText());
  console.error(`wrote ${SCHEMA_FILE}`);
  mkdirSync(dirname(EXPERIMENT_SCHEMA_FILE), { recursive: true });
  writeFileSync(EXPERIMENT_SCHEMA_FILE, experimentSchemaText());
  console.error(`wrote ${EXPERIMENT_SCHEMA_FILE}`);
}
