import * as z from 'zod';

/** Validates a caller's rule table (the `mailboxRules` option). */
export const MailboxRulesSchema = z.array(
  z.object({
    domains: z.array(z.string()),
    canonicalDomain: z.string().optional(),
    ignoreDots: z.boolean().optional(),
    subaddressSeparator: z.string().min(1).optional(),
  }),
);
