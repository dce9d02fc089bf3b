import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { MessageHeldError, RecipientAwaitingVerificationError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import { smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import { heldForCode, orderConfirmation, receivedFor, verificationFor } from '../support/verification.js';

// Two new customers prove their addresses with codes; a third customer's order then goes to a slip
// of one of them. Known only to the verifier until the customer system learns them, such an address
// is another customer's as much as one on their record.
const fixture = usePipelineFixture();
const people: Record<string, Customer> = {
  'C-2001': { id: 'C-2001', name: 'Karin Berg' },
  'C-2002': { id: 'C-2002', name: 'Nils Ek' },
  'C-2003': { id: 'C-2003', name: 'Olle Ström' },
  'C-2004': { id: 'C-2004' },
};
const OTHER_CUSTOMER = ['belongs-to-other-customer', 'near-miss-other-customer', 'near-miss-other-name'];

function setUp(lookup: (id: string) => Customer | undefined = (id) => people[id]) {
  const transporter = smtpTransport(fixture.sink.port);
  const verifier = createVerifier({
    store: createFileVerificationStore(join(fixture.dir, 'verification')),
    transporter,
    from: 'Butiken AB <order@butiken.se>',
    locale: 'sv',
  });
  const guard = createGuard({ lookupCustomer: async (id) => lookup(id), verifiedAddresses: verifier });
  transporter.use(
    'compile',
    nodemailerGuard({
      guard,
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
      verifier,
      unverified: 'verify',
    }),
  );
  return { transporter, verifier, guard };
}

/** Sends an order to a new address, reads the code the customer was sent and confirms it. */
async function proveAddress(setup: ReturnType<typeof setUp>, customerId: string, address: string) {
  await heldForCode(setup.transporter, address, customerId);
  const { code } = await verificationFor(fixture.sink.received, address);
  expect((await setup.verifier.confirm({ customerId, address, code })).ok).toBe(true);
}

async function provenTwo() {
  const setup = setUp();
  await proveAddress(setup, 'C-2001', 'karin.berg@outlook.com');
  await proveAddress(setup, 'C-2002', 'nils.ek@gmail.com');
  return setup;
}

const codesOf = (verdict: { findings: readonly { code: string }[] }) =>
  verdict.findings.map((finding) => finding.code);

describe('a slip of an address verified for another customer', () => {
  it('is another customer’s near miss in guard.check, as a slip of a recorded address is', async () => {
    const { guard } = await provenTwo();
    // Each fits the other customer's name better than Olle Ström's: as the directory reads a slip of a recorded address.
    expect(codesOf(await guard.check({ entered: 'nils.ek1@gmail.com', customerId: 'C-2003' }))).toEqual([
      'near-miss-other-name',
      'unverified-address',
    ]);
    const exact = await guard.check({ entered: 'karin.berg@outlook.com', customerId: 'C-2003' });
    expect(codesOf(exact)).toContain('belongs-to-other-customer');
    for (const entered of ['nils.ek1@gmail.com', 'karinberg@outlook.com', 'karin.bergg@outlook.com']) {
      const verdict = await guard.check({ entered, customerId: 'C-2003' });
      expect(
        codesOf(verdict).filter((code) => OTHER_CUSTOMER.includes(code)),
        entered,
      ).not.toEqual([]);
    }
    // The customers' own addresses stay theirs, and a slip of a verified address of their own is a near miss.
    expect(codesOf(await guard.check({ entered: 'nils.ek@gmail.com', customerId: 'C-2002' }))).toEqual([
      'exact-match',
    ]);
    expect(codesOf(await guard.check({ entered: 'nils.ek1@gmail.com', customerId: 'C-2002' }))).toContain(
      'near-miss',
    );
  });

  it('is another customer’s near miss when the slip is in the domain alone, and no code is sent there', async () => {
    const setup = setUp();
    await proveAddress(setup, 'C-2001', 'karin.berg@outlook.se');
    // The local part typed right, the domain one letter short: Karin's address, for Olle's order.
    const verdict = await setup.guard.check({ entered: 'karin.berg@outlok.se', customerId: 'C-2003' });
    expect(codesOf(verdict)).toContain('near-miss-other-name');
    expect(verdict.action).not.toBe('send');
    const before = fixture.sink.received.length;
    const error = await setup.transporter
      .sendMail(orderConfirmation('karin.berg@outlok.se', 'C-2003'))
      .catch((rejected: unknown) => rejected);
    expect(error).not.toBeInstanceOf(RecipientAwaitingVerificationError);
    expect(error).toBeInstanceOf(MessageHeldError);
    expect(fixture.sink.received.length).toBe(before);
    // For Karin herself it is a slip of her own address, as for one on her record.
    expect(
      codesOf(await setup.guard.check({ entered: 'karin.berg@outlok.se', customerId: 'C-2001' })),
    ).not.toContain('near-miss-other-name');
  });

  it('is reported when the customer it was verified for cannot be named', async () => {
    const setup = setUp();
    await proveAddress(setup, 'C-2004', 'familjen.holm@outlook.com');
    const verdict = await setup.guard.check({ entered: 'familjen.holm1@outlook.com', customerId: 'C-2003' });
    expect(codesOf(verdict)).toContain('near-miss-other-customer');
    expect(verdict.findings.find((finding) => finding.code === 'near-miss-other-customer')?.message).toBe(
      'Looks like a typo of an address registered to another customer (f***@outlook.com): check the address with the customer, who may be registered twice.',
    );
  });

  it('is not sent a verification code, and verifier.start refuses one', async () => {
    const setup = await provenTwo();
    const before = fixture.sink.received.length;
    const error = await setup.transporter
      .sendMail(orderConfirmation('karinberg@outlook.com', 'C-2003'))
      .catch((rejected: unknown) => rejected);
    expect(error).not.toBeInstanceOf(RecipientAwaitingVerificationError);
    await expect(
      setup.verifier.start({ customerId: 'C-2003', address: 'nils.ek1@gmail.com' }),
    ).rejects.toThrow(/no code was sent.*near-miss-other-name/);
    expect(fixture.sink.received.length).toBe(before);
  });

  it('is not sent on a salesperson’s confirmation, and the SMTP server receives nothing', async () => {
    const setup = await provenTwo();
    const holding = smtpTransport(fixture.sink.port);
    holding.use(
      'compile',
      nodemailerGuard({
        guard: setup.guard,
        holdStore: fixture.holdStore,
        auditLog: fixture.audit,
        unverified: 'hold',
      }),
    );
    const before = fixture.sink.received.length;
    const error = await holding
      .sendMail({
        ...orderConfirmation('nils.ek1@gmail.com', 'C-2003'),
        emailGuard: {
          customerId: 'C-2003',
          confirmation: { by: 'lena', reason: 'uppläst i telefon', addresses: ['nils.ek1@gmail.com'] },
        },
      })
      .catch((rejected: unknown) => rejected);
    expect((error as { code?: string }).code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received.length).toBe(before);
    expect(receivedFor(fixture.sink.received, 'nils.ek1@gmail.com')).toEqual([]);
  });

  it('blocks the check when the verified addresses cannot be read, instead of finding no other customer', async () => {
    const guard = createGuard({
      lookupCustomer: async (id) => people[id],
      verifiedAddresses: {
        listVerified: async () => [],
        findVerified: async () => Promise.reject(new Error('store down')),
      },
    });
    const verdict = await guard.check({ entered: 'nils.ek1@gmail.com', customerId: 'C-2003' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({
      code: 'lookup-failed',
      reason: 'error',
      error:
        'the addresses verified for other customers could not be read: the lookup threw an error (Error)',
    });
  });

  it('files nothing for a confirm with no challenge pending for that customer and address', async () => {
    const setup = await provenTwo();
    const records = async () => (await readdir(join(fixture.dir, 'verification', 'records'))).length;
    const before = await records();
    // Stray confirms (no code was ever sent to these addresses) must not grow the index each check reads.
    for (let index = 0; index < 5; index++) {
      const address = `stray.${index}.address@outlook.com`;
      expect((await setup.verifier.confirm({ customerId: 'C-2003', address, code: '123456' })).ok).toBe(
        false,
      );
    }
    // A real address with a challenge pending, confirmed by the wrong customer, files nothing either.
    expect(
      (await setup.verifier.confirm({ customerId: 'C-2003', address: 'nils.ek@gmail.com', code: '123456' }))
        .ok,
    ).toBe(false);
    expect(await records()).toBe(before);
  });
});
