/**
 * The commands' and options' descriptions in `--help` under `--locale sv`, keyed by the English
 * description each command file gives commander: the help is built before any option is parsed,
 * and commander takes one description per option. A description missing here stays English, and
 * test/cli/swedish-lines.test.ts fails on it.
 */
export const swedishHelp: Readonly<Record<string, string>> = {
  'Find the bad addresses in a customer base and in sent mail, review held messages, file an incident.':
    'Hitta de felaktiga adresserna i ett kundregister och i skickad e-post, granska hållna meddelanden, skriv en incidentrapport.',
  'check one address: send, confirm or block, with what looks wrong and the suggestion':
    'kontrollera en adress: skicka, bekräfta eller stoppa, med vad som ser fel ut och förslaget',
  'the customer as JSON: {"id":"C-1","name":"…","emails":["…"],"birthDate":"…"}':
    'kunden som JSON: {"id":"C-1","name":"…","emails":["…"],"birthDate":"…"}',
  'the customer, by id, from --customers': 'kunden, med id, ur --customers',
  'a CRM export (.csv or .ndjson): the other customers are checked too':
    'en CRM-export (.csv eller .ndjson): de andra kunderna kontrolleras också',
  'print the verdict as JSON': 'skriv ut beslutet som JSON',
  'language of messages and reports': 'språk för meddelanden och rapporter',
  'the address as entered': 'adressen som den skrevs in',
  'commands on a CRM export': 'kommandon för en CRM-export',
  'check a CRM export (.csv or .ndjson): unreadable rows, invalid, mistyped, shared, duplicate, role and disposable addresses':
    'kontrollera en CRM-export (.csv eller .ndjson): oläsbara rader, ogiltiga, felskrivna, delade och dubblerade adresser, funktions- och engångsadresser',
  'write the report to this file: .html, .csv or .json (by its ending)':
    'skriv rapporten till den här filen: .html, .csv eller .json (efter filändelsen)',
  'print the findings as JSON': 'skriv ut fynden som JSON',
  'pairs of customers known and kept on purpose (.csv: id, id, note; or .json): their findings are counted, not listed':
    'par av kunder som är kända och ska finnas kvar (.csv: id, id, anteckning; eller .json): deras fynd räknas men visas inte',
  'the CRM export, .csv (header row first) or .ndjson': 'CRM-exporten, .csv (rubrikrad först) eller .ndjson',
  'review the messages the mail pipeline held: list, show, release, discard':
    'granska meddelandena som e-postflödet höll kvar: lista, visa, släpp, kasta',
  'list held messages, oldest first: verdicts, suggestion, age':
    'lista hållna meddelanden, äldst först: beslut, förslag, ålder',
  'the sender of verification codes ("Butiken AB <order@butiken.se>"): with --smtp and --verifications (or --database), POST /v1/verifications sends a code':
    'avsändaren av verifieringskoder ("Butiken AB <order@butiken.se>"): med --smtp och --verifications (eller --database) skickar POST /v1/verifications en kod',
  'the hold store folder (createFileHoldStore)': 'mappen med hållna meddelanden (createFileHoldStore)',
  'print JSON': 'skriv ut JSON',
  'show one held message: its envelope, every recipient with the findings and suggestion':
    'visa ett hållet meddelande: kuvertet, varje mottagare med fynd och förslag',
  'the held message id (from holds list)': 'det hållna meddelandets id (från holds list)',
  'send a held message, corrected: the final recipients are checked again':
    'skicka ett hållet meddelande, rättat: de slutliga mottagarna kontrolleras igen',
  'who releases it (audit log)': 'vem som släpper det (granskningsloggen)',
  'who discards it (audit log)': 'vem som kastar det (granskningsloggen)',
  'why (audit log)': 'varför (granskningsloggen)',
  'the corrected To recipients; required for a blocked message (or --cc, --bcc), with --send-despite-block too; with them, it goes to exactly these':
    'de rättade mottagarna i To; krävs för ett stoppat meddelande (eller --cc, --bcc), även med --send-despite-block; med dem går det till exakt dessa',
  'the corrected Cc recipients, written in a Cc field': 'de rättade mottagarna i Cc, skrivna i ett Cc-fält',
  'the corrected blind copies: in the envelope only, never shown to the others (an address held as Bcc is refused in --to or --cc)':
    'de rättade dolda kopiorna: bara i kuvertet, visas aldrig för de andra (en adress som stoppades som Bcc avvisas i --to eller --cc)',
  'the recipients new to the customer (corrected, or kept as held) were confirmed as theirs (audit log)':
    'mottagarna som är nya för kunden (rättade eller kvar som de stoppades) har bekräftats som kundens (granskningsloggen)',
  "the verifier's store (createFileVerificationStore): an address verified for another customer is refused (with --database its schema's store is the default)":
    'verifierarens förråd (createFileVerificationStore): en adress som verifierats för en annan kund stoppas (med --database är schemats förråd standard)',
  'check against an export of fewer customers than the check that held the message knew (refused without it)':
    'kontrollera mot en export med färre kunder än kontrollen som stoppade meddelandet kände till (vägras utan den)',
  "send although a recipient is still blocked or is another customer's address, on your account (audit log: released-despite-block)":
    'skicka fast en mottagare fortfarande stoppas eller är en annan kunds adress, på ditt ansvar (granskningsloggen: released-despite-block)',
  'the CRM export the recipients are checked against again (with --store; --database checks them against its customers)':
    'CRM-exporten som mottagarna kontrolleras mot igen (med --store; --database kontrollerar dem mot dess kunder)',
  'the SMTP server to send through: smtp://user:pass@host:587':
    'SMTP-servern att skicka genom: smtp://user:pass@host:587',
  'the JSON-lines audit log (default: <store>.audit.jsonl; with --database, its audit_log table)':
    'granskningsloggen i JSON-rader (förval: <store>.audit.jsonl; med --database dess tabell audit_log)',
  'the PostgreSQL hold store (postgres://user@host:5432/db), instead of --store; its directory and audit log too':
    'de stoppade meddelandena i PostgreSQL (postgres://user@host:5432/db), i stället för --store; även dess kundregister och granskningslogg',
  'discard a message left releasing by a process that stopped mid-send (refused while that process runs)':
    'kasta ett meddelande som lämnades under släpp av en process som stoppades mitt i sändningen (nekas medan den processen körs)',
  'set aside an entry that cannot be read (holds list names it) in the folder damaged inside the store, instead of deleting it':
    'lägg undan en post som inte går att läsa (holds list namnger den) i mappen damaged i lagret, i stället för att radera den',
  'the held message id': 'det hållna meddelandets id',
  "release a message whose earlier release is in doubt (started, never ended) or was left releasing by a process that stopped, once the mail server's log shows it was not delivered":
    'släpp ett meddelande vars tidigare släpp är osäkert (påbörjat, aldrig avslutat) eller lämnades under släpp av en process som stoppades, när e-postserverns logg visar att det inte levererades',
  'remove a held message without sending it (asks first on a terminal)':
    'ta bort ett hållet meddelande utan att skicka det (frågar först i en terminal)',
  'do not ask: needed when no one is at a terminal to answer':
    'fråga inte: behövs när ingen sitter vid en terminal och kan svara',
  'find sent messages whose recipient was a near miss, another customer, or a mistyped domain':
    'hitta skickade meddelanden vars mottagare var nästan rätt, en annan kund eller en felskriven domän',
  'the CRM export (.csv or .ndjson) with the known addresses':
    'CRM-exporten (.csv eller .ndjson) med de kända adresserna',
  'only messages dated on or after this date (ISO 8601): a date alone is midnight in the local time zone (TZ); give an offset for another, 2026-11-21T00:00+01:00':
    'bara meddelanden daterade detta datum eller senare (ISO 8601): ett datum utan tid är midnatt i den lokala tidszonen (TZ); ange en tidszon för en annan, 2026-11-21T00:00+01:00',
  'write the report to this file: .html, .csv or .json':
    'skriv rapporten till den här filen: .html, .csv eller .json',
  'write a draft incident report and customer notice per hit into this folder':
    'skriv ett utkast till incidentrapport och kundmeddelande per träff i den här mappen',
  'JSON facts for the incident drafts: organisation (required), and reportMisdirected fields':
    'fakta i JSON för incidentutkasten: organisation (krävs) och fält för reportMisdirected',
  'the header field naming the customer a message was for':
    'rubrikfältet som anger kunden ett meddelande var till',
  'print the hits as JSON': 'skriv ut träffarna som JSON',
  'the header each customer field is read from, where the export names it otherwise: id=Kundnr,email=E-post (fields: id, name, firstName, lastName, emails, phones, birthDate, country)':
    'rubriken varje kundfält läses från, där exporten kallar det något annat: id=Kundnr,email=E-post (fält: id, name, firstName, lastName, emails, phones, birthDate, country)',
  'a folder of .eml files, an mbox file, or a Maildir':
    'en mapp med .eml-filer, en mbox-fil eller en Maildir',
  'write the breach report, the customer notice (.eml) and the phone script for a misdirected message':
    'skriv incidentrapporten, kundmeddelandet (.eml) och telefonmanuset för ett felskickat meddelande',
  'the message as sent (.eml)': 'meddelandet som det skickades (.eml)',
  'the address (or with --channel sms, the number) it should have gone to':
    'adressen (eller med --channel sms numret) det skulle ha gått till',
  'the address (or with --channel sms, the number) it went to':
    'adressen (eller med --channel sms numret) det gick till',
  'what went to the wrong person: an e-mail or a text message':
    'vad som gick till fel person: ett e-postmeddelande eller ett sms',
  'the text message as sent (UTF-8 text), with --channel sms':
    'sms:et som det skickades (UTF-8-text), med --channel sms',
  'JSON: customer, organisation, reference, detectedAt, and any other reportMisdirected field':
    'JSON: customer, organisation, reference, detectedAt och andra fält för reportMisdirected',
  'format of the report': 'rapportens format',
  "the IANA time zone dates are written in, e.g. Europe/London (default: the organisation's country's, else Europe/Stockholm)":
    'IANA-tidszonen som datum skrivs i, t.ex. Europe/London (förval: organisationens lands, annars Europe/Stockholm)',
  'the folder to write report, notice.eml and phone-script.txt into':
    'mappen att skriva rapporten, notice.eml och phone-script.txt i',
  'print the assessment as JSON': 'skriv ut bedömningen som JSON',
  'replace a report already in the --out folder': 'ersätt en rapport som redan finns i --out-mappen',
  'serve the check over HTTP for order systems, and the review page for held messages':
    'erbjud kontrollen över HTTP för ordersystem, och granskningssidan för hållna meddelanden',
  'a CRM export (.csv or .ndjson) to check against, held in memory':
    'en CRM-export (.csv eller .ndjson) att kontrollera mot, hållen i minnet',
  'the PostgreSQL directory (postgres://...), instead of --customers':
    'kundregistret i PostgreSQL (postgres://...), i stället för --customers',
  'with --database: the schema migrate(pool, { schema }) made the tables in (default: email_guard)':
    'med --database: schemat som migrate(pool, { schema }) skapade tabellerna i (förval: email_guard)',
  'with --database: how long a query may wait for a lock or run before the command gives up (default: 30)':
    'med --database: hur länge en fråga får vänta på ett lås eller pågå innan kommandot ger upp (förval: 30)',
  'the hold store folder (createFileHoldStore); with --database, its tables by default':
    'mappen med hållna meddelanden (createFileHoldStore); med --database som förval dess tabeller',
  'the SMTP server released messages go through: smtp://user:pass@host:587':
    'SMTP-servern som släppta meddelanden går genom: smtp://user:pass@host:587',
  'the JSON-lines audit log of releases (default: <holds>.audit.jsonl)':
    'granskningsloggen över släppta meddelanden i JSON-rader (förval: <holds>.audit.jsonl)',
  'the TCP port; 0 picks a free one': 'TCP-porten; 0 väljer en ledig',
  'the address to listen on': 'adressen att lyssna på',
  'a host name the service is reached by, besides the loopback ones (repeat for more)':
    'ett värdnamn som tjänsten nås med, utöver loopback-namnen (upprepa för fler)',
  'the proxies in front of the service (addresses or CIDR ranges, comma-separated): their X-Forwarded-For names the client':
    'proxyservrarna framför tjänsten (adresser eller CIDR-intervall, kommaseparerade): deras X-Forwarded-For anger klienten',
};
