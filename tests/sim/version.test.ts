import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { versionModule } from '../../scripts/write-version';
import { VERSION } from '../../sim/index';

describe('sim/version.ts', () => {
  it('VERSION is package.json\'s version, and the file is what `npm run version` writes', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(readFileSync(new URL('../../sim/version.ts', import.meta.url), 'utf8')).toBe(versionModule(pkg.version));
  });
});
