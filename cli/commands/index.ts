import type { Command } from '../command';
import { analyze } from './analyze';
import { claims } from './claims';
import { merge } from './merge';
import { run } from './run';
import { sample } from './sample';
import { sweep } from './sweep';
import { validate } from './validate';

/** Every `detente` subcommand, in the order the top-level help lists them. */
export const commands: readonly Command[] = [run, validate, claims, sweep, merge, sample, analyze];
