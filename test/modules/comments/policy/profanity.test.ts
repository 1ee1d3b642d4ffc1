import { readFileSync } from 'node:fs';
import { RegExpMatcher, collapseDuplicatesTransformer, englishRecommendedWhitelistMatcherTransformers } from 'obscenity';
import t from 'tap';
import { prepareComment } from '../../../../src/modules/comments/policy/normalize.js';
import { checkProfanity, findProfanity } from '../../../../src/modules/comments/policy/profanity.js';
import { CHARACTER_TRANSFORMERS, COLLAPSE_DUPLICATES } from '../../../../src/modules/comments/policy/profanity-fold.js';
import { NEWSROOM_WHITELIST, profanityDataset } from '../../../../src/modules/comments/policy/profanity-lexicon.js';

const review = (body: string) => prepareComment(body, { readerHasApprovedHistory: true });

t.test('profanity in plain and disguised spellings is found', async (t) => {
  const cases: Array<[string, string]> = [
    ['what the fuck', 'fuck'],
    ['this is f.u.c.k ridiculous', 'f.u.c.k'],
    ['f u c k this', 'f u c k'],
    ['total sh1t', 'sh1t'],
    ['you a$$hole', 'a$$hole'],
    ['fuuuuck', 'fuuuuck'],
    ['f*ck that', 'f*ck'],
    ['phuck off', 'phuck'],
    ['F.U.C.K.', 'F.U.C.K'],
    ['f-u-c-k', 'f-u-c-k'],
    ['f**k', 'f**k'],
    ['c*nt', 'c*nt'],
    ['f***ing liars', 'f***ing'],
    ['what an a**hole', 'a**hole'],
    ["you're an a$$.", 'a$$'],
    ['sh.it show', 'sh.it'],
    ['what a load of bullshit!', 'bullshit'],
    ['(shit)', 'shit'],
    ['you are a s s', 'a s s'],
    ['ｆｕｃｋ', 'ｆｕｃｋ'],
    ['fu\u0441k', 'fu\u0441k'],
    ['𝐟𝐮𝐜𝐤', '𝐟𝐮𝐜𝐤'],
    ['fu\u200Bck', 'fu\u200Bck'],
    ['motherfucker', 'motherfucker'],
    ['stfu', 'stfu'],
    ['n1gger', 'n1gger'],
  ];
  for (const [text, token] of cases) t.same(findProfanity(text), [token], text);
});

t.test('names, places and ordinary words that contain a listed word pass', async (t) => {
  const clean = [
    'Scunthorpe', 'Penistone', 'Dickens', 'Dick Cheney', 'assassin', 'class', 'pussycat', 'cocktail', 'Essex',
    'therapist', 'grape', 'grapes', 'Middlesex', 'Sussex', 'assessment', 'Hancock', 'Cockburn', 'cockpit',
    'Moby-Dick', 'Philip K. Dick', 'Dick Van Dyke', 'Dickinson', 'Pussy Riot', 'Dominic Cummings', 'cum laude',
    'cumin', 'fire retardant', 'tit for tat', 'a chink in the armour', 'Shiite', "Shi'ite", 'kung fu', 'Fu Ying',
    'Fukuyama', 'Fukushima', 'Phuket', 'Fagin', 'wankel engine', 'drug trafficking', 'the asst. editor',
    'this hit home', 'the pen is mightier', 'as soon as possible', 'as small as that', 'Arab-Bush relations',
    'e.g. i.e. U.S. a.m.', 'It is 455 km', 'Patch 7.1.117', 'using 64 bits', '7 It’s done', 'snigger', 'Montenegro',
  ];
  for (const text of clean) t.same(findProfanity(text), [], text);
});

t.test('news vocabulary the library lists is not profanity here', async (t) => {
  const news = [
    'the rape trial opens',
    'a sex abuse scandal',
    'revenge porn laws',
    'an orgy of violence',
    'a booby trap',
    'Caster Semenya',
    'incest charges',
    'a rugby hooker',
  ];
  for (const text of news) {
    t.same(findProfanity(text), [], text);
  }
});

t.test('other languages are not read as English profanity', async (t) => {
  const civil = [
    'Спасибо за статью, очень интересно. Надеюсь, переговоры принесут мир на Кавказе.',
    'Саммит ОДКБ показал, что союзники не готовы защищать Армению. Секретарь Совета сказал: сук много.',
    'Կարծում եմ, որ ՀԱՊԿ-ը պետք է ավելի ակտիվ լինի։',
    'Merci pour cet article, c’est assez compliqué mais passionnant.',
    'Danke für die Analyse, die Kunst der Diplomatie ist schwierig.',
    'Gracias por el análisis de la situación en el Cáucaso.',
    'شكرا على المقال. أتمنى أن يتحقق السلام في المنطقة.',
    '感谢这篇文章。我希望高加索地区早日实现和平。',
    'Ευχαριστώ για το άρθρο, πολύ ενδιαφέρον.',
  ];
  for (const text of civil) t.same(findProfanity(text), [], text);
});

t.test('the verdict detail quotes what was matched', async (t) => {
  t.equal(checkProfanity(review('f.u.c.k this sh1t')), 'matched "f.u.c.k", "sh1t"');
  t.equal(checkProfanity(review('<b>f*ck</b>')), 'matched "f*ck"', 'without the markup around it');
  t.equal(checkProfanity(review('A perfectly civil remark.')), undefined);
});

/**
 * profanity.ts screens with a copy of obscenity's transformer chain and patterns compiled
 * into one expression; here obscenity's own RegExpMatcher, given the same dataset, whitelist
 * and transformers, says whether each text is profane, and the two must agree.
 */
t.test('the fast path agrees with obscenity’s RegExpMatcher on the same data', async (t) => {
  const { blacklistedTerms, whitelistedTerms = [] } = profanityDataset.build();
  const reference = new RegExpMatcher({
    blacklistedTerms,
    whitelistedTerms: [...whitelistedTerms, ...NEWSROOM_WHITELIST],
    blacklistMatcherTransformers: [...CHARACTER_TRANSFORMERS, collapseDuplicatesTransformer(COLLAPSE_DUPLICATES)],
    whitelistMatcherTransformers: englishRecommendedWhitelistMatcherTransformers,
  });
  const fixture = readFileSync(new URL('../../../fixtures/csto-summit.txt', import.meta.url), 'utf8');
  const texts = [
    ...fixture.split(/\n+/).filter(Boolean),
    'you are a fucking idiot', 'FUCK', 'Fuuuuck this', 'sh1t happens', 'a$$hole', 'b1tch', 'what a dickhead',
    'bastards all of them', 'cocksucker', 'the cunt', 'twat', 'wanker', 'pissed off', 'slut', 'whore', 'nigga',
    'faggot', 'retarded', 'dumb bitch', 'asshole', 'tits', 'jizz', 'turd', 'ʃṳ𝒸𝗄', 'fuсk', 'ｓｈｉｔ',
    'Scunthorpe', 'Dick Cheney', 'pussycat', 'cockpit', 'assessment', 'Essex', 'Dickens', 'class action',
    'kung fu', 'Shiite', 'tit for tat', 'the title', 'a constitution', 'documented', 'circumstances',
    'Mississippi', 'associate', 'passable', 'grasshopper', 'analysis', 'Uranus', 'a bitcoin', 'sextant',
  ];
  for (const text of texts) t.equal(findProfanity(text).length > 0, reference.hasMatch(text), text.slice(0, 60));
});
