/**
 * The seed order confirmation as the organisation sent it (to `to`, the wrong address by default),
 * with the header fields and body lines a test adds to it.
 */
export function seedOrderConfirmation(
  headers: readonly string[],
  lines: readonly string[],
  to = 'anna.svensson185@gmail.com',
): string {
  return [
    'From: Nordkabel AB <order@nordkabel.se>',
    `To: ${to}`,
    ...headers,
    'Subject: =?UTF-8?Q?Orderbekr=C3=A4ftelse?=',
    'Date: Tue, 01 Dec 2026 13:36:12 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hej Anna Svensson!',
    'Kundnummer: 4711023',
    'Installationsadress: Storgatan 12, 123 45 Stockholm',
    'Tjänst: Bredband 250/250 Mbit/s',
    'Pris: 399 kr/mån',
    ...lines,
  ].join('\r\n');
}
