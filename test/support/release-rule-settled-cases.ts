import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { ALL_CUSTOMERS } from './fewer-customers.js';
import { holdMessage } from './hold-message.js';
import { customers } from './pipeline.js';
import type { RuleCase } from './release-rule-cases.js';

/**
 * Cases where the release rule and a release once disagreed, settled on one answer: every release
 * path is compared with the rule on them too (beside `RULE_CASES`).
 */
export const SETTLED_RULE_CASES: readonly RuleCase[] = [
  {
    // docs/nodemailer.md (`release`): a blocked recipient leaves by being corrected, or with
    // `sendDespiteBlock` to recipients the releaser names (`to`), never to the held ones unnamed.
    name: 'a blocked message released with sendDespiteBlock and no named recipients stays held',
    hold: (fixture) =>
      holdMessage(fixture, 'anna.svensson185@gmail.com', { directory: createDirectory(ALL_CUSTOMERS) }),
    release: { sendDespiteBlock: true },
    customers: ALL_CUSTOMERS,
    refusedFor: 'corrected-recipients',
  },
  {
    // Both lacking: the recipients are said first, on every path (a release naming no one to deliver
    // to never reaches the check that refuses the Reply-To); the rule said the Reply-To, the store
    // the envelope.
    name: 'a raw message held with no envelope and another customer’s address in Reply-To',
    hold: (fixture) =>
      holdMessage(fixture, 'anna.svensson1985@gmail.com', {
        raw: 'From: order@butiken.se\r\nTo: anna.svensson1985@gmail.com\r\nReply-To: erik.lind@telia.com\r\nSubject: Order 4711\r\n\r\nTack.\r\n',
        directory: createDirectory(ALL_CUSTOMERS),
      }),
    release: {},
    customers: ALL_CUSTOMERS,
    refusedFor: 'envelope-recipients',
  },
  {
    // Both lacking: the rule says the missing customer first, as the hold's own; the library's
    // release refused on the guard's count first (FEWER_CUSTOMERS) until it asked the rule itself.
    name: 'a message held without a customer, released against fewer customers than it knew',
    hold: (fixture) =>
      holdMessage(fixture, 'anna.svensson1985@gmail.com', {
        customerId: null,
        directory: createDirectory(ALL_CUSTOMERS),
      }),
    release: { to: ['anna.svensson1985@gmail.com'], confirmNew: true },
    customers: [customers['C-1001'] as Customer],
    refusedFor: 'customer',
  },
];
