import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { EmailGuardMailOptions } from '../../src/nodemailer/index.js';

describe('emailGuard in nodemailer SendMailOptions', () => {
  it('type-checks a message that carries its customer and a confirmation', async () => {
    // Compiled by `npm run typecheck`: the module augmentation is what makes these lines valid.
    const message: SendMailOptions = {
      from: 'order@butiken.se',
      to: 'anna.svensson1985@gmail.com',
      text: 'Tack!',
      emailGuard: { customerId: 'C-1001', confirmation: { by: 'lena', reason: 'read back' } },
    };
    const options: EmailGuardMailOptions | undefined = message.emailGuard;
    // @ts-expect-error a customer id is a string
    const wrong: SendMailOptions = { emailGuard: { customerId: 1001 } };
    const info = await nodemailer.createTransport({ jsonTransport: true }).sendMail(message);
    expect(options?.customerId).toBe('C-1001');
    expect(wrong.emailGuard).toBeDefined();
    expect(info.envelope.to).toEqual(['anna.svensson1985@gmail.com']);
  });
});
