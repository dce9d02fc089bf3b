import type { SendMailOptions } from 'nodemailer';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard, type GuardOptions } from '../../src/guard/create-guard.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import type { ReleaseNeed } from '../../src/nodemailer/release-needs.js';
import { ALL_CUSTOMERS, KARIN } from './fewer-customers.js';
import { heldOrder, holdMessage, transportChecking } from './hold-message.js';
import { customers, type PipelineFixture, smtpTransport } from './pipeline.js';

const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const TYPO = 'anna.svensson185@gmail.com';
const ANNA_CUSTOMER = customers['C-1001'] as Customer;
const OTHER = { id: 'C-4004', name: 'Olle Berg', emails: ['olle.berg@example.se'] };

/** A release as every path takes it: corrected recipients and the releaser's answers. */
export interface RuleRelease {
  readonly to?: readonly string[];
  readonly confirmNew?: boolean;
  readonly sendDespiteBlock?: boolean;
  readonly fewerCustomers?: boolean;
}

/**
 * One held message and one release of it, with the reason the release rule gives for refusing it
 * (`refusedFor`, none: it goes): the table every release path is compared with the rule on.
 */
export interface RuleCase {
  readonly name: string;
  /** Holds the message in the fixture's store (through the real pipeline where it can); its id. */
  hold(fixture: PipelineFixture): Promise<string>;
  readonly release: RuleRelease;
  /** The customers the release is checked against: the guard's directory, or the export given. */
  readonly customers: readonly Customer[];
  /** The release's guard reads addresses verified in a store with this id. */
  readonly verificationStore?: string;
  readonly refusedFor: ReleaseNeed['code'] | undefined;
  /** Left out of the command line's table: it has no flag for it (a store of the caller's own). */
  readonly libraryOnly?: boolean;
}

/** Sends `message` for C-1001 through a guard checking against every customer; the hold id. */
async function held(fixture: PipelineFixture, message: Partial<SendMailOptions>): Promise<string> {
  const error = await transportChecking(fixture, createDirectory(ALL_CUSTOMERS))
    .sendMail({
      from: 'order@butiken.se',
      subject: 'Order 4711',
      text: 'Tack.',
      ...message,
      emailGuard: { customerId: 'C-1001' },
    } as SendMailOptions)
    .then(
      () => undefined,
      (reason: { holdId?: string }) => reason,
    );
  if (!error?.holdId) throw new Error('the order was not held');
  return error.holdId;
}

/** A raw order to Anna whose To display name shows Erik's address, and `body`. */
const shownInName = (body: string): Partial<SendMailOptions> => ({
  raw: `From: order@butiken.se\r\nTo: "${ERIK}" <${ANNA}>\r\nSubject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\n${body}\r\n`,
  envelope: { from: 'order@butiken.se', to: [ANNA] },
});

/** A message held directly in the store, as a check that knew verified addresses kept it. */
const heldVerified =
  (verificationStoreId?: string | { unread: 'error' | 'timeout' }) =>
  async (fixture: PipelineFixture): Promise<string> =>
    (
      await fixture.holdStore.hold({
        ...heldOrder('Orderbekräftelse 4711', ANNA),
        action: 'confirm',
        verifiedAddressesChecked: true,
        ...(verificationStoreId === undefined ? {} : { verificationStoreId }),
      })
    ).id;

const typo = (fixture: PipelineFixture) =>
  holdMessage(fixture, TYPO, { directory: createDirectory(ALL_CUSTOMERS) });

export const RULE_CASES: readonly RuleCase[] = [
  {
    name: 'a near miss corrected to the customer’s address goes',
    hold: typo,
    release: { to: [ANNA] },
    customers: ALL_CUSTOMERS,
    refusedFor: undefined,
  },
  {
    name: 'a message held without a customer',
    hold: (fixture) => holdMessage(fixture, ANNA, { customerId: null }),
    release: { to: [ANNA], confirmNew: true },
    customers: ALL_CUSTOMERS,
    refusedFor: 'customer',
  },
  {
    name: 'a raw message held with no envelope, released without recipients',
    hold: (fixture) =>
      holdMessage(fixture, ANNA, {
        raw: 'From: order@butiken.se\r\nTo: ny.kund@outlook.com\r\nSubject: Order 4711\r\n\r\nTack.\r\n',
        directory: createDirectory(ALL_CUSTOMERS),
      }),
    release: {},
    customers: ALL_CUSTOMERS,
    refusedFor: 'envelope-recipients',
  },
  {
    name: 'another customer’s address in Reply-To',
    hold: (fixture) => held(fixture, { to: ANNA, replyTo: ERIK }),
    release: { to: [ANNA] },
    customers: ALL_CUSTOMERS,
    refusedFor: 'answer-field',
  },
  {
    name: 'a blocked message released without corrected recipients',
    hold: typo,
    release: {},
    customers: ALL_CUSTOMERS,
    refusedFor: 'corrected-recipients',
  },
  {
    name: 'another customer’s address given again as the correction',
    hold: (fixture) => held(fixture, { to: ERIK }),
    release: { to: [ERIK], confirmNew: true },
    customers: ALL_CUSTOMERS,
    refusedFor: 'stopped-when-held',
  },
  {
    name: 'a display name that showed another address, corrected while the body still shows it',
    hold: (fixture) => held(fixture, shownInName(`Tack! Kopia till ${ERIK}.`)),
    release: { to: [ANNA] },
    customers: ALL_CUSTOMERS,
    refusedFor: 'stopped-when-held',
  },
  {
    name: 'a display name that showed another address, corrected so that nothing shows it goes',
    hold: (fixture) => held(fixture, shownInName('Tack!')),
    release: { to: [ANNA] },
    customers: ALL_CUSTOMERS,
    refusedFor: undefined,
  },
  {
    name: 'a verification store other than the one the hold read',
    hold: heldVerified('store-when-held'),
    release: {},
    customers: ALL_CUSTOMERS,
    verificationStore: 'another-store',
    refusedFor: 'verification-store',
    libraryOnly: true,
  },
  {
    name: 'a verification store whose id could not be read when held',
    hold: heldVerified({ unread: 'timeout' }),
    release: {},
    customers: ALL_CUSTOMERS,
    verificationStore: 'store-when-held',
    refusedFor: 'verification-store',
    libraryOnly: true,
  },
  {
    name: 'the verification store the hold read goes',
    hold: heldVerified('store-when-held'),
    release: {},
    customers: ALL_CUSTOMERS,
    verificationStore: 'store-when-held',
    refusedFor: undefined,
    libraryOnly: true,
  },
  {
    name: 'fewer customers than the hold knew',
    hold: typo,
    release: { to: [ANNA] },
    customers: [ANNA_CUSTOMER],
    refusedFor: 'enough-customers',
  },
  {
    name: 'fewer customers than the hold knew, meant',
    hold: typo,
    release: { to: [ANNA], fewerCustomers: true },
    customers: [ANNA_CUSTOMER],
    refusedFor: undefined,
  },
  {
    name: 'customers that lack the message’s own',
    hold: typo,
    release: { to: [ANNA] },
    customers: [customers['C-2002'] as Customer, KARIN, OTHER],
    refusedFor: 'customer-in-directory',
  },
  {
    name: 'no verified addresses where the hold knew them',
    hold: heldVerified(),
    release: {},
    customers: ALL_CUSTOMERS,
    refusedFor: 'verified-addresses',
  },
];

/** The options of the guard a case's release is checked by. */
export function ruleGuardOptions(rule: RuleCase): GuardOptions {
  const store = rule.verificationStore;
  return {
    directory: createDirectory(rule.customers),
    ...(store === undefined
      ? {}
      : {
          verifiedAddresses: {
            listVerified: async () => [],
            findVerified: async () => [],
            storeId: async () => store,
          },
        }),
  };
}

/** A transporter to the fixture's SMTP server through `nodemailerGuard` with the case's guard. */
export function ruleTransport(fixture: PipelineFixture, rule: RuleCase, holdStore?: HoldStore) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard(ruleGuardOptions(rule)),
      holdStore: holdStore ?? fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}
