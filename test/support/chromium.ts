import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium package: playwright-core drives it, and never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Installs Debian's chromium when it is missing, so the browser tests need nothing by hand on a
 * fresh machine (as root, or through sudo when there is one). Throws with apt's answer when that fails.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  for (const command of [
    [...asRoot, 'apt-get', 'update'],
    [...asRoot, 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
  ]) {
    const [program, ...args] = command as [string, ...string[]];
    const result = spawnSync(program, args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 10 * 60_000,
    });
    if (result.status !== 0)
      throw new Error(`${command.join(' ')} failed (${result.status}): ${result.stderr || result.error}`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but there is no ${CHROMIUM}`);
}

/** Headless Chromium; root needs `--no-sandbox`. */
export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}
