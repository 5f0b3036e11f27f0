#!/usr/bin/env node
// The bin: registers tsx so the TypeScript CLI runs straight from the checkout, with no build step.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('./detente.ts');
await cli();
