import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../cli/command';

// Commands that fail the ways a bug or a broken stdout makes them fail, in place of the real ones.
const failing = (name: string, error: () => unknown): Command => ({
  name, summary: '', help: '', options: {}, positionals: { min: 0, max: 0, names: '' },
  run: async () => {
    throw error();
  },
});
vi.mock('../../cli/commands/index', () => ({
  commands: [
    failing('bug', () => new TypeError('Cannot read properties of undefined')),
    failing('full', () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' })),
    failing('closed', () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' })),
  ],
}));

async function mainWith(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { main } = await import('../../cli/detente.ts');
  let stderr = '';
  const sink = (onText: (t: string) => void) => new Writable({ write: (c, _e, done) => (onText(String(c)), done()) }) as unknown as NodeJS.WriteStream;
  const code = await main(argv, { stdout: sink(() => undefined), stderr: sink((t) => (stderr += t)) });
  return { code, stderr };
}

describe('main() exit codes for failures that are not bad input', () => {
  it('main() exits 70 on an internal error (a bug), says it is one and how to report it, with the stack', async () => {
    const out = await mainWith(['bug']);
    expect(out.code).toBe(70);
    expect(out.stderr).toMatch(/^detente bug: internal error: this is a bug in Détente, not a problem with your input\./);
    expect(out.stderr).toMatch(/Please report it with the command line you ran, the scenario file and the text below/);
    expect(out.stderr).toMatch(/TypeError: Cannot read properties of undefined\n\s+at /);
  });

  it('main() reports a write error a command did not catch as "cannot write stdout" with exit 1, and a closed pipe as success', async () => {
    expect(await mainWith(['full'])).toEqual({ code: 1, stderr: 'detente full: cannot write stdout: no space left on device\n' });
    expect(await mainWith(['closed'])).toEqual({ code: 0, stderr: '' });
  });
});
