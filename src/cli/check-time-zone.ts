import { TimeZoneSchema } from '../incident/option-schemas.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { escapeControls } from './escape-controls.js';
import { usageFailure } from './exit-codes.js';

/** Refuses (usage, exit code 2) a `--time-zone` the runtime does not know, naming the option. */
export function checkTimeZone(zone: string | undefined, locale: CliLocale): void {
  if (zone !== undefined && !TimeZoneSchema.safeParse(zone).success)
    throw usageFailure(cliTexts[locale].badTimeZone(escapeControls(zone)));
}
