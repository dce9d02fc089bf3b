import type { Customer } from '../../contacts/customer.js';
import type { Locale } from '../../guard/verdict.js';
import { orderFormText } from './order-form-text.js';

/** What {@link renderOrderForm} puts in the page. */
export interface OrderFormPage {
  readonly locale: Locale;
  /** The existing customers the salesperson can pick (their known addresses go to the page's check). */
  readonly customers: readonly Customer[];
  /** Where the page's script is served. */
  readonly scriptUrl: string;
  /** Where the page asks the server for the directory's findings. */
  readonly checkUrl: string;
  /** The session's CSRF token, which the script sends with its check in `X-CSRF-Token`. */
  readonly csrf: string;
}

// HTML text and attribute values (HTML Living Standard §13.1.2.3, §13.1.2.6): these five are all
// that can end a text run or a quoted attribute.
const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string,
  );

/**
 * The order form as server-rendered HTML: name, birth date, phone and e-mail of a new or an
 * existing customer. The one script is the check (`scriptUrl`); the page works as a plain form
 * without it. Every value is escaped; the customers travel to the script as a data attribute.
 *
 * @example
 * ```ts
 * renderOrderForm({ locale: 'en', customers: [], scriptUrl: '/demo/order-form.js', checkUrl: '/v1/check', csrf: session.csrf });
 * ```
 */
export function renderOrderForm(page: OrderFormPage): string {
  const text = orderFormText[page.locale];
  const options = page.customers
    .map((customer) => {
      const label = customer.name ? `${customer.name} (${customer.id})` : customer.id;
      return `<option value="${escapeHtml(customer.id)}">${escapeHtml(label)}</option>`;
    })
    .join('');
  const input = (name: string, label: string, type: string, extra = '') =>
    `<p><label for="${name}">${escapeHtml(label)}</label><input id="${name}" name="${name}" type="${type}"${extra}></p>`;
  return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 42rem; padding: 0 1rem; color: #1a1a1a; }
label { display: block; font-weight: 600; }
input, select { font: inherit; width: 100%; padding: .4rem; box-sizing: border-box; }
[data-status] { font-weight: 700; padding: .5rem .75rem; border-radius: .3rem; min-height: 1.5rem; }
[data-status][data-action="block"], [data-status][data-action="error"] { background: #fde2e1; color: #8a1c14; }
[data-status][data-action="confirm"] { background: #fff4d6; color: #6b4e00; }
[data-status][data-action="send"] { background: #e0f4e4; color: #1d5c2b; }
[data-suggestion] { font: inherit; margin: .5rem 0; padding: .4rem .8rem; cursor: pointer; }
[data-read-back] { color: #444; font-size: .9rem; }
button[type="submit"] { font: inherit; padding: .4rem .8rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.intro)}</p>
<form data-order-form method="post" action="${escapeHtml(page.checkUrl)}" data-locale="${page.locale}" data-check-url="${escapeHtml(page.checkUrl)}" data-csrf="${escapeHtml(page.csrf)}" data-customers="${escapeHtml(JSON.stringify(page.customers))}" novalidate>
<p><label for="customer">${escapeHtml(text.customer)}</label><select id="customer" name="customer"><option value="">${escapeHtml(text.newCustomer)}</option>${options}</select></p>
${input('name', text.name, 'text', ' autocomplete="off"')}
${input('birthDate', text.birthDate, 'text', ' inputmode="numeric" autocomplete="off"')}
${input('phone', text.phone, 'tel', ' autocomplete="off"')}
${input('email', text.email, 'email', ' autocomplete="off" spellcheck="false" aria-describedby="verdict"')}
<section id="verdict" aria-live="polite">
<p data-status></p>
<ul data-findings></ul>
<button type="button" data-suggestion hidden></button>
<div data-read-back></div>
<h2>${escapeHtml(text.directory)}</h2>
<div data-directory></div>
</section>
<p><button type="submit">${escapeHtml(text.check)}</button></p>
</form>
</main>
<script type="module" src="${escapeHtml(page.scriptUrl)}"></script>
</body>
</html>
`;
}
