import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import { type CliLocale, cliTexts } from './cli-texts.js';

// cli-progress (CommonJS) is loaded only when a bar is drawn on a terminal: piped runs and --help
// start without it.
const require = createRequire(import.meta.url);

/** A progress bar for long work; does nothing unless standard error is a terminal. */
export interface Progress {
  /**
   * `total` is what `update`'s value runs to; with `unit` (`rows`, `messages`) the bar counts those
   * (`update`'s `count`) while the share done and the time left come from the value (bytes read of
   * a file whose count is not known before it is read).
   */
  start(total: number, what: string, unit?: string): void;
  update(value: number, count?: number): void;
  /**
   * Ends the bar. With `count` (the rows or messages read in all) the last line shows it at 100%:
   * the updates come every few thousand rows and count characters, not bytes, so the last one
   * seldom reaches the end of the file.
   */
  stop(count?: number): void;
}

/** The words of the bars, in each language of the command (cli-texts.ts). */
export const progressWords = { en: cliTexts.en.progress, sv: cliTexts.sv.progress } as const;

/**
 * A cli-progress bar on standard error (count, rate, time left) when it is a terminal; silent when
 * the output is piped or redirected, so scripts and logs get only the results.
 */
export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  locale: CliLocale = 'en',
): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, stop() {} };
  const cliProgress = require('cli-progress') as typeof cliProgressModule;
  let bar: cliProgressModule.SingleBar | undefined;
  let started = 0;
  let whole = 0;
  const draw = (value: number, count?: number) => {
    const seconds = (Date.now() - started) / 1000;
    const done = count ?? value;
    bar?.update(value, { rate: seconds > 0 ? Math.round(done / seconds) : 0, count: done });
  };
  return {
    start(total, what, unit) {
      bar?.stop();
      started = Date.now();
      whole = total;
      const counted =
        unit === undefined ? '{value}/{total} | {rate}/s' : `{count} ${unit} | {rate} ${unit}/s`;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${what} [{bar}] {percentage}% | ${counted} | ${cliTexts[locale].progress.timeLeft('{eta_formatted}')}`,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { rate: 0, count: 0 });
    },
    update(value, count) {
      draw(value, count);
    },
    stop(count) {
      if (count !== undefined) draw(whole, count);
      bar?.stop();
      bar = undefined;
    },
  };
}
