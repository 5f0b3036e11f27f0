import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Starts a private munge daemon and slurmctld and slurmd, all in the foreground (children of this
 * process, so they are stopped by their own pids), with a configuration in a temporary folder, a
 * munge key and socket of their own, free ports, and this machine as the one node; resolves once
 * the node is idle. Nothing is shared with the machine's own munge or with another test run's
 * cluster, so two runs of the tests at once do not stop each other's daemons.
 */
export async function startSlurm(): Promise<Slurm> {
  const dir = mkdtempSync(join(tmpdir(), 'detente-slurm-'));
  // the jobs (root, like the daemons) reach the socket through this folder
  chmodSync(dir, 0o711);
  mkdirSync(join(dir, 'ctld'));
  mkdirSync(join(dir, 'd'));
  const socket = join(dir, 'munge.socket');
  writeFileSync(join(dir, 'munge.key'), randomBytes(1024), { mode: 0o400 });
  const host = hostname().split('.')[0];
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, [
    'ClusterName=detente', `SlurmctldHost=${host}`, 'SlurmUser=root', 'SlurmdUser=root',
    `StateSaveLocation=${dir}/ctld`, `SlurmdSpoolDir=${dir}/d`, `SlurmctldPidFile=${dir}/ctld.pid`, `SlurmdPidFile=${dir}/d.pid`,
    `SlurmctldPort=${ctldPort}`, `SlurmdPort=${dPort}`, 'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none',
    'SelectType=select/cons_tres', 'SelectTypeParameters=CR_Core', 'ReturnToService=2', 'MpiDefault=none',
    'JobAcctGatherType=jobacct_gather/none', 'AccountingStorageType=accounting_storage/none',
    `SlurmctldLogFile=${dir}/ctld.log`, `SlurmdLogFile=${dir}/d.log`, `AuthInfo=socket=${socket}`,
    `NodeName=${host} CPUs=${execFileSync('nproc', { encoding: 'utf8' }).trim()} RealMemory=1000 State=UNKNOWN`,
    'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP', '',
  ].join('\n'));
  const env = { ...process.env, SLURM_CONF: conf };
  const daemons: ChildProcess[] = [];
  const start = (bin: string, args: string[]) => {
    const log = openSync(join(dir, `${bin}.out`), 'a');
    const child = spawn(`/usr/sbin/${bin}`, args, { env, stdio: ['ignore', log, log] });
    daemons.push(child);
  };
  // slurm first, then munge, which slurm needs to say goodbye
  const stopAll = (which: ChildProcess[]) => Promise.all(which.map((d) => new Promise<void>((resolve) => {
    if (d.exitCode !== null || d.signalCode !== null) return resolve();
    d.once('exit', () => resolve());
    d.kill('SIGTERM');
    setTimeout(() => d.kill('SIGKILL'), 10_000).unref();
  })));
  // should the test process end without stopping them (a timeout, say), the daemons go with it
  const killLeft = () => {
    for (const d of daemons) if (d.exitCode === null && d.signalCode === null) d.kill('SIGKILL');
  };
  process.once('exit', killLeft);
  const stop = async () => {
    await stopAll(daemons.slice(1));
    await stopAll(daemons.slice(0, 1));
    process.removeListener('exit', killLeft);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // --force: munged runs as root here, its files in a root-owned temporary folder
    start('munged', ['--foreground', '--force', `--socket=${socket}`, `--key-file=${join(dir, 'munge.key')}`, `--pid-file=${join(dir, 'munged.pid')}`,
      `--log-file=${join(dir, 'munged.log')}`, `--seed-file=${join(dir, 'munged.seed')}`, '--num-threads=10']);
    for (let i = 0; !existsSync(socket); i++) {
      if (i > 100) throw new Error(`munged did not create its socket:\n${existsSync(join(dir, 'munged.out')) ? readFileSync(join(dir, 'munged.out'), 'utf8') : ''}`);
      await sleep(100);
    }
    start('slurmctld', ['-D']);
    await sleep(500);
    start('slurmd', ['-D']);
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
