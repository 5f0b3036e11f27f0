/** Each engine's executables, and the Debian packages that provide them. */
export const ENGINES: Record<'parallel' | 'slurm', { files: string[]; packages: string[] }>;
/** The command that installs every engine. */
export const INSTALL: string;
/** The engines whose executables are missing. */
export function missingEngines(): Array<'parallel' | 'slurm'>;
