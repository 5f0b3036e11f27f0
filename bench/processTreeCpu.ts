import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

function stat(pid: string): { ppid: string; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces: fields are counted from its closing parenthesis
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: f[1], ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return undefined;
  }
}

/** The pid of the process whose command line holds `marker` and no `--type=` (a Chromium browser process, by its profile directory). */
export function browserPid(marker: string): string | undefined {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(marker) && !cmd.includes('--type=')) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/**
 * CPU seconds (user + system) used so far by a process and all its descendants that are alive
 * (Linux /proc). A browser's renderer and its Web Workers are threads of its child processes, so
 * the difference over a run is the CPU the page's work took, however busy the machine.
 */
export function processTreeCpu(root: string): number {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => ({ pid, s: stat(pid) }));
  const children = new Map<string, string[]>();
  for (const { pid, s } of all) if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  const ticks = new Map(all.map(({ pid, s }) => [pid, s?.ticks ?? 0]));
  let sum = 0;
  for (const stack = [root]; stack.length;) {
    const pid = stack.pop()!;
    sum += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum / USER_HZ;
}
