import { transportChecking } from './hold-message.js';
import { directoryOfCustomers, failure, type PipelineFixture } from './pipeline.js';

/** The recipient fields of an order {@link holdWithFields} sends. */
export interface OrderFields {
  readonly to: string;
  readonly cc?: string;
  readonly bcc?: string;
  readonly replyTo?: string;
}

/**
 * Sends Anna's order (C-1001) with these recipient fields through the real pipeline, checked
 * against every fixture customer; answers the hold id, and throws when the order was not held.
 */
export async function holdWithFields(fixture: PipelineFixture, fields: OrderFields): Promise<string> {
  const held = await failure(
    transportChecking(fixture, directoryOfCustomers()).sendMail({
      from: 'order@butiken.se',
      to: fields.to,
      ...(fields.cc === undefined ? {} : { cc: fields.cc }),
      ...(fields.bcc === undefined ? {} : { bcc: fields.bcc }),
      ...(fields.replyTo === undefined ? {} : { replyTo: fields.replyTo }),
      subject: 'Orderbekräftelse 4711',
      text: 'Tack!',
      emailGuard: { customerId: 'C-1001' },
    }),
  );
  const id = (held as { holdId?: string } | undefined)?.holdId;
  if (!id) throw new Error('the order was not held');
  return id;
}
