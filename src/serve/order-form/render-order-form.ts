import type { Locale, Verdict } from '../../guard/verdict.js';
import { spellAddress } from '../../spelling/spell-address.js';
import { pageTexts } from '../data/page-texts.js';
import { orderFormText } from './order-form-text.js';

/** What the salesperson typed, as the form posts it. */
export interface OrderFormValues {
  /** The existing customer's id; empty for a new customer. */
  readonly customer: string;
  readonly name: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
}

/** What {@link renderOrderForm} puts in the page. */
export interface OrderFormPage {
  readonly locale: Locale;
  /** Where the page's script is served. */
  readonly scriptUrl: string;
  /** Where the page's script asks the server for the directory's findings. */
  readonly checkUrl: string;
  /** Where the page's script searches existing customers (`?q=`) and fetches one (`/:id`). */
  readonly searchUrl: string;
  /** Where the form posts without script: the check on the server, rendered in the page. */
  readonly fallbackUrl: string;
  /**
   * Where the page's script starts a code for an address new to the picked customer
   * (`POST /v1/verifications`; confirmed at `…/confirm`): only when the server has a verifier, so
   * the page never offers a code it cannot send.
   */
  readonly verifyUrl?: string;
  /** The session's CSRF token: in `X-CSRF-Token` from the script, in the `csrf` field from the form. */
  readonly csrf: string;
  /** The fields as posted, when the page answers the form without script. */
  readonly values?: OrderFormValues;
  /** The server's verdict for the posted form, or why there is none. */
  readonly result?: Verdict | string;
  /** Why the posted birth date was left out of the check, said beside its field. */
  readonly birthDateError?: string;
  /** The server's verdict for the posted phone number. */
  readonly phoneVerdict?: Verdict;
  /** The existing customer the posted form was checked against, as `Name (id)`. */
  readonly picked?: string;
  /** The logged-in person's name, shown beside the log-out button. */
  readonly user?: string;
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
 * The order form as server-rendered HTML: an existing customer found by name or id, or a new
 * customer's name, birth date and phone, and the e-mail address. The one script is the check
 * (`scriptUrl`); without it the form posts to `fallbackUrl` and the page comes back with the
 * server's verdict (`result`) in the same places the script writes it. Every value is escaped; no
 * customer record is written into the page.
 *
 * @example
 * ```ts
 * renderOrderForm({ locale: 'en', scriptUrl: '/demo/order-form.js', checkUrl: '/v1/check', searchUrl: '/demo/customers', fallbackUrl: '/demo/check', csrf: session.csrf });
 * ```
 */
export function renderOrderForm(page: OrderFormPage): string {
  const text = orderFormText[page.locale];
  // The skip link, the language link and the log-out button, worded as on the review page.
  const chrome = pageTexts[page.locale];
  const other: Locale = page.locale === 'sv' ? 'en' : 'sv';
  const values = page.values;
  const value = (name: keyof OrderFormValues) =>
    values?.[name] ? ` value="${escapeHtml(values[name])}"` : '';
  const input = (name: keyof OrderFormValues, label: string, type: string, extra = '') =>
    `<p><label for="${name}">${escapeHtml(label)}</label><input id="${name}" name="${name}" type="${type}"${value(name)}${extra}></p>`;
  const verdict = typeof page.result === 'object' ? page.result : undefined;
  // The birth date's error beside its field (WCAG 2.2 SC 3.3.1), tied to it by aria-describedby.
  const birthDateError = `<p class="field-error" id="birthDate-error" data-field-error="birthDate">${escapeHtml(page.birthDateError ?? '')}</p>`;
  const phone = page.phoneVerdict;
  // The phone's verdict beside its field, its suggestion one click (a submit button without script).
  const phoneVerdict = `<div id="phone-verdict" data-phone-verdict>
<p id="phone-status" data-phone-status${phone ? ` data-action="${phone.action}"` : ''}>${phone ? escapeHtml(text.phoneAction[phone.action]) : ''}</p>
<ul data-phone-findings>${(phone?.action === 'send' ? [] : (phone?.findings ?? []))
    .map(
      (finding) =>
        `<li data-code="${escapeHtml(finding.code)}" data-action="${finding.action}">${escapeHtml(finding.message)}</li>`,
    )
    .join('')}</ul>
${
  phone?.suggestion
    ? `<button type="submit" name="usePhoneSuggestion" value="${escapeHtml(phone.suggestion)}" data-phone-suggestion data-number="${escapeHtml(phone.suggestion)}">${escapeHtml(text.useSuggestion(phone.suggestion))}</button>`
    : '<button type="button" data-phone-suggestion hidden></button>'
}</div>`;
  const status = verdict
    ? `<p id="email-status" role="status" data-status data-action="${verdict.action}">${escapeHtml(text.action[verdict.action])}</p>`
    : typeof page.result === 'string'
      ? `<p id="email-status" role="status" data-status data-action="error">${escapeHtml(page.result)}</p>`
      : '<p id="email-status" role="status" data-status></p>';
  const findings = (verdict?.findings ?? [])
    .map(
      (finding) =>
        `<li data-code="${escapeHtml(finding.code)}" data-action="${finding.action}">${escapeHtml(finding.message)}</li>`,
    )
    .join('');
  // Without script the suggestion is a submit button: one click posts the form with the address. It
  // comes after the check button, so Enter in a field (implicit submission, HTML Standard
  // §4.10.21.2, presses the first submit button) checks what was typed, never the suggestion.
  const suggestion = verdict?.suggestion
    ? `<button type="submit" name="useSuggestion" value="${escapeHtml(verdict.suggestion)}" data-suggestion data-address="${escapeHtml(verdict.suggestion)}">${escapeHtml(text.useSuggestion(verdict.suggestion))}</button>`
    : '<button type="button" data-suggestion hidden></button>';
  const spelled =
    verdict && verdict.entered.trim() !== ''
      ? [
          `${text.readBack}: ${verdict.readBack?.entered ?? spellAddress(verdict.entered.trim(), { locale: page.locale })}`,
          ...(verdict.readBack?.suggestion
            ? [`${text.readBackSuggestion}: ${verdict.readBack.suggestion}`]
            : []),
        ]
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('')
      : '';
  const verify = text.verification;
  // Hidden until the script finds the address new to the picked customer: the code is read back on
  // the phone, so there is nothing to enter without script. Its answers are one live line.
  const verification =
    page.verifyUrl === undefined
      ? ''
      : `<section id="verification" data-verification aria-labelledby="verification-heading" hidden>
<h2 id="verification-heading">${escapeHtml(verify.heading)}</h2>
<p><button type="button" data-verification-send>${escapeHtml(verify.send)}</button></p>
<div data-verification-code hidden>
<p><label for="verification-code">${escapeHtml(verify.code)}</label>
<span class="hint" id="verification-code-hint">${escapeHtml(verify.codeHint)}</span>
<input id="verification-code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" aria-describedby="verification-code-hint verification-status"></p>
<p><button type="button" data-verification-confirm>${escapeHtml(verify.confirm)}</button></p>
</div>
<p id="verification-status" role="status" aria-live="polite" data-verification-status></p>
</section>`;
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
.hint { color: #555; font-size: .9rem; margin: 0; }
[data-customer-results] { list-style: none; padding: 0; margin: .25rem 0; border: 1px solid #bbb; border-radius: .3rem; }
[data-customer-results]:empty, [data-customer-results][hidden] { display: none; }
[data-customer-results] [role="option"] { padding: .3rem .6rem; cursor: pointer; }
[data-customer-results] [role="option"]:hover { background: #f0f0f0; }
[data-customer-results] [role="option"][aria-selected="true"] { background: #1f4e8c; color: #fff; outline: 2px solid #1f4e8c; }
[data-customer-status] { color: #555; font-size: .9rem; margin: .25rem 0; min-height: 1em; }
[data-customer-picked] { font-weight: 600; }
[data-status] { font-weight: 700; padding: .5rem .75rem; border-radius: .3rem; min-height: 1.5rem; }
[data-status][data-action="block"], [data-status][data-action="error"] { background: #fde2e1; color: #8a1c14; }
[data-status][data-action="confirm"] { background: #fff4d6; color: #6b4e00; }
[data-status][data-action="send"] { background: #e0f4e4; color: #1d5c2b; }
[data-suggestion] { font: inherit; margin: .5rem 0; padding: .4rem .8rem; cursor: pointer; }
[data-read-back] { color: #444; font-size: .9rem; }
.field-error { color: #8a1c14; font-weight: 600; margin: .25rem 0; }
.field-error:empty, [data-phone-status]:empty { display: none; }
[data-phone-status] { font-weight: 700; padding: .3rem .6rem; border-radius: .3rem; margin: .25rem 0; }
[data-phone-status][data-action="block"] { background: #fde2e1; color: #8a1c14; }
[data-phone-status][data-action="confirm"] { background: #fff4d6; color: #6b4e00; }
[data-phone-status][data-action="send"] { background: #e0f4e4; color: #1d5c2b; }
[data-phone-suggestion] { font: inherit; margin: .25rem 0; padding: .3rem .8rem; cursor: pointer; }
[data-verification] { border-top: 1px solid #bbb; margin-top: 1rem; }
[data-verification] button { font: inherit; padding: .4rem .8rem; cursor: pointer; }
[data-verification-status]:empty { display: none; }
[data-verification-status] { font-weight: 700; padding: .5rem .75rem; border-radius: .3rem; }
[data-verification-status][data-outcome="verified"] { background: #e0f4e4; color: #1d5c2b; }
[data-verification-status][data-outcome="refused"] { background: #fde2e1; color: #8a1c14; }
[data-verification-status][data-outcome="sent"] { background: #fff4d6; color: #6b4e00; }
button[type="submit"] { font: inherit; padding: .4rem .8rem; }
header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
header form { display: flex; align-items: center; gap: .5rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
</style>
<noscript><style>[data-directory-part] { display: none; }</style></noscript>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(chrome.skip)}</a>
<header><nav aria-label="${escapeHtml(chrome.languageNav)}"><a href="/demo?lang=${other}" lang="${other}">${escapeHtml(chrome.language)}</a></nav>
<form method="post" action="/logout?lang=${page.locale}">
<input type="hidden" name="csrf" value="${escapeHtml(page.csrf)}">
${page.user === undefined ? '' : `<span>${escapeHtml(chrome.loggedInAs(page.user))}</span> `}<button type="submit">${escapeHtml(chrome.logOut)}</button></form></header>
<main id="main">
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.intro)}</p>
<form data-order-form method="post" action="${escapeHtml(page.fallbackUrl)}" data-locale="${page.locale}" data-check-url="${escapeHtml(page.checkUrl)}" data-search-url="${escapeHtml(page.searchUrl)}" data-csrf="${escapeHtml(page.csrf)}"${page.verifyUrl === undefined ? '' : ` data-verify-url="${escapeHtml(page.verifyUrl)}"`} novalidate>
<input type="hidden" name="csrf" value="${escapeHtml(page.csrf)}">
<p><label for="customer">${escapeHtml(text.customer)}</label>
<span class="hint" id="customer-hint">${escapeHtml(text.customerHint)}</span>
<span class="hint" id="customer-keys" data-customer-keys hidden>${escapeHtml(text.customerKeys)}</span>
<input id="customer" name="customer" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="customer-results" autocomplete="off" spellcheck="false" aria-describedby="customer-hint customer-status"${value('customer')}></p>
<ul id="customer-results" data-customer-results role="listbox" aria-label="${escapeHtml(text.customer)}" hidden></ul>
<p id="customer-status" data-customer-status aria-live="polite"></p>
<p data-customer-picked>${page.picked ? escapeHtml(text.picked(page.picked)) : ''}</p>
${input('name', text.name, 'text', ' autocomplete="off"')}
${input('birthDate', text.birthDate, 'text', ` inputmode="numeric" autocomplete="off" aria-describedby="birthDate-error"${page.birthDateError ? ' aria-invalid="true"' : ''}`)}
${birthDateError}
${input('phone', text.phone, 'tel', ' autocomplete="off" aria-describedby="phone-status"')}
${phoneVerdict}
${input('email', text.email, 'email', ' autocomplete="off" spellcheck="false" aria-describedby="email-status"')}
<p><button type="submit">${escapeHtml(text.check)}</button></p>
<section id="verdict" aria-label="${escapeHtml(text.email)}">
${status}
<ul data-findings>${findings}</ul>
${suggestion}
<div data-read-back>${spelled}</div>
<h2 data-directory-part>${escapeHtml(text.directory)}</h2>
<div data-directory data-directory-part></div>
</section>
${verification}
</form>
</main>
<script type="module" src="${escapeHtml(page.scriptUrl)}"></script>
</body>
</html>
`;
}
