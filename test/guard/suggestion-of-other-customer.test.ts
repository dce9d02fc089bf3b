import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import { exactLookupDown } from '../support/exact-lookup-down.js';
import { memoryVerificationStore, outboxTransport, proveAddresses } from '../support/prove-addresses.js';

// An operations trial: Karl's order typed to Karin's local part at a mistyped Gmail was held with
// Karin's real address as the correction, and released there. The correction of a domain typo
// must never be an address on file or verified for another customer.

const KARIN_ADDRESS = 'karin.berg.privat@gmail.com';
const TYPED = 'karin.berg.privat@gmial.com';
const karl: Customer = { id: 'C-10', name: 'Karl Berg', emails: ['karl.berg@telia.com'] };
const karin: Customer = { id: 'C-20', name: 'Karin Berg', emails: [KARIN_ADDRESS] };

const codes = (verdict: { findings: readonly { code: string }[] }) =>
  verdict.findings.map((finding) => finding.code);

describe("a suggestion that is another customer's address", () => {
  it('is the corrected domain when no other customer is known there', async () => {
    const verdict = await createGuard({ directory: createDirectory([karl]) }).check({
      entered: TYPED,
      customerId: 'C-10',
    });
    expect(verdict.suggestion).toBe(KARIN_ADDRESS);
    expect(verdict.readBack?.suggestion).toBeDefined();
  });

  for (const revealOtherCustomers of [false, true]) {
    it(`is left out when the address is on another customer's record${revealOtherCustomers ? ', revealing other customers' : ''}`, async () => {
      const guard = createGuard({ directory: createDirectory([karl, karin]), revealOtherCustomers });
      const verdict = await guard.check({ entered: TYPED, customerId: 'C-10' });
      expect(verdict.action).toBe('block');
      expect(codes(verdict)).toContain('domain-typo');
      expect(verdict.suggestion).toBeUndefined();
      expect(verdict.readBack).toEqual({ entered: expect.any(String) });
    });
  }

  for (const locale of ['en', 'sv'] as const) {
    it(`is named nowhere in the finding, which asks for the address spelled again (${locale})`, async () => {
      const guard = createGuard({ directory: createDirectory([karl, karin]), locale });
      const verdict = await guard.check({ entered: TYPED, customerId: 'C-10' });
      const typo = verdict.findings.find((finding) => finding.code === 'domain-typo');
      expect(typo).toMatchObject({ code: 'domain-typo', domain: 'gmial.com', candidates: [] });
      expect(typo).not.toHaveProperty('suggestedDomain');
      expect(JSON.stringify(typo)).not.toContain('gmail.com');
      expect(typo?.message).toBe(
        locale === 'sv'
          ? 'gmial.com ser ut som en felskriven domän, och adressen ligger nära en annan kunds adress: ingen rättelse föreslås. Be kunden stava adressen igen.'
          : 'gmial.com looks like a mistyped domain, and the address is close to the address of another customer: no correction is offered. Ask the customer to spell the address again.',
      );
    });
  }

  it('is left out under another spelling of the mailbox (Gmail ignores dots)', async () => {
    const dotless = { ...karin, emails: ['karinbergprivat@gmail.com'] };
    const verdict = await createGuard({ directory: createDirectory([karl, dotless]) }).check({
      entered: TYPED,
      customer: karl,
    });
    expect(verdict.suggestion).toBeUndefined();
  });

  it('is left out when the address is verified for another customer', async () => {
    const { transporter, outbox } = outboxTransport();
    const verifier = createVerifier({
      store: memoryVerificationStore(),
      transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    await proveAddresses(verifier, outbox, [{ customerId: 'C-20', address: KARIN_ADDRESS }]);
    const verdict = await createGuard({ verifiedAddresses: verifier }).check({
      entered: TYPED,
      customer: karl,
    });
    expect(codes(verdict)).toContain('domain-typo');
    expect(verdict.suggestion).toBeUndefined();
    expect(JSON.stringify(verdict.findings.find((finding) => finding.code === 'domain-typo'))).not.toContain(
      'gmail.com',
    );
    // Karin's own slip is corrected to her verified address, as ever.
    const own = await createGuard({ verifiedAddresses: verifier }).check({
      entered: TYPED,
      customer: { id: 'C-20', name: 'Karin Berg' },
    });
    expect(own.suggestion).toBe(KARIN_ADDRESS);
  });

  it("is kept when the address is the customer's own, whoever else shares it", async () => {
    const household = { ...karl, emails: ['karl.berg@telia.com', KARIN_ADDRESS] };
    const verdict = await createGuard({ directory: createDirectory([household, karin]) }).check({
      entered: TYPED,
      customerId: 'C-10',
    });
    expect(verdict.suggestion).toBe(KARIN_ADDRESS);
  });

  it('is left out when whose it is cannot be told (the lookup fails)', async () => {
    const verdict = await createGuard({ verifiedAddresses: exactLookupDown }).check({
      entered: TYPED,
      customer: karl,
    });
    expect(codes(verdict)).toContain('domain-typo');
    expect(verdict.suggestion).toBeUndefined();
    expect(verdict.findings.find((finding) => finding.code === 'domain-typo')?.message).toBe(
      "gmial.com looks like a mistyped domain; no correction is offered, as whether the corrected address is another customer's could not be looked up. Ask the customer to spell the address again.",
    );
  });
});
