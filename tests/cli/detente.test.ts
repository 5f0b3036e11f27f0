import { describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/index';
import { mainIn } from './helpers/detente';

describe('main', () => {
  it('main(["--help"]) lists every command and exits 0', async () => {
    const out = await mainIn(['--help']);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n').map((l) => l.trim().split(/\s{2,}/));
    for (const c of commands) expect(lines).toContainEqual([c.name, c.summary]);
  });

  it('main([command, "--help"]) and main(["help", command]) print that command\'s help for every command', async () => {
    for (const c of commands) {
      const a = await mainIn([c.name, '--help']);
      const b = await mainIn(['help', c.name]);
      const h = await mainIn([c.name, '-h']);
      expect(a).toEqual({ code: 0, stdout: c.help, stderr: '' });
      expect(b).toEqual(a);
      expect(h).toEqual(a);
      expect(c.help).toMatch(new RegExp(`^Usage: detente ${c.name}`));
    }
  });

  it('main exits 2 on no command, an unknown command or an unknown top-level option', async () => {
    for (const args of [[], ['simulate'], ['--verbose'], ['help', 'simulate']]) {
      const out = await mainIn(args);
      expect(out.code, args.join(' ')).toBe(2);
    }
    expect((await mainIn(['simulate'])).stderr).toMatch(/unknown command "simulate"/);
    expect((await mainIn(['--verbose'])).stderr).toMatch(/unknown option "--verbose"/);
  });

  it('main(["--version"]) prints a semantic version', async () => {
    const out = await mainIn(['--version']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
