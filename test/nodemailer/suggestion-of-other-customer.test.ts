import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { customers, failure, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// An operations trial: Karl's order typed to Karin's local part at a mistyped Gmail was held with
// Karin's real address as the correction ("did you mean", `holds list`'s `->`, the review page).

const fixture = usePipelineFixture();
const KARIN_ADDRESS = 'karin.berg.privat@gmail.com';
const karin: Customer = { id: 'C-3003', name: 'Karin Berg', emails: [KARIN_ADDRESS] };
const directory = () => createDirectory([...Object.values(customers), karin]);

const order = (customerId: string) => ({
  from: 'order@butiken.se',
  to: 'karin.berg.privat@gmial.com',
  subject: 'Orderbekräftelse 4712',
  text: 'Tack!',
  emailGuard: { customerId },
});

describe("a held message's correction that is another customer's address", () => {
  for (const [who, customerId] of [
    ['a known customer', 'C-2002'],
    ['a customer the lookup does not find', 'C-404'],
  ] as const) {
    it(`is not offered for ${who}`, async () => {
      const error = await failure(
        guardedTransport(fixture, undefined, undefined, directory()).sendMail(order(customerId)),
      );
      expect(error?.code).toBe('RECIPIENT_BLOCKED');
      expect(error?.message).not.toContain(KARIN_ADDRESS);
      expect(fixture.sink.received).toEqual([]);
      const [held] = await fixture.holdStore.list();
      expect(held?.recipients.map(({ verdict }) => verdict.suggestion)).toEqual([undefined]);
    });
  }
});
