/**
 * What a message given to a transporter guarded by `nodemailerGuard` may carry in
 * `emailGuard`. The plugin reads it and removes it before the message is built: none of it is sent.
 *
 * @example
 * ```ts
 * await transporter.sendMail({
 *   from: 'order@butiken.se',
 *   to: 'anna.svensson1985@gmail.com',
 *   subject: 'Orderbekräftelse 4711',
 *   text: 'Tack för din beställning.',
 *   emailGuard: { customerId: 'C-1001' },
 * });
 * ```
 */
export interface EmailGuardMailOptions {
  /**
   * The customer the message is for, as the guard's `lookupCustomer` knows them. It finds the
   * customer and is never written into the message.
   */
  readonly customerId?: string;
  /**
   * A person read the recipients back and confirms them: lets a `confirm` verdict through (never a
   * `block`). `by` and `reason` are required and recorded in the audit log. `addresses` names the
   * addresses read back, and is required when more than one recipient needs confirming: a recipient
   * it does not name keeps the message held. A recipient that is another customer's address, or one
   * slip from one, is never covered: the message is held as `block`.
   */
  readonly confirmation?: {
    readonly by: string;
    readonly reason: string;
    readonly addresses?: readonly string[];
  };
  /** Set by `sendReleased` only; a token this process gave out for the duration of one release. */
  readonly release?: string;
  /** Set by the verifier only, on its own message; a mark this process gave out for one send. */
  readonly verification?: string;
}

// Module augmentation (TypeScript handbook, "Declaration Merging"): `sendMail({ ..., emailGuard })`
// type-checks for every user of `email-guard/nodemailer`.
declare module 'nodemailer' {
  interface SendMailOptions {
    /** Read by `nodemailerGuard` (`email-guard/nodemailer`) and removed before the message is built. */
    emailGuard?: EmailGuardMailOptions;
  }
}
