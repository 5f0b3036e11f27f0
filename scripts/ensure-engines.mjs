#!/usr/bin/env node
// Makes sure the job engines the cluster tests drive are installed: GNU parallel, and Slurm with
// munge (tests/cli/sweep/engines.test.ts runs a sweep through each). When they are missing and this
// runs as root on a machine with apt-get, it installs Debian's packages, as ensure-chromium.mjs
// does for Chromium. It never fails: without the engines those tests are reported as skipped, with
// the command below — unless DETENTE_REQUIRE_ENGINES=1 (.ci/run sets it), which makes them fail.
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, canAptInstall } from './aptInstall.mjs';

/** Each engine's executables, and the Debian packages that provide them. */
export const ENGINES = {
  parallel: { files: ['/usr/bin/parallel'], packages: ['parallel'] },
  slurm: { files: ['/usr/bin/sbatch', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/sbin/munged'], packages: ['slurm-wlm', 'munge'] },
};
export const INSTALL = `apt-get install -y --no-install-recommends ${Object.values(ENGINES).flatMap((e) => e.packages).join(' ')}`;

const present = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The engines whose executables are missing. */
export function missingEngines() {
  return Object.entries(ENGINES).filter(([, e]) => !e.files.every(present)).map(([name]) => name);
}

// run as a script (npm test's pretest, .ci/run), not imported by the tests
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  let missing = missingEngines();
  if (missing.length && canAptInstall()) {
    const packages = missing.flatMap((m) => ENGINES[m].packages);
    process.stderr.write(`ensure-engines: installing Debian's ${packages.join(', ')} with apt-get (for the cluster tests)…\n`);
    try {
      aptInstall(packages);
    } catch (e) {
      process.stderr.write(`ensure-engines: apt-get failed: ${e.message}\n`);
    }
    missing = missingEngines();
  }
  if (missing.length) {
    process.stderr.write(`ensure-engines: ${missing.join(' and ')} not installed: the cluster tests will be skipped. To run them: sudo ${INSTALL}\n`);
  }
}
