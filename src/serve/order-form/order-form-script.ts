// The order form's script (GET /demo/order-form.js), the only script in the page: the browser
// build of the checks (email-guard/browser) runs as the salesperson types, then the server's
// POST /v1/check and /v1/check-phone add what only the customer directory knows. Built by
// scripts/browser-build.ts; the phone check and its numbering data are chunks fetched on first use.
import { mailboxKey } from '../../address/mailbox-key.js';
import {
  checkPhone as checkPhoneInPage,
  checkRecipient,
  type Finding,
  parseAddress,
  spellAddress,
  type Verdict,
} from '../../browser/index.js';
import type { Customer } from '../../contacts/customer.js';
import { withoutCorrectionNamed } from '../../guard/without-correction-named.js';
import type { CustomerSearch } from './find-customers.js';
import { isCalendarDate } from './is-calendar-date.js';
import { type OrderFormText, orderFormText } from './order-form-text.js';
import { postJson } from './post-json.js';
import { startCodeEntry } from './start-code-entry.js';

// Long enough that a check does not run at every key of a word typed in one go, short enough
// that the answer is there before the salesperson moves to the next field.
const DEBOUNCE_MS = 250;

/** The verdicts from the least to the most strict: what the page shows only ever moves up. */
const STRICTNESS: Readonly<Record<Verdict['action'], number>> = { send: 0, confirm: 1, block: 2 };

const form = document.querySelector<HTMLFormElement>('form[data-order-form]');
if (form) startOrderForm(form);

function startOrderForm(form: HTMLFormElement): void {
  const locale = form.dataset.locale === 'sv' ? 'sv' : 'en';
  const text = orderFormText[locale];
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const email = field('email');
  const search = field('customer');
  const results = form.querySelector('[data-customer-results]') as HTMLElement;
  const searchStatus = form.querySelector('[data-customer-status]') as HTMLElement;
  const picked = form.querySelector('[data-customer-picked]') as HTMLElement;
  const status = form.querySelector('[data-status]') as HTMLElement;
  const findings = form.querySelector('[data-findings]') as HTMLElement;
  let suggestion = form.querySelector('[data-suggestion]') as HTMLButtonElement;
  const readBack = form.querySelector('[data-read-back]') as HTMLElement;
  const directory = form.querySelector('[data-directory]') as HTMLElement;
  const verdictArea = form.querySelector('#verdict') as HTMLElement;
  const dateError = form.querySelector('[data-field-error="birthDate"]') as HTMLElement;
  const phoneStatus = form.querySelector('[data-phone-status]') as HTMLElement;
  const phoneFindings = form.querySelector('[data-phone-findings]') as HTMLElement;
  const phoneVerdict = form.querySelector('[data-phone-verdict]') as HTMLElement;
  let phoneSuggestion = form.querySelector('[data-phone-suggestion]') as HTMLButtonElement;
  let phoneTimer: ReturnType<typeof setTimeout> | undefined;
  let latestPhone = 0;
  const csrf = form.dataset.csrf ?? '';
  const searchUrl = form.dataset.searchUrl ?? '/demo/customers';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let latestSearch = 0;
  // The existing customer the salesperson picked, as the server has them: only this one record
  // comes to the page, never the base.
  let known: Customer | undefined;
  // The fields the picked record filled in: cleared with the pick, unless the salesperson changed them.
  let filledIn: Readonly<Record<string, string>> = {};
  // The results list (WAI-ARIA APG combobox with a listbox popup): the option the arrow keys are on.
  let options: HTMLElement[] = [];
  let active = -1;
  // The code read back that proves a new address; none when the server has no verifier.
  // Once a code proves the address, the check runs again, so the verdict says it is the customer's.
  const codeEntry = startCodeEntry(form, text, csrf, () => void check());

  // The server-rendered suggestion (the page answered without script) posts the form; here a click
  // fixes the field instead.
  if (suggestion.type !== 'button') {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.suggestion = '';
    button.hidden = true;
    suggestion.replaceWith(button);
    suggestion = button;
  }
  if (phoneSuggestion.type !== 'button') {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.phoneSuggestion = '';
    button.hidden = true;
    phoneSuggestion.replaceWith(button);
    phoneSuggestion = button;
  }
  // The list to pick from is the script's: only now do the keys that pick from it apply.
  const keys = form.querySelector('[data-customer-keys]') as HTMLElement | null;
  if (keys) {
    keys.hidden = false;
    search.setAttribute('aria-describedby', `customer-hint ${keys.id} customer-status`);
  }

  const customer = (): Customer => {
    const phone = field('phone').value.trim();
    const birthDate = field('birthDate').value.trim();
    const name = field('name').value.trim();
    return {
      id: known?.id ?? 'new',
      ...(name ? { name } : {}),
      ...(known?.emails ? { emails: known.emails } : {}),
      // The picked customer's known numbers, and one typed for this order.
      ...(phone || known?.phones?.length
        ? { phones: [...new Set([...(known?.phones ?? []), ...(phone ? [phone] : [])])] }
        : {}),
      // A half-typed date is not checked against: only a whole one (YYYY-MM-DD) that is a day.
      ...(isCalendarDate(birthDate) ? { birthDate } : {}),
      // The country the picked customer's numbers are written for, read back the same way.
      ...(known?.country ? { country: known.country } : {}),
    };
  };

  /** What the server answered, or why not in words: a spent search budget says when to search again. */
  async function fromServer<T>(url: string): Promise<T | string> {
    try {
      const response = await fetch(url, {
        // The session's CSRF token: the server takes the session cookie only with it.
        headers: { accept: 'application/json', 'x-csrf-token': csrf },
        credentials: 'same-origin',
      });
      // RFC 6585 §4: the searches are spent; Retry-After (RFC 9110 §10.2.3) says for how long.
      if (response.status === 429)
        return text.tooManySearches(Number(response.headers.get('retry-after')) || 1);
      if (!response.ok) return `${text.searchFailed}: ${failureOf(response)}`;
      return (await response.json()) as T;
    } catch {
      return `${text.searchFailed}: ${text.failure(0, 0)}`;
    }
  }

  // The last search's answer, by its text: the list and the check share it, so a name is searched once.
  let searched: { readonly query: string; readonly answer: Promise<CustomerSearch | string> } | undefined;
  function searchFor(query: string): Promise<CustomerSearch | string> {
    if (searched?.query !== query) {
      const answer = fromServer<CustomerSearch>(`${searchUrl}?q=${encodeURIComponent(query)}`);
      searched = { query, answer };
      // A refusal or a failure is not kept: the next check asks again.
      void answer.then((value) => {
        if (typeof value === 'string' && searched?.answer === answer) searched = undefined;
      });
    }
    return searched.answer;
  }

  /**
   * The customer field's text, nothing picked, read as the form without script reads it
   * (docs/serve.md, "The order form"): the one customer the search finds is the customer checked
   * against; none, several, or a search refused is said in words instead of a verdict. Answers the
   * words, or nothing once the customer is taken.
   */
  async function resolveTyped(query: string): Promise<string | undefined> {
    const answer = await searchFor(query);
    if (typeof answer === 'string') return answer;
    const [only] = answer.customers;
    if (!only) return text.noCustomer(query);
    if (answer.customers.length > 1)
      return text.severalCustomers(
        answer.customers.map((hit) => (hit.name ? `${hit.name} (${hit.id})` : hit.id)),
        answer.more === true,
      );
    const record = await fromServer<Customer>(`${searchUrl}/${encodeURIComponent(only.id)}`);
    if (typeof record === 'string') return record;
    // Typed on meanwhile: this answer is for text no longer there.
    if (search.value.trim() !== query || known) return undefined;
    known = record;
    picked.textContent = text.picked(record.name ? `${record.name} (${record.id})` : record.id);
    // Taken: the list of that one customer has nothing left to pick.
    clear();
    return undefined;
  }

  search.addEventListener('input', () => {
    if (known && search.value !== known.id) forget();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void findCustomers(), DEBOUNCE_MS);
    schedule();
  });

  // The keys of the APG combobox pattern: Down and Up move through the results (opening them),
  // Enter picks the one moved to, Escape closes the list and, with it closed, clears the field.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const open = !results.hidden;
      showList();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      move(
        !open || active === -1
          ? step === 1
            ? 0
            : options.length - 1
          : (active + step + options.length) % options.length,
      );
    } else if (event.key === 'Enter') {
      const option = !results.hidden ? options[active] : undefined;
      if (!option) return;
      event.preventDefault();
      void pick(option.dataset.customerId as string);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!results.hidden) hideList();
      else if (search.value !== '') {
        search.value = '';
        if (known) forget();
        clear();
        schedule();
      }
    }
  });
  search.addEventListener('blur', () => hideList());

  function showList(): void {
    if (options.length === 0) return;
    results.hidden = false;
    search.setAttribute('aria-expanded', 'true');
  }

  function hideList(): void {
    results.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    move(-1);
  }

  function clear(): void {
    options = [];
    results.replaceChildren();
    searchStatus.textContent = '';
    hideList();
  }

  function move(to: number): void {
    options[active]?.setAttribute('aria-selected', 'false');
    active = to;
    const option = options[active];
    if (!option) {
      search.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    search.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  async function findCustomers(): Promise<void> {
    const run = ++latestSearch;
    const query = search.value.trim();
    // Fewer than three characters is no whole word and no id the server finds: not asked, so the
    // session's searches are kept for the name.
    if (query.length < 3 || known) {
      clear();
      return;
    }
    // Said while the server is asked, so a slow answer is not taken for none.
    searchStatus.textContent = text.searching;
    searchStatus.setAttribute('aria-busy', 'true');
    const answer = await searchFor(query);
    if (run === latestSearch) searchStatus.removeAttribute('aria-busy');
    if (run !== latestSearch) return;
    clear();
    // The check took the one customer this text finds meanwhile: there is nothing to pick.
    if (known) return;
    if (typeof answer === 'string') {
      searchStatus.textContent = answer;
      return;
    }
    if (answer.customers.length === 0) {
      searchStatus.textContent = text.noMatches;
      return;
    }
    options = answer.customers.map((hit, at) => {
      const option = document.createElement('li');
      option.id = `customer-option-${at}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.customerId = hit.id;
      option.textContent = hit.name ? `${hit.name} (${hit.id})` : hit.id;
      // Keeps the focus in the field, so the list is not closed by its blur before the click.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => void pick(hit.id));
      return option;
    });
    results.replaceChildren(...options);
    searchStatus.textContent = answer.more ? text.moreMatches : '';
    if (document.activeElement === search) showList();
  }

  async function pick(id: string): Promise<void> {
    const record = await fromServer<Customer>(`${searchUrl}/${encodeURIComponent(id)}`);
    clear();
    if (typeof record === 'string') {
      searchStatus.textContent = record;
      return;
    }
    known = record;
    search.value = record.id;
    picked.textContent = text.picked(record.name ? `${record.name} (${record.id})` : record.id);
    filledIn = {
      name: record.name ?? '',
      birthDate: record.birthDate ?? '',
      phone: record.phones?.[0] ?? '',
    };
    for (const [name, value] of Object.entries(filledIn)) field(name).value = value;
    email.focus();
    schedule();
    schedulePhone();
  }

  function forget(): void {
    known = undefined;
    picked.textContent = '';
    // The picked customer's name, birth date and phone go with the pick: left, they would be
    // checked as a new customer's.
    for (const [name, value] of Object.entries(filledIn))
      if (field(name).value === value) field(name).value = '';
    filledIn = {};
    schedule();
  }

  for (const name of ['email', 'name', 'birthDate', 'phone'])
    field(name).addEventListener('input', () => schedule());
  for (const name of ['phone', 'name', 'birthDate'])
    field(name).addEventListener('input', () => schedulePhone());
  field('birthDate').addEventListener('input', () => showDateError());
  phoneSuggestion.addEventListener('click', () => {
    const fixed = phoneSuggestion.dataset.number;
    if (!fixed) return;
    field('phone').value = fixed;
    field('phone').focus();
    void checkPhone();
  });

  /** A whole date that is no day (`1985-02-30`) said beside its field; the rest is checked without it. */
  function showDateError(): void {
    const typed = field('birthDate').value.trim();
    const wrong = /^\d{4}-\d{2}-\d{2}$/.test(typed) && !isCalendarDate(typed);
    dateError.textContent = wrong ? text.invalidBirthDate(typed) : '';
    if (wrong) field('birthDate').setAttribute('aria-invalid', 'true');
    else field('birthDate').removeAttribute('aria-invalid');
  }

  function schedulePhone(): void {
    clearTimeout(phoneTimer);
    phoneTimer = setTimeout(() => void checkPhone(), DEBOUNCE_MS);
  }

  /**
   * The phone as typed, checked in the page first (the browser build's `checkPhone`, libphonenumber-js
   * and its metadata fetched as chunks the first time): whether it is a number at all and valid for
   * its region, or a slip of the picked customer's known numbers, is there at once, without asking
   * the server. Only a valid number not on the customer's record (`unverified-phone`) is then asked
   * about at `POST /v1/check-phone`, whose verdict adds what the directory alone knows: another
   * customer's number. A number the customer has, or that is none, has nothing more to learn there.
   */
  async function checkPhone(): Promise<void> {
    const run = ++latestPhone;
    const entered = field('phone').value.trim();
    phoneFindings.replaceChildren();
    phoneSuggestion.hidden = true;
    phoneVerdict.removeAttribute('aria-busy');
    if (entered === '') {
      delete phoneStatus.dataset.action;
      phoneStatus.textContent = '';
      return;
    }
    const { phones: _typed, ...record } = customer();
    const own: Customer = {
      id: record.id,
      ...(known?.phones?.length ? { phones: known.phones } : {}),
      ...(record.country ? { country: record.country } : {}),
    };
    const local = await checkPhoneInPage({ entered, customer: own }, { locale }).catch(() => undefined);
    if (run !== latestPhone) return;
    // The page's check could not run (its chunk did not download): the server's check says it all.
    if (local) showPhone(local);
    else phoneStatus.textContent = text.checking;
    if (local && !local.findings.some((finding) => finding.code === 'unverified-phone')) return;
    const body =
      record.id === 'new'
        ? { entered, customer: record, locale }
        : { entered, customerId: record.id, locale };
    // Pending: marked busy (WAI-ARIA aria-busy) until the directory answers, as the address's verdict.
    phoneVerdict.setAttribute('aria-busy', 'true');
    const answer = await post<Verdict>(form.dataset.checkPhoneUrl ?? '/v1/check-phone', body);
    if (run !== latestPhone) return;
    phoneVerdict.removeAttribute('aria-busy');
    if (typeof answer !== 'string') {
      showPhone(answer);
      return;
    }
    // The page's own answer stands; that the directory was not asked is said beside it.
    const failed = document.createElement('li');
    failed.dataset.code = 'directory-failed';
    failed.textContent = `${text.directoryFailed}: ${answer}`;
    if (!local) {
      phoneStatus.dataset.action = 'confirm';
      phoneStatus.textContent = failed.textContent;
      return;
    }
    phoneFindings.append(failed);
  }

  function showPhone(verdict: Verdict): void {
    phoneFindings.replaceChildren();
    phoneStatus.dataset.action = verdict.action;
    phoneStatus.textContent = text.phoneAction[verdict.action];
    if (verdict.action !== 'send')
      for (const finding of verdict.findings) phoneFindings.append(item(finding));
    phoneSuggestion.hidden = !verdict.suggestion;
    if (verdict.suggestion) {
      phoneSuggestion.dataset.number = verdict.suggestion;
      phoneSuggestion.textContent = text.useSuggestion(verdict.suggestion);
    }
  }

  /** A POST of JSON to the API with the session's CSRF token: the answer, or why not in the page's words. */
  async function post<T>(url: string, body: unknown): Promise<T | string> {
    try {
      const response = await postJson(url, body, csrf);
      if (!response.ok) return failureOf(response);
      return (await response.json()) as T;
    } catch {
      // The browser's own reason ("Failed to fetch") is in its language, not the page's.
      return text.failure(0, 0);
    }
  }
  suggestion.addEventListener('click', () => {
    const fixed = suggestion.dataset.address;
    if (!fixed) return;
    email.value = fixed;
    email.focus();
    void check();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check();
  });

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), DEBOUNCE_MS);
  }

  async function check(): Promise<void> {
    const run = ++latest;
    const entered = email.value;
    // A code offered for another address or customer is not this one's.
    codeEntry?.withdraw({ customerId: known?.id, address: entered.trim() });
    if (entered.trim() === '') {
      show(undefined, text);
      return;
    }
    const typed = search.value.trim();
    if (!known && typed !== '') {
      const said = await resolveTyped(typed);
      if (run !== latest) return;
      if (said !== undefined) {
        // No verdict: the address was not checked against a customer, so none is shown as if it were.
        show(undefined, text);
        picked.textContent = '';
        status.dataset.action = 'error';
        status.textContent = said;
        return;
      }
    }
    const record = customer();
    let verdict: Verdict;
    try {
      verdict = await checkRecipient({ entered, customer: record }, { locale });
    } catch (error) {
      // A field the check cannot read (a birth date that is no date): say which, keep the input.
      if (run !== latest) return;
      status.dataset.action = 'error';
      status.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    if (run !== latest) return;
    // The page's check has no directory: a correction it finds (`gmail.com` for a typed `gmial.com`)
    // may be another customer's address, which the server never offers (docs/check.md). Only one
    // of the picked customer's own addresses is offered at once; any other waits for the server's
    // verdict, and is offered only as the server offers it.
    show(verdict, text);
    offer(isOwnAddress(verdict.suggestion, record) ? verdict : undefined, text);
    // Pending: said in words and marked busy (WAI-ARIA aria-busy) until the directory answers.
    verdictArea.setAttribute('aria-busy', 'true');
    directory.textContent = text.checking;
    const answer = await askDirectory(entered, record);
    if (run !== latest) return;
    verdictArea.removeAttribute('aria-busy');
    // The page's own check knows only the record's addresses; an address verified by code is the
    // customer's by the server's check alone, so its verdict is the one shown (docs/serve.md).
    const verifiedByCode =
      typeof answer !== 'string' &&
      verdict.findings.some((finding) => finding.code === 'unverified-address') &&
      !answer.findings.some(
        (finding) => finding.code === 'unverified-address' || finding.code === 'lookup-failed',
      );
    if (verifiedByCode) show(answer, text);
    showDirectory(answer, verifiedByCode ? (answer as Verdict) : verdict, text);
    // A server that did not answer cannot say whose the page's correction is: it may be another
    // customer's address (docs/check.md), so only the customer's own is offered. Any other is
    // withheld as the server withholds one it could not look up (`not-looked-up`): the findings
    // say so without naming it and ask for the address spelled again.
    if (typeof answer === 'string') {
      if (verdict.suggestion && !isOwnAddress(verdict.suggestion, record)) {
        findings.replaceChildren(
          ...withoutCorrectionNamed(verdict.findings, verdict.suggestion, 'not-looked-up', locale).map(
            (finding) => item(finding),
          ),
        );
        offer(undefined, text);
      } else offer(verdict, text);
    } else {
      // A correction the server withheld: its findings say so in its words (a domain typo without
      // the corrected domain), where the page's named it.
      if (verdict.suggestion && answer.suggestion !== verdict.suggestion) {
        const seen = new Set(verdict.findings.map((finding) => finding.code));
        findings.replaceChildren(
          ...answer.findings.filter((finding) => seen.has(finding.code)).map((finding) => item(finding)),
        );
      }
      offer(answer, text);
      offerCode(answer, record);
    }
  }

  /**
   * A code to prove the address, when the server's verdict finds it new to the picked customer
   * (`unverified-address`) and stops nothing: only a customer the search showed can be sent one
   * (docs/serve.md), and a blocked address is not to be mailed at all.
   */
  function offerCode(answer: Verdict, record: Customer): void {
    const isNew = answer.findings.some((finding) => finding.code === 'unverified-address');
    if (known && record.id === known.id && isNew && answer.action !== 'block')
      codeEntry?.offer(known.id, answer.entered.trim());
    else codeEntry?.withdraw();
  }

  /**
   * Whether an address reaches one of the customer's own mailboxes on record, by the library's
   * mailbox key as the check compares them (case, Gmail's dots and +tags, alias domains): the
   * customer's own Gmail spelled another way is theirs, and offered at once.
   */
  function isOwnAddress(address: string | undefined, record: Customer): boolean {
    if (!address) return false;
    const parsed = parseAddress(address);
    if (!parsed.ok) return false;
    const key = mailboxKey(parsed.address).key;
    return (record.emails ?? []).some((known) => {
      const own = parseAddress(known);
      return own.ok && mailboxKey(own.address).key === key;
    });
  }

  function show(verdict: Verdict | undefined, text: OrderFormText): void {
    findings.replaceChildren();
    directory.replaceChildren();
    offer(undefined, text);
    if (!verdict) {
      status.dataset.action = '';
      status.textContent = '';
      readBack.replaceChildren();
      return;
    }
    status.dataset.action = verdict.action;
    status.textContent = text.action[verdict.action];
    for (const finding of verdict.findings) findings.append(item(finding));
    const spelled = verdict.readBack?.entered ?? spellAddress(verdict.entered.trim(), { locale });
    const paragraph = document.createElement('p');
    paragraph.textContent = `${text.readBack}: ${spelled}`;
    readBack.replaceChildren(paragraph);
  }

  /** The verdict's suggestion as the one-click fix, and spelled to read back; none without a verdict. */
  function offer(verdict: Verdict | undefined, text: OrderFormText): void {
    readBack.querySelector('[data-read-back-suggestion]')?.remove();
    if (!verdict?.suggestion) {
      suggestion.hidden = true;
      delete suggestion.dataset.address;
      return;
    }
    suggestion.hidden = false;
    suggestion.dataset.address = verdict.suggestion;
    suggestion.textContent = text.useSuggestion(verdict.suggestion);
    if (verdict.readBack?.suggestion) {
      const paragraph = document.createElement('p');
      paragraph.dataset.readBackSuggestion = '';
      paragraph.textContent = `${text.readBackSuggestion}: ${verdict.readBack.suggestion}`;
      readBack.append(paragraph);
    }
  }

  function item(finding: Finding): HTMLElement {
    const entry = document.createElement('li');
    entry.dataset.code = finding.code;
    entry.dataset.action = finding.action;
    entry.textContent = finding.message;
    return entry;
  }

  function askDirectory(entered: string, record: Customer): Promise<Verdict | string> {
    const body =
      record.id === 'new'
        ? { entered, customer: record, locale }
        : { entered, customerId: record.id, locale };
    return post<Verdict>(form.dataset.checkUrl ?? '/v1/check', body);
  }

  /**
   * A refused or failed request in the page's words for its status: the problem's `detail` is
   * English for other systems (RFC 9457 §3.1.4), and a Swedish page must not show it.
   */
  function failureOf(response: Response): string {
    // RFC 9110 §10.2.3: Retry-After in seconds.
    return text.failure(response.status, Number(response.headers.get('retry-after')) || 1);
  }

  function showDirectory(answer: Verdict | string, local: Verdict, text: OrderFormText): void {
    directory.replaceChildren();
    if (typeof answer === 'string') {
      directory.textContent = `${text.directoryFailed}: ${answer}`;
      return;
    }
    // What the page could not know: findings about other customers' records.
    const seen = new Set(local.findings.map((finding) => finding.code));
    const added = answer.findings.filter((finding) => !seen.has(finding.code));
    if (added.length === 0) {
      directory.textContent = text.directoryNothing;
      return;
    }
    const list = document.createElement('ul');
    for (const finding of added) list.append(item(finding));
    directory.append(list);
    // Only ever stricter: the directory adds what the page could not know, and an answer that
    // comes back weaker (a look-up that failed open, a customer record the server read otherwise)
    // must not turn the page's own block into a send.
    if (STRICTNESS[answer.action] > STRICTNESS[local.action]) {
      status.dataset.action = answer.action;
      status.textContent = text.action[answer.action];
    }
  }
}
