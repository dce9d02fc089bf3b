/**
 * The environment variable that holds the key a hold store folder is sealed with. A module of its
 * own: the commands' help names it, and loading the hold store for `--help` would load nodemailer.
 */
export const KEY_VARIABLE = 'EMAIL_GUARD_HOLD_KEY';
