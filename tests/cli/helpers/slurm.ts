import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A single-node Slurm cluster in a temporary folder: its SLURM_CONF and a way to stop it. */
export interface Slurm {
  env: NodeJS.ProcessEnv;
  dir: string;
  stop(): Promise<void>;
}

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function uidOf(user: string): { uid: number; gid: number } {
  return { uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })) };
}

/**
 * Munge, which Slurm authenticates with: a key if there is none, and the daemon if it is not
 * running. Returns a stop for a daemon started here (by its own pid), or nothing.
 */
function ensureMunge(): (() => void) | undefined {
  const munge = uidOf('munge');
  if (!existsSync('/etc/munge/munge.key')) {
    writeFileSync('/etc/munge/munge.key', randomBytes(1024), { mode: 0o400 });
    chownSync('/etc/munge/munge.key', munge.uid, munge.gid);
  }
  mkdirSync('/run/munge', { recursive: true });
  chownSync('/run/munge', munge.uid, munge.gid);
  try {
    execFileSync('pgrep', ['-x', 'munged'], { stdio: 'ignore' });
    return undefined; // already running: someone else's to stop
  } catch {
    // not running
  }
  execFileSync('su', ['-s', '/bin/sh', 'munge', '-c', '/usr/sbin/munged'], { stdio: 'ignore' });
  const pidFile = '/run/munge/munged.pid';
  return () => {
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
}

/**
 * Starts slurmctld and slurmd in the foreground (as children of this process, so they are
 * stopped by their own pids) with a configuration in a temporary folder, free ports, and this
 * machine as the one node; resolves once the node is idle. The recipe of TOOLCHAIN's Slurm notes.
 */
export async function startSlurm(): Promise<Slurm> {
  const stopMunge = ensureMunge();
  const dir = mkdtempSync(join(tmpdir(), 'detente-slurm-'));
  mkdirSync(join(dir, 'ctld'));
  mkdirSync(join(dir, 'd'));
  const host = hostname().split('.')[0];
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, [
    'ClusterName=detente', `SlurmctldHost=${host}`, 'SlurmUser=root', 'SlurmdUser=root',
    `StateSaveLocation=${dir}/ctld`, `SlurmdSpoolDir=${dir}/d`, `SlurmctldPidFile=${dir}/ctld.pid`, `SlurmdPidFile=${dir}/d.pid`,
    `SlurmctldPort=${ctldPort}`, `SlurmdPort=${dPort}`, 'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none',
    'SelectType=select/cons_tres', 'SelectTypeParameters=CR_Core', 'ReturnToService=2', 'MpiDefault=none',
    'JobAcctGatherType=jobacct_gather/none', 'AccountingStorageType=accounting_storage/none',
    `SlurmctldLogFile=${dir}/ctld.log`, `SlurmdLogFile=${dir}/d.log`,
    `NodeName=${host} CPUs=${execFileSync('nproc', { encoding: 'utf8' }).trim()} RealMemory=1000 State=UNKNOWN`,
    'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP', '',
  ].join('\n'));
  const env = { ...process.env, SLURM_CONF: conf };
  const daemons: ChildProcess[] = [];
  const start = (bin: string) => {
    const log = openSync(join(dir, `${bin}.out`), 'a');
    const child = spawn(`/usr/sbin/${bin}`, ['-D'], { env, stdio: ['ignore', log, log] });
    daemons.push(child);
  };
  const stop = async () => {
    await Promise.all(daemons.map((d) => new Promise<void>((resolve) => {
      if (d.exitCode !== null || d.signalCode !== null) return resolve();
      d.once('exit', () => resolve());
      d.kill('SIGTERM');
      setTimeout(() => d.kill('SIGKILL'), 10_000).unref();
    })));
    stopMunge?.();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    start('slurmctld');
    await sleep(500);
    start('slurmd');
    for (let i = 0; ; i++) {
      let state = '';
      try {
        state = execFileSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        // the controller is not up yet
      }
      if (state === 'idle') break;
      if (i > 120) {
        const logs = ['ctld.log', 'd.log'].map((f) => (existsSync(join(dir, f)) && statSync(join(dir, f)).size ? readFileSync(join(dir, f), 'utf8').slice(-2000) : '')).join('\n');
        throw new Error(`Slurm's node did not become idle (state "${state}"):\n${logs}`);
      }
      await sleep(250);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { env, dir, stop };
}
