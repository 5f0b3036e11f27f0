import type { Constants } from './constants';
import type { Scratch } from './scratch';
import type { Streams } from './streams';

/**
 * What a run needs besides its state, in three parts, each made once in one place: the
 * constants derived from the scenario (`deriveConstants`), the live random streams
 * (`createStreams`) and the per-step scratch buffers (`createScratch`). Not saved: a saved state
 * rebuilds it from the scenario and its saved stream states.
 */
export interface Context extends Constants {
  streams: Streams;
  scratch: Scratch;
}
