/**
 * One word that tells what an order line is about. `health` and `special-category` terms reveal data
 * of GDPR Art. 9(1) (health: Art. 4(15) and Recital 35, which includes medicines and medical devices
 * bought; the others: religion, sex life, trade-union membership, political opinions); `ordinary`
 * terms mark a line as nothing of that kind (a broadband subscription, shipping, a total).
 */
export interface OrderTerm {
  /** Matched case-insensitively at the start of a word, so `inkontinens` finds `inkontinensskydd`. */
  readonly term: string;
  readonly category: 'health' | 'special-category' | 'ordinary';
}

const health = (...terms: string[]): OrderTerm[] => terms.map((term) => ({ term, category: 'health' }));
const special = (...terms: string[]): OrderTerm[] =>
  terms.map((term) => ({ term, category: 'special-category' }));
const ordinary = (...terms: string[]): OrderTerm[] => terms.map((term) => ({ term, category: 'ordinary' }));

/**
 * The terms {@link inventoryMessage} reads order lines with, in Swedish and English: medicines,
 * medical devices and aids, pharmacy and intimate products (health); religious objects, trade-union
 * and party membership (other special categories); and the words of ordinary order lines. Replace or
 * extend it with the option `orderTerms`: `[...defaultOrderTerms, { term: 'tena', category: 'health' }]`.
 *
 * @example
 * ```ts
 * defaultOrderTerms.find((entry) => entry.term === 'blodsocker')?.category; // 'health'
 * ```
 */
export const defaultOrderTerms: readonly OrderTerm[] = [
  // Medical devices and aids (Regulation (EU) 2017/745 Art. 2(1)): what they measure or treat.
  ...health('blodsocker', 'blood glucose', 'blood sugar', 'glukos', 'glucose', 'insulin', 'diabet'),
  ...health('lancett', 'lancet', 'teststick', 'test strip', 'blodtryck', 'blood pressure'),
  ...health('inkontinens', 'incontinence', 'stomi', 'ostomy', 'kateter', 'catheter'),
  ...health(
    'hörapparat',
    'hearing aid',
    'rullator',
    'rollator',
    'rullstol',
    'wheelchair',
    'krycka',
    'kryckor',
  ),
  ...health('crutch', 'kompressionsstrump', 'compression stocking', 'ortos', 'orthosis', 'inhalator'),
  ...health('inhaler', 'graviditetstest', 'pregnancy test', 'ägglossningstest', 'ovulation test'),
  ...health('självtest', 'self-test', 'covid', 'hiv', 'klamydia', 'chlamydia'),
  // Medicines and pharmacy products (Directive 2001/83/EC Art. 1(2)).
  ...health('läkemedel', 'medicin', 'medicine', 'medication', 'receptbelagd', 'prescription'),
  // Not `apotek` or `pharmacy` alone: inside a shop's name ("Apotek Hjärtat", "Boots Pharmacy") it
  // says where the customer shopped, not what was bought; the product itself reveals health
  // (Art. 4(15), Recital 35). A product sold as a pharmacy product (`apoteksvara`) does.
  ...health('apoteksvar', 'pharmacy product', 'tablett', 'tablet', 'kapsel', 'kapslar', 'capsule'),
  ...health('värktablett'),
  // Dosage forms (European Pharmacopoeia, Standard Terms): a product sold in one is a medicine.
  ...health('depottablett', 'brustablett', 'sugtablett', 'vaginal', 'suppositori', 'stolpiller', 'salva'),
  ...health('ointment', 'ögondroppar', 'eye drops', 'örondroppar', 'ear drops', 'injektionsvätska'),
  ...health('painkiller', 'allergi', 'allergy', 'astma', 'asthma', 'nässpray', 'nasal spray'),
  ...health('p-piller', 'preventivmedel', 'contracepti', 'akut-p', 'morning-after'),
  // Intimate products: they reveal sex life or health (Art. 9(1)).
  ...health('kondom', 'condom', 'glidmedel', 'lubricant', 'intimvård', 'intimate'),
  ...special('vibrator', 'sexleksak', 'sex toy', 'potensmedel', 'erectile'),
  ...special('bönematta', 'prayer mat', 'kippa', 'kippah', 'rosenkrans', 'rosary', 'koran', 'quran'),
  ...special('fackförening', 'trade union', 'medlemsavgift parti', 'party membership'),
  // Ordinary lines of a telecom or retail order.
  ...ordinary('bredband', 'broadband', 'tv', 'telefoni', 'telephony', 'mobil', 'mobile', 'abonnemang'),
  ...ordinary('subscription', 'router', 'installation', 'startavgift', 'månadsavgift', 'avgift', 'fee'),
  ...ordinary('frakt', 'shipping', 'leverans', 'delivery', 'porto', 'postage', 'moms', 'vat', 'summa'),
  ...ordinary('total', 'delsumma', 'subtotal', 'rabatt', 'discount', 'att betala', 'amount due', 'pris'),
  ...ordinary('price', 'faktura', 'invoice'),
];
