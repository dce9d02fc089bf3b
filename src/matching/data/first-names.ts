import { foldLetters } from '../fold-letters.js';

/**
 * First names common in Sweden, to tell another person's mailbox from a typo: `jana.nyberg62` for
 * Jan Nyberg's `jan.nyberg62` holds another real first name, so it is more likely a household
 * member's address than a slip. A name missing from the list only means the check falls back to
 * calling one slip a near miss; a word wrongly on it turns a block into a question, so the list
 * keeps to names people are really called.
 *
 * Sources:
 * - Statistics Sweden (SCB), Namnstatistik: the most common first names (tilltalsnamn) of women and
 *   men registered in Sweden, all ages, and the most common names given to newborns, 1990-2023
 *   (scb.se/hitta-statistik/statistik-efter-amne/befolkning/amnesovergripande-statistik/namnstatistik).
 *   The register holds the names of people of every origin living in Sweden, so the Arabic,
 *   Persian, Somali, Finnish, Polish and former-Yugoslav names below are among its common names too.
 * - Common English names: Office for National Statistics, Baby names in England and Wales
 *   (ons.gov.uk), and the US Social Security Administration's popular names by decade (ssa.gov).
 * - Finnish: Digital and Population Data Services Agency (DVV), Nimipalvelu, most common first names.
 * - Polish: Ministry of Digital Affairs, PESEL register, most common first names (dane.gov.pl).
 * - Danish, Norwegian, German, Italian, Spanish and Eritrean names common among people living in
 *   Sweden: the same SCB register, and Statistics Norway (SSB) and Statistics Denmark name lists.
 *
 * Lower case as written (`åsa`, `björn`); {@link defaultFirstNames} adds the ASCII-folded form of
 * each (`asa`, `bjorn`), as a name is usually typed in an address.
 */
const swedishWomen = `
anna eva maria karin kristina lena sara kerstin emma ingrid marie malin christina birgitta jenny
inger sofia linnea annika elin hanna monica susanne margareta johanna ulla camilla carina
elisabeth sandra gunilla helena marianne linda ida julia amanda åsa anneli frida therese ebba
cecilia elsa matilda ann irene maja louise ella agnes wilma alice alva lisa caroline jessica
rebecka ellen klara moa lina emelie josefin sanna emilia felicia nathalie maja elvira olivia
astrid saga alma stella selma vera freja ellie lilly ines signe tyra edith nora juni elise
lova ronja tilde thea tuva nellie meja leah isabelle isabella elina alicia ebbe minna mira
lovisa hedda tindra idun liv tove elvi greta svea märta hilda sigrid elsie ester dagny
viola majken siv britt gun gunnel ingegerd ingela ingalill ingeborg gunhild solveig barbro
berit yvonne agneta lena katarina catarina kristin kristine pernilla petra maria victoria
viktoria jeanette annette mikaela michaela madeleine magdalena charlotte charlotta helen
helene annelie anette eleonor eleonora ellinor elinor emmy fanny filippa hanne hannah
jennie jenna jonna josefine julie karolina kajsa kim lotta lisbeth lisbet louise lovis
malva mathilda mia my nina pia rakel ronja rut ruth sabina sofie sonja stina sylvia tina
tova ulrika veronica veronika vanessa yasmine ylva åsa ann-charlotte anna-karin anna-lena
marie-louise eva-lena britt-marie ann-marie lisa-marie karin ellen elin alexandra
angelica angelika jasmine jasmin emilie emely evelina evelyn felicia gabriella hillevi
irma iris jennifer linn linnéa lejla lena-maria liselotte lise madelene maj majvor
malou marit melissa mimmi molly nova novalie olga paulina rosa sally siri sofi stella
ebba tilda tiina tuulikki vilma vendela wilhelmina alexia ester ellie elly esther hedvig
juni maja-lena lucia lykke märta nelly noomi novi penny saga sigrid stina svea thyra
unni vivianne viveka vivi ylva agda alfhild ebba gertrud göta hulda inga ingeborg
karolin lilian margit mona rita rigmor vivan ethel ulrica annica anneli
luna mila leia lea nova hilma livia cornelia elvina ellinor ada ina lykke majken meja
tilde tindra ingrid hanna adela adele alina aurora bianca celine edda elena elisa
emmie esmeralda estelle evita fiona hedvig irene jolina kiara leila leona lilja lo
maj-britt mirja nadja nathalie nelly nicole olivia ottilia rebecca sigrid siv sonia
stephanie tess tessa vilja yasmin
`;

const swedishMen = `
lars mikael anders johan erik per karl peter jan thomas daniel fredrik hans bengt stefan
andreas magnus mats mattias jonas bo nils leif björn göran martin alexander sven ulf oskar
oscar gustav axel viktor victor lucas hugo linus olof henrik marcus emil sebastian william
liam noah elias oliver isak isaac adam filip philip leo ludvig alfred albin melvin theo
edvin vincent arvid malte sixten charlie love nils elis wilmer otto harry frans folke
loke valter walter sam samuel benjamin felix anton simon jakob jacob robin rasmus tobias
kevin jesper joakim christoffer kristoffer christian kristian patrik patric niklas
nicklas joel john jon kent kenneth roger rolf roland rune stig sture ove tommy torbjörn
tord tore urban ingvar ivar jörgen kjell lennart lars-erik per-olof jan-erik karl-erik
bertil gunnar gösta harald holger ingemar arne åke allan alf birger conny curt kurt
dan dag david dennis egon einar eje ernst evert folke georg gert göte hasse helge
herbert håkan ingvar jens jimmy johnny josef klas claes krister lasse lennart mauritz
morgan nicklas ola olle orvar pelle pontus ragnar rickard richard robert rikard ronny
sigvard staffan sten sune sverker tage ture uno vilhelm wilhelm yngve åke östen
adrian albert alvin anton aron arvid august benjamin casper colin edward elton eric
ebbe ellis emil eskil frank gabriel hampus harald helmer herman hjalmar isak ivar jack
jonathan julius kasper lenny levi liam lukas melker milo milton nicolas nikolai noel
noa olle oskar otto sigge svante ted tim timothy tom truls vidar viggo wille ville
alexis anthony felix hannes jacob john leon max mio neo nils sam storm sixten teo
valdemar vilgot ville wilgot ture arne bror einar erling gillis knut ruben seth
matteo julian eddie abbe loui kian leon alve enzo elliot elton frank hjalmar ivar
jonatan josef julius kalle kasper leonard lias liam loke melker mohammed nicolas noel
nils-erik ossian otis rafael ragnar sigge silas vidar wilhelm tage
`;

const finnish = `
aino aila anja anneli eija eila elina helmi hilkka irma kaija kaisa katja kirsi leena liisa
maija marjatta marja minna mirja outi paula pirjo päivi raija riitta ritva saara sari satu
seija sirpa sinikka tarja tiina tuula tuulikki ulla-maija helka hanna-kaisa
antti eero esa heikki ilkka jari jukka juha juho jussi kalle kari keijo lauri markku matti
mikko niilo olli pekka pentti petri raimo reijo risto sakari seppo tapio tapani timo toni
tuomas veli väinö ville aleksi arto eino erkki hannu harri jarmo jouni kai kimmo lasse
`;

const english = `
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter
christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan
jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy
vincent mason roy ralph bobby russell bradley philip eugene harry oliver jake charlie
alfie freddie archie theo leo oscar finley toby reuben louis stanley teddy tommy ollie
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
sandra margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie
dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela
nicole samantha katherine christine helen debra rachel carolyn janet maria catherine
heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan
evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara
janice ann kathryn abigail sophia frances jean alice judy isabella julia grace amber
denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla
alexis lori marie amelia isla ava mia poppy ella lily sophie grace freya evie millie
daisy ruby florence phoebe chloe jessica lucy holly molly matilda rosie sienna willow
eleanor erin ellie isabel bella rose eve ivy harper zoe zara gemma katie kate claire
clare eileen jane june maisie naomi paige stacey tracy wendy abby alison beth carly
dawn gail hazel heidi hollie jade jodie kirsty leanne lorraine louisa lynn maureen
mandy marion nicola pauline rebekah sally shannon sheila tanya tara toni vicky dora
don ian neil glen dean craig gavin grant graham lee luke owen rhys ross stuart tony
trevor alfie barry colin derek duncan fraser gordon howard ivan kieran lewis max
nigel rory simon stewart eli saul seth caleb connor declan liam callum jamie
`;

const arabic = `
mohammed mohammad muhammad mohamed muhammed ahmed ahmad ali omar umar hassan hussein
husein hussain mahmoud mahmud mustafa mostafa youssef yousef yusuf khaled khalid ibrahim
abdullah abdallah abdulrahman abdirahman karim kareem tariq tarek samir sami salim saleh
nasser nabil walid hamza adnan amir amer bilal fadi jamal kamal majid rami rashid said
ziad zakaria yahya anas ayman hamid haidar haider hadi mahdi mehdi marwan munir nour noor
fatima fatma aisha aysha amina maryam mariam zainab zeinab zahra sara layla leila laila
nadia rania yasmin yasmine hiba huda noura nur amal asma dina dalia farah hala iman
jana lina lana lamar malak mira rana reem rim rasha salma samira shaima suha yara zeina
hanan hawa hafsa khadija ranya rawan safa sana soraya
`;

const persian = `
reza hossein hosein mehdi majid hamid saeed said ali behnam babak farid farhad
arash kaveh kian kourosh dariush darius navid omid parviz ramin shahram siavash
amir mohsen morteza payam peyman pouya arman aram sina soheil hooman vahid jafar
maryam mahsa mina nasrin neda niloufar parisa roya sara shirin leila laleh azadeh
fereshteh golnar homa mahnaz mahin nazanin parvaneh shabnam sima soheila tara yasaman
ziba atefeh bahar donya elham faranak hengameh katayoun mitra negar nasim pegah
`;

const polish = `
anna katarzyna maria magdalena agnieszka barbara krystyna ewa elżbieta zofia teresa
joanna aleksandra monika małgorzata danuta beata dorota jadwiga halina irena grażyna
renata marta urszula paulina justyna karolina natalia weronika wiktoria julia zuzanna
oliwia agata iwona edyta kinga
piotr krzysztof andrzej tomasz paweł jan michał marcin stanisław jakub adam marek łukasz
grzegorz mateusz wojciech mariusz dariusz zbigniew jerzy józef kamil maciej rafał robert
szymon bartosz sławomir tadeusz przemysław dawid patryk damian wiesław kacper filip
`;

const europeanOther = `
mario marco luca matteo giulia chiara francesca elena lara alba paula carla ana andrea
katrin jens anke heike uwe jörg jürgen ute birgit kirsten mette lise mads søren frederik
hanne kari tone trine bjarne odd svein tor terje geir ole ola
yonas senait tesfay mehari selam semhar yohannes biniam filmon robel saba feven
`;

const somali = `
abdi abdirahman abdullahi abdulkadir abdiaziz abdiwali abdirizak ahmed ali hassan hussein
farah omar osman yusuf mohamed mahad mustafe liban guled hamza ayan bashir ismail said
hodan hibo fadumo faduma sahra sagal amina asha ayan deqa faiza halima hamdi hawa hinda
ifrah istar khadra leyla maryan muna nasra nimco ubah ugbaad warsan yasmin zamzam
`;

const otherCommonInSweden = `
amra amela emina lejla merima selma almir amir edin elvir emir haris jasmin kenan mirza
nermin adis dragan goran milan nikola zoran ivana jelena milica snezana tamara
mehmet mustafa emre murat hasan ayse elif emine zeynep fatma
alejandro carlos diego javier jorge luis miguel pablo sofia lucia carmen isabel valentina
dimitris giorgos nikos maria eleni
dmitrij sergej aleksandr natalja olga tatjana svetlana jelena irina
dilan berfin rojin zilan baran dilovan rebin shvan
`;

const allNames = [
  swedishWomen,
  swedishMen,
  finnish,
  english,
  arabic,
  persian,
  polish,
  europeanOther,
  somali,
  otherCommonInSweden,
].flatMap((group) => group.split(/\s+/).filter((name) => name.length > 0));

/**
 * Common first names of people living in Sweden, lower case, each as written and ASCII-folded
 * (`åsa` and `asa`); hyphenated double names also as their parts run together (`annakarin`).
 * A `Set`, so a lookup costs the same however long the list grows.
 *
 * @example
 * ```ts
 * defaultFirstNames.has('jana'); // true
 * defaultFirstNames.has('asa'); // true (Åsa)
 * defaultFirstNames.has('jna'); // false
 * ```
 */
export const defaultFirstNames: ReadonlySet<string> = new Set(
  allNames.flatMap((name) => {
    const folded = foldLetters(name);
    const forms = [name, folded];
    if (name.includes('-')) forms.push(folded.replaceAll('-', ''));
    return forms;
  }),
);
