import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import isolateTempFolder from './isolate-temp-folder.js';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('the temporary folder of a test run', () => {
  it('gives the run a temporary folder of its own and removes it afterwards', () => {
    const outer = tmpdir();
    const teardown = isolateTempFolder();
    const folder = tmpdir();
    expect(folder).not.toBe(outer);
    expect(folder.startsWith(outer)).toBe(true);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    teardown();
    expect(tmpdir()).toBe(outer);
    expect(error).not.toHaveBeenCalled();
    expect(process.exitCode).toBeUndefined();
  });

  it('fails the run and names what a test left behind', () => {
    const teardown = isolateTempFolder();
    mkdirSync(join(tmpdir(), 'email-guard-docs-1234', 'held-mail'), { recursive: true });
    writeFileSync(join(tmpdir(), 'email-guard-docs-1234', 'held-mail', 'x.eml'), 'held');
    mkdirSync(join(tmpdir(), 'tsx-0'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    teardown();
    expect(process.exitCode).toBe(1);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]?.[0])).toContain('the temporary folder: email-guard-docs-1234');
    // A tool's cache is not a leftover.
    expect(String(error.mock.calls[0]?.[0])).not.toContain('tsx-0');
  });
});
