import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as browserEntry from '../src/browser/index.js';
import * as core from '../src/index.js';
import * as mimeEntry from '../src/mime/index.js';
import * as nodemailerEntry from '../src/nodemailer/index.js';

// The public API of each entry point. Renaming or removing a name here is a breaking change and
// goes in CHANGELOG.md.
const entryPoints: Record<string, { module: Record<string, unknown>; names: string[] }> = {
  'email-guard': {
    module: core,
    names: [
      'AuditCustomerBaseInputSchema',
      'CheckPhoneInputSchema',
      'AuditLogFailedError',
      'CheckOptionsSchema',
      'DirectoryWriteFailedError',
      'CheckRecipientInputSchema',
      'CustomerSchema',
      'DirectorySchema',
      'LoadCustomersInputSchema',
      'EmailGuardError',
      'FewerCustomersError',
      'GuardCheckInputSchema',
      'GuardCheckPhoneInputSchema',
      'HeldMessageClaimedError',
      'HeldMessageNotLockedError',
      'HoldStoreFailedError',
      'InvalidInputError',
      'LookupFailedError',
      'checkPhone',
      'MessageHeldError',
      'MessageUnreadableError',
      'MigrateFailedError',
      'RecipientAwaitingVerificationError',
      'RecipientBlockedError',
      'RecipientNeedsConfirmationError',
      'SmtpUtf8NotAnnouncedError',
      'VerificationRateLimitedError',
      'VerificationStoreFailedError',
      'auditCustomerBase',
      'checkRecipient',
      'createDirectory',
      'createGuard',
      'customerBaseFindingCodes',
      'defaultCustomerColumns',
      'defaultDisposableDomains',
      'defaultFirstNames',
      'defaultMailboxProviders',
      'defaultMailboxRules',
      'defaultPolicy',
      'defaultRoleLocalParts',
      'describeEquivalence',
      'editDistance',
      'explainEdits',
      'findDomainTypo',
      'ianaTopLevelDomains',
      'indexMailboxRules',
      'isSamePerson',
      'loadCustomers',
      'mailboxKey',
      'mailboxVariants',
      'nameKey',
      'natoSpellingAlphabet',
      'parseAddress',
      'parsePhone',
      'isEmailGuardError',
      'spellAddress',
      'swedishSpellingAlphabet',
    ],
  },
  'email-guard/nodemailer': {
    module: nodemailerEntry,
    names: [
      'AuditLogFailedError',
      'FewerCustomersError',
      'HeldMessageClaimedError',
      'HeldMessageNotLockedError',
      'HoldStoreFailedError',
      'MessageHeldError',
      'RecipientAwaitingVerificationError',
      'RecipientBlockedError',
      'RecipientNeedsConfirmationError',
      'SmtpUtf8NotAnnouncedError',
      'VerificationRateLimitedError',
      'VerificationStoreFailedError',
      'createFileHoldStore',
      'createFileVerificationStore',
      'createJsonLinesAuditLog',
      'createVerifier',
      'isEmailGuardError',
      'nodemailerGuard',
      'releaseNeeds',
      'sendReleased',
    ],
  },
  'email-guard/browser': {
    module: browserEntry,
    names: [
      'EmailGuardError',
      'InvalidInputError',
      'checkPhone',
      'checkRecipient',
      'isEmailGuardError',
      'natoSpellingAlphabet',
      'parseAddress',
      'spellAddress',
      'swedishSpellingAlphabet',
    ],
  },
  'email-guard/mime': {
    module: mimeEntry,
    names: ['MessageUnreadableError', 'checkMessage', 'isEmailGuardError'],
  },
};

/** Every module the entry's source reaches through relative imports, and every package it names. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('public API', () => {
  for (const [name, { module, names }] of Object.entries(entryPoints)) {
    it(`${name} exports exactly its documented names`, () => {
      expect(Object.keys(module).sort()).toEqual([...names].sort());
    });
  }

  it('keeps the core entry free of Node built-ins, nodemailer and mailparser, so it runs in a browser', () => {
    const { packages, files } = importGraph(resolve(__dirname, '../src/index.ts'));
    expect(files.length).toBeGreaterThan(10);
    const forbidden = [...packages].filter((name) =>
      /^node:|^nodemailer|^mailparser|^smtp-server|^fs$|^path$/.test(name),
    );
    expect(forbidden).toEqual([]);
    expect([...packages].sort()).toEqual(
      ['fast-levenshtein', 'libphonenumber-js', 'unhomoglyph', 'zod'].filter((p) => packages.has(p)),
    );
  });
});
