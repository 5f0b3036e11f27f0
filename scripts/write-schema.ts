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
 * A zod schema as JSON Schema text for editors: the input side (defaults may be left out), each
 * field keeping its metadata (meaning, unit, source), with a title and description first.
 */
function schemaText(schema: z.ZodType, title: string, description: string): string {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return JSON.stringify({ $schema, title, description, ...rest }, null, 2) + '\n';
}

/** The JSON Schema of a scenario file, generated from sim/scenario/schema.ts. */
export function scenarioSchemaText(): string {
  return schemaText(Scenario, 'Détente scenario (format 1)',
    'A scenario for Détente, the multi-track de-escalation simulator. Generated from sim/scenario/schema.ts by `npm run schema`; do not edit by hand.');
}

/** The JSON Schema of an experiment file, generated from sim/experiments/experiment.ts. */
export function experimentSchemaText(): string {
  return schemaText(Experiment, 'Détente experiment (format 1)',
    'An experiment for Détente: factors, a design (grid, lhs, sobol, morris) and, for `detente sweep`, the scenario and the measures to record. Generated from sim/experiments/experiment.ts by `npm run schema`; do not edit by hand.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, scenarioSchemaText());
  console.error(`wrote ${SCHEMA_FILE}`);
  mkdirSync(dirname(EXPERIMENT_SCHEMA_FILE), { recursive: true });
  writeFileSync(EXPERIMENT_SCHEMA_FILE, experimentSchemaText());
  console.error(`wrote ${EXPERIMENT_SCHEMA_FILE}`);
}
