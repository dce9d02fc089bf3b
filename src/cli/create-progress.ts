import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

// cli-progress (CommonJS) is loaded only when a bar is drawn on a terminal: piped runs and --help
// start without it.
const require = createRequire(import.meta.url);

/** A progress bar for long work; does nothing unless standard error is a terminal. */
export interface Progress {
  start(total: number, what: string): void;
  update(value: number): void;
  stop(): void;
}

/**
 * A cli-progress bar on standard error (count, rate, time left) when it is a terminal; silent when
 * the output is piped or redirected, so scripts and logs get only the results.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, stop() {} };
  const cliProgress = require('cli-progress') as typeof cliProgressModule;
  let bar: cliProgressModule.SingleBar | undefined;
  let started = 0;
  return {
    start(total, what) {
      bar?.stop();
      started = Date.now();
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${what} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { rate: 0 });
    },
    update(value) {
      const seconds = (Date.now() - started) / 1000;
      bar?.update(value, { rate: seconds > 0 ? Math.round(value / seconds) : 0 });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
