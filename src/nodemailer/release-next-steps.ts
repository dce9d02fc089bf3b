/**
 * The way out a refused release names when the check finds a recipient probably not the
 * customer's, in the words of the library's release options (`holdStore.release`, `sendReleased`):
 * confirming the address as new does not answer a check that believes it is a slip of a known one.
 * The command line says the same with its own flags (`--to`, `--confirm-new`), replacing this text.
 */
export const CORRECT_PROBABLY_WRONG =
  "Correct the recipient (the release's `to` option) and release the message again, or discard it; confirming it as new (`confirmNew`) does not answer this.";
