/**
 * A child's order confirmation, sent to a look-alike of her address: the facts the incident tests of
 * a minor customer start from. `elsasOrder(lines)` is the message with `lines` after its customer
 * number; `elsasMisdirectedOrder(lines)` the facts of `reportMisdirected` for it, without the customer.
 */
export const elsasOrder = (lines: readonly string[] = []) =>
  [
    'From: Nordkabel AB <order@nordkabel.se>',
    'To: elsa.holm12@gmail.com',
    'Subject: Orderbekräftelse',
    'Date: Mon, 11 Mar 2024 09:12:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hej Elsa Holm!',
    'Kundnummer: 4711023',
    ...lines,
  ].join('\r\n');

export const elsasMisdirectedOrder = (lines: readonly string[] = []) => ({
  message: elsasOrder(lines),
  intended: 'elsa.holm2012@gmail.com',
  actual: 'elsa.holm12@gmail.com',
  organisation: {
    name: 'Nordkabel AB',
    contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
  },
  reference: 'NK-INC-2024-0311',
  detectedAt: '2024-03-11T10:05:00+01:00',
});
