/**
 * The open-source domain spell checkers email-guard is measured against, called as their READMEs
 * show: mailcheck 1.1.1 (`Mailcheck.run({ email })`) and @zootools/email-spell-checker 1.12.0
 * (`run({ email })`), both with their default domain tables.
 */
import emailSpellChecker from '@zootools/email-spell-checker';
import Mailcheck from 'mailcheck';

export interface DomainSuggester {
  readonly name: string;
  /** The corrected full address, or undefined when the tool suggests nothing. */
  suggest(email: string): string | undefined;
}

export const domainAnchors: readonly DomainSuggester[] = [
  {
    name: 'mailcheck 1.1.1',
    suggest: (email) => {
      const result = Mailcheck.run({ email }) as { full: string } | undefined | false;
      return result ? result.full : undefined;
    },
  },
  {
    name: '@zootools/email-spell-checker 1.12.0',
    suggest: (email) => emailSpellChecker.run({ email })?.full,
  },
];
