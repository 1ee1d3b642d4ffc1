// General-knowledge word lists that tell names from the words around them. Everything is a
// matching key (lower case, no diacritics). None of it names a particular person or body.

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Words that head a title: "President", "Minister", "Secretary-General", "Sir", "Mr". */
export const TITLE_HEADS = words(`
  president premier chancellor minister secretary secretary-general director-general governor mayor senator
  congressman congresswoman congressperson assemblyman assemblywoman speaker chairman chairwoman chairperson ceo cfo
  coo cto director ambassador envoy commissioner spokesman spokeswoman spokesperson general colonel lieutenant
  major captain admiral sergeant commander marshal brigadier corporal judge justice prosecutor attorney
  attorney-general king queen prince princess emperor empress duke duchess earl baron baroness lord lady sir dame
  pope cardinal archbishop bishop patriarch metropolitan reverend rev rabbi imam ayatollah sheikh sheik emir sultan
  pm mp mep coach manager aide adviser advisor counsel leader chief founder treasurer ombudsman sheriff inspector
  detective constable superintendent magistrate dean rector provost chair vice-president president-elect
  prime-minister mr mrs ms mx miss dr prof professor messrs mme mlle gen sen rep gov lt col capt sgt maj adm hon
  herr frau monsieur madame senor senora comrade taoiseach governor-general premier-elect crown-prince executive
  officer councilman councilwoman councilmember councillor councilor alderman alderwoman selectman delegate trustee
`);

/** Words that come before a title head: "Deputy Prime Minister", "Foreign Minister", "Head Coach". */
export const TITLE_PREFIXES = words(`
  deputy vice acting former interim first second assistant associate senior chief executive head co prime grand
  crown supreme general permanent special managing principal junior under presiding outgoing incoming lord high
  foreign defence defense finance interior home justice health economy economic education culture agriculture
  energy trade industry transport labour labor environment state internal external security intelligence development
  emergency emergencies sport sports youth science technology communications information digital treasury commerce
  housing tourism press national public social welfare immigration climate military army navy cabinet legal regional
  federal fisheries infrastructure budget diaspora territorial armed forces air naval team club opposition party
  majority minority house senate union
`);

/** Words that finish a title after "of"/"for": "Minister of Foreign Affairs", "Secretary of State". */
export const TITLE_DOMAINS = new Set([...TITLE_PREFIXES, ...words(`
  affairs exchequer staff works resources rights relations cooperation integration pensions employment women children
  family mining oil gas water land transportation aviation telecommunications media arts heritage minorities equality
  situations planning revenue taxation justice homeland veterans administration policy government
`)]);

/** Lower-case parts of a personal name: "Mark van Bommel", "Ursula von der Leyen". */
export const NAME_PARTICLES = words('van von der den de del della dello di da dos das du la le los las bin ibn al el ter ten zu af');

/** Lower-case words that may sit inside the name of a body: "Securities and Exchange Commission". */
export const CONNECTORS = words('of and & for on the');

/** Last words of the names of bodies: "... Organization", "... Council", "... FC". */
export const ORG_HEADS = words(`
  organization organisation council commission committee ministry department agency authority bureau office party bank
  league federation confederation union association institute institution university college academy foundation fund
  trust society group corporation corp company co inc ltd llc plc gmbh holdings industries enterprises partners
  airlines airways motors systems technologies labs laboratories pharmaceuticals petroleum news times post herald journal
  gazette tribune telegraph press media network broadcasting television tv radio service services police army navy
  forces guard court tribunal parliament congress senate assembly duma knesset bundestag cabinet government
  secretariat directorate inspectorate board chamber club fc cf sc afc rovers wanderers athletic hotspur alliance
  coalition front movement brigade brigades battalion regiment militia church exchange reserve mission embassy
  consulate caucus studios records entertainment pictures productions consortium cooperative syndicate cartel watch
  international worldwide ventures investments securities insurance assurance bancorp financial brands foods stores
  railways railway telecom communications mobile electric electronics automotive steel chemicals pharma biotech
  therapeutics software solutions dynamics aerospace robotics energy oil gas mining capital agencies administration
  commissariat observatory orchestra choir hospital clinic school guild brotherhood conservatory seminary polytechnic
  corps command democrats republicans conservatives liberals socialists greens research analytics economics
  associates advisers advisors strategies markets consulting endowment campaign center centre platforms
`);

/** Words after a body's name that name one of its organs, or its legal form: "NATO Council", "Boeing Co.". */
export const ORG_SUFFIXES = words(`
  council committee commission secretariat board assembly presidium directorate co corp corporation inc ltd llc plc
  gmbh ag sa nv bv spa ab asa
`);

/** Descriptive last words that a company drops in running text: "Huawei Technologies Co." is "Huawei". */
export const COMPANY_DESCRIPTORS = new Set([...ORG_SUFFIXES, ...words(`
  technologies technology electronics group holdings industries motors company international worldwide enterprises
  systems labs pharmaceuticals petroleum energy platforms
`)]);

/** First words that make a body when a capitalized name follows: "FC Porto", "AC Milan". */
export const ORG_PREFIXES = words('fc ac as sc cf cd sv fk nk sk hc bc afc');

/** First words of bodies named "X of Y": "Bank of England", "Council of Foreign Ministers". */
export const ORG_FRONTS = words(`
  bank council ministry university college institute committee commission department office organization organisation
  federation confederation union association academy court church party league society board agency authority bureau
  fund foundation chamber assembly house school army order congress parliament government coalition alliance movement
  front federal
`);

/** Last words of place names: "Ob River", "Tahrir Square", "Donetsk Oblast". */
export const PLACE_HEADS = words(`
  river mountains mountain hills valley street avenue square road bridge airport island islands isles lake sea ocean
  gulf bay strait straits canal peninsula desert plateau province region district county oblast krai prefecture
  governorate territory city park stadium arena palace castle cathedral coast beach falls forest glacier basin delta
  highlands lowlands heights harbour harbor tower temple mosque wall gate hall village town hotel
`);

/** First words of place names: "Lake Sevan", "Mount Ararat", "San Diego". */
export const PLACE_FRONTS = words('lake mount mt port cape gulf bay fort isle saint st san santa sao los las casa palacio palazzo plaza piazza');

/** Compass words that make a region of a name: "South Caucasus", "Central Asia", "Greater Manchester". */
export const DIRECTIONS = words(`
  north south east west northern southern eastern western central northeast northwest southeast southwest
  north-east north-west south-east south-west upper lower greater inner outer
`);

/** Last words of names that are none of our types: events, laws, treaties, prizes, documents. */
export const NON_ENTITY_HEADS = words(`
  cup games olympics olympiad championship championships tournament open prix marathon derby festival fair expo
  summit conference awards award prize medal trophy war wars revolution crisis election elections referendum day week
  year season act bill treaty accord accords agreement pact protocol convention declaration charter constitution code
  directive doctrine plan strategy initiative program programme project amendment resolution resolutions report index
  series show album film movie book novel song virus disease syndrome law
`);

/** Capitalized words that are never entities and end a name: dates, holidays, common acronyms. */
export const NEVER_NAMES = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december christmas easter ramadan eid hanukkah diwali thanksgiving passover lent
  halloween internet web god allah covid covid-19 coronavirus brexit i ai gdp tv ev evs ipo vat dna hiv aids uav uavs nft
  etf gps usb pc api ppe icu lng lpg gmo phd mba vip usd eur gbp mph
`);

/** Lower-case words just before a capitalized name that say it is a body: "oil giant Aramco". */
export const ORG_BEFORE = words(`
  giant company firm group maker carmaker automaker retailer lender bank insurer airline carrier broadcaster newspaper
  daily tabloid agency club side outfit team party network platform app messenger service operator conglomerate
  startup start-up regulator watchdog developer producer miner supplier manufacturer brand chain publisher label rival
  studio broker exchange channel website portal magazine outlet franchise charity organisation organization
`);

/** Lower-case words just after a capitalized name that say it is a body: "Huawei shares", "FAA officials". */
export const ORG_AFTER = words(`
  shares stock stocks executives executive officials spokesman spokeswoman spokesperson employees workers staff
  shareholders investors board subsidiary subsidiaries headquarters chief boss ceo chairman channels channel app
  platform users subscribers accounts account customers stake management plant factory stores products brand unit
  division revenue revenues profit profits earnings fans squad leader leaders lawmakers mps government candidate
  voters supporters militants fighters rebels
`);

/** Words right after a city that make it the city's club: "Liverpool manager Arne Slot", "Liverpool beat Brighton". */
export const CLUB_AFTER = words(`
  manager boss coach fans striker midfielder defender goalkeeper winger captain squad players beat beats drew thrashed
  edged routed
`);

/** Lower-case words just before a capitalized name that say it is a place: "in Moscow". */
export const PLACE_BEFORE = words('in near outside across throughout inside');

/** Verbs after a name that say it is a person speaking: "Grigoryan said". */
export const SPEECH_VERBS = words(`
  said says told added stressed noted explained insisted argued wrote shared tweeted admitted warned claimed recalled
  replied asked declared urged emphasised emphasized acknowledged conceded smiled laughed recalls believes thinks
`);

/** Lower-case nouns for people just before a name: "presidential aide Dmitry Peskov", "striker". */
export const PERSON_BEFORE = new Set([...TITLE_HEADS, ...words(`
  spokesperson aide coach striker midfielder defender goalkeeper forward winger substitute substitutes player players
  captain star teammate analyst economist lawyer journalist reporter correspondent editor author actor actress singer
  rapper musician activist politician lawmaker candidate nominee official officer colleague deputy wife husband son
  daughter brother sister mother father opponent premier boss executive founder chief minister businessman
  businesswoman billionaire tycoon oligarch banker investor scientist researcher expert historian leader
`)]);

// Endings that in many languages mark family names: Armenian -yan/-ian, Slavic -ov/-ev/-enko/-sky,
// Georgian -shvili/-dze, Greek -poulos/-idis, Turkish -oglu, Romanian -escu, Persian -zadeh...
const SURNAME_ENDINGS = /(?:yan|ian|ov|ova|ev|eva|yev|yeva|enko|chuk|shvili|dze|sky|ski|ska|skiy|skaya|vich|wicz|ic|escu|oglu|zadeh|poulos|idis|akis|sson|ez)$/;

// "OpenAI", "DeepMind", "JPMorgan": capitals inside a word mark a brand, unless they follow a
// family-name prefix ("McDonald", "DiCaprio", "LeBron").
const INNER_CAPITAL = /^(?:\p{Lu}?\p{Ll}+\p{Lu}|\p{Lu}{2,}\p{Ll})/u;
const NAME_PREFIX = /^(?:Mc|Mac|Fitz|O'|D'|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}/u;

export function looksLikeBrand(word: string): boolean {
  return INNER_CAPITAL.test(word) && !NAME_PREFIX.test(word);
}

export function looksLikeSurname(key: string): boolean {
  return key.length >= 5 && SURNAME_ENDINGS.test(key);
}

/** Key as the singular of a plural org head ("Councils" → "council"), or the key itself. */
export function singular(key: string): string {
  return key.length > 4 && key.endsWith('s') && ORG_HEADS.has(key.slice(0, -1)) ? key.slice(0, -1) : key;
}
