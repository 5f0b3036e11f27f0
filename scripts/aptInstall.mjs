// Installs Debian packages the tests need, the project's own setup doing what a newcomer would:
// only as root, only where apt-get exists. Used by ensure-chromium.mjs and ensure-engines.mjs.
import { execFileSync } from 'node:child_process';

/** Whether this process can install Debian packages: Linux, root, and apt-get on the PATH. */
export function canAptInstall() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** apt-get update, then install `packages` without recommends; throws if apt-get fails. */
export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
}
