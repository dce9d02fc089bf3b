import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/mime/index.js';
import {
  directoryOfCustomers,
  failure,
  guardedTransport,
  guardOfCustomers,
  usePipelineFixture,
} from '../support/pipeline.js';

// A display name is what the customer's mail client shows: another customer's address written
// there is shown to them, and an answer typed to it reaches that customer (RFC 2047 encoded-words
// shown decoded). The raw check and the nodemailer plugin read the same bytes alike.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const ERIK_ENCODED = '=?utf-8?q?erik.lind=40telia.com?=';
const raw = (header: string) =>
  `From: order@butiken.se\r\nTo: ${ANNA}\r\n${header}Subject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\nTack!\r\n`;

/** What the plugin did with the message, as its audit log says. */
async function pluginAction(message: string) {
  await failure(
    guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail({
      raw: message,
      envelope: { from: 'order@butiken.se', to: [ANNA] },
      emailGuard: { customerId: 'C-1001' },
    } as Parameters<ReturnType<typeof guardedTransport>['sendMail']>[0]),
  );
  return fixture.audit.entries.at(-1)?.action;
}

/** What checkMessage answers for the same bytes, the same customer and directory. */
async function rawCheckAction(message: string) {
  const check = await checkMessage(message, {
    guard: guardOfCustomers(),
    resolveCustomer: () => 'C-1001',
  });
  return check.action;
}

describe("checkMessage and a display name that shows another customer's address", () => {
  const cases: [string, string][] = [
    ['a quoted address in a Reply-To name', `Reply-To: "${ERIK}" <kundtjanst@butiken.se>\r\n`],
    ['an encoded-word in a Reply-To name', `Reply-To: ${ERIK_ENCODED} <kundtjanst@butiken.se>\r\n`],
    ['a quoted address in a Cc name', `Cc: "${ERIK}" <anna@svenssonbygg.se>\r\n`],
    [
      'an encoded line break before the address in a Reply-To name',
      `Reply-To: =?utf-8?q?Erik=0A=3Cerik.lind=40telia.com=3E?= <kundtjanst@butiken.se>\r\n`,
    ],
    ['nothing shown in a name', 'Reply-To: Kundtjänst <kundtjanst@butiken.se>\r\n'],
  ];
  for (const [what, header] of cases)
    it(`answers as the plugin does for ${what}`, async () => {
      const message = raw(header);
      const [plugin, check] = [await pluginAction(message), await rawCheckAction(message)];
      expect(check).toBe(plugin);
      expect(check).toBe(what === 'nothing shown in a name' ? 'send' : 'block');
    });
});
