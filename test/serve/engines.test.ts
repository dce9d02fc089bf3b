import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(resolve(__dirname, '../../package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/**
 * Whether a Node version satisfies an `engines.node` range, read as npm reads it (node-semver's
 * range grammar, https://github.com/npm/node-semver#ranges): `||` between sets, comparators
 * `<`, `<=`, `>`, `>=`, `=`, `^`, `~` and bare versions, `x`, `*` or a missing part as a wildcard.
 * The grammar's hyphen ranges and prereleases are not used by any range in the lock file.
 */
function satisfies(version: string, range: string): boolean {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const compare = (want: readonly number[]): number => {
    for (let at = 0; at < 3; at++) {
      const difference = (have[at] ?? 0) - (want[at] ?? 0);
      if (difference !== 0) return Math.sign(difference);
    }
    return 0;
  };
  const comparator = (operator: string, text: string): boolean => {
    // The parts given, up to the first wildcard: `10.*` is [10], `>= 10.x` is >= [10].
    const parts: number[] = [];
    for (const part of text.replace(/^v/, '').split('.')) {
      if (!/^\d+$/.test(part)) break;
      parts.push(Number(part));
    }
    const whole = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
    const prefix = (length: number) => parts.slice(0, length).every((part, at) => have[at] === part);
    switch (operator) {
      case '>=':
        return compare(whole) >= 0;
      case '>':
        return compare(whole) > 0;
      case '<=':
        return compare(whole) <= 0;
      case '<':
        return compare(whole) < 0;
      case '^': {
        // The leftmost part that is not zero stays: ^20.19.0 is >=20.19.0 <21, ^0.4 is >=0.4.0 <0.5.
        const kept = parts.findIndex((part) => part !== 0);
        return compare(whole) >= 0 && prefix(kept === -1 ? parts.length : kept + 1);
      }
      case '~':
        return compare(whole) >= 0 && prefix(Math.min(parts.length, 2));
      default:
        return prefix(parts.length);
    }
  };
  return range.split('||').some((set) => {
    const comparators = [...set.matchAll(/(<=|>=|<|>|=|\^|~)?\s*(v?[\dxX*]+(?:\.[\dxX*]+){0,2})/g)];
    return comparators.every((match) => comparator(match[1] ?? '', match[2] as string));
  });
}

describe('installing on the supported Node', () => {
  it('reads engines ranges as npm does', () => {
    const cases: [string, string, boolean][] = [
      ['20.20.0', '^20.19.0 || >=22.12.0', true],
      ['20.18.0', '^20.19.0 || >=22.12.0', false],
      ['20.20.0', '>=22', false],
      ['20.20.0', '>= 0.4', true],
      ['20.20.0', '10.* || >= 12.*', true],
      ['11.0.0', '10.* || >= 12.*', false],
      ['20.20.0', '^14.21.3 || >=16', true],
      ['20.20.0', '^10 || ^12 || >=14', true],
      ['13.0.0', '^10 || ^12 || >=14', false],
      ['20.20.0', '20 || >=22', true],
      ['21.0.0', '20 || >=22', false],
      ['20.20.0', '*', true],
      ['20.20.0', '~20.19.0', false],
    ];
    expect(cases.map(([version, range]) => satisfies(version, range))).toEqual(
      cases.map((entry) => entry[2]),
    );
  });

  it('locks no package whose engines exclude the Node it runs on (npm would warn EBADENGINE)', () => {
    const excluded = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range && !satisfies(process.version, range)
        ? [`${path.replace(/^.*node_modules\//, '')}@${entry.version}: node ${range}`]
        : [];
    });
    expect(excluded).toEqual([]);
  });
});
