import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// semver is npm's own reading of an `engines` range (it is what prints EBADENGINE); it comes with
// the toolchain, so the test reads ranges exactly as npm does.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
};

const lock = JSON.parse(readFileSync(resolve(__dirname, '../../package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('installing on the supported Node', () => {
  it('locks no package whose engines exclude the Node it runs on (npm would warn EBADENGINE)', () => {
    const excluded = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range && !semver.satisfies(process.version, range)
        ? [`${path.replace(/^.*node_modules\//, '')}@${entry.version}: node ${range}`]
        : [];
    });
    expect(excluded).toEqual([]);
  });
});
