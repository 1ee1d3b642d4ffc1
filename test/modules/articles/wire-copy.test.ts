import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import { parseWireCopy, WireCopyError } from '../../../src/modules/articles/wire-copy.js';

const fixtures = new URL('../../fixtures/', import.meta.url);
const readFixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

interface FixtureArticle {
  title: string;
  standfirst: string | null;
  dateline: { place: string; source: string } | null;
  body: string;
}
const articles = readdirSync(new URL('articles/', fixtures))
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, article: JSON.parse(readFixture(`articles/${name}`)) as FixtureArticle }));

const story = (...paragraphs: string[]) => paragraphs.join('\n\n');
const parse = (...paragraphs: string[]) => parseWireCopy(story(...paragraphs));
const bodyOf = (...paragraphs: string[]) => parse(...paragraphs).body.split('\n\n');

const failure = (text: string) => {
  try {
    parseWireCopy(text);
  } catch (error) {
    return error;
  }
  return undefined;
};

t.test('the CSTO wire story becomes its article parts', async (t) => {
  const wire = parseWireCopy(readFixture('csto-summit.txt'));
  const gold = articles.find(({ name }) => name.startsWith('00-'))?.article;
  t.equal(wire.title, 'CSTO Summit Adopts Resolutions for Closer Cooperation');
  t.equal(wire.standfirst, "Heads of CSTO member states meet in Moscow for a summit meeting of the CSTO's Collective Security Council");
  t.same(wire.dateline, { place: 'Moscow', source: 'ITAR-TASS' });
  t.equal(wire.datelineDate, null);
  t.same(wire.byline, []);
  const paragraphs = wire.body.split('\n\n');
  t.equal(paragraphs.length, 13);
  t.match(paragraphs[0], /^The leaders of Collective Security Treaty Organization \(CSTO\) member countries — Russia/);
  t.match(paragraphs.at(-1), /goals achieved as a result of closer cooperation\.$/);
  t.equal(wire.body, gold?.body, 'the body is the published text, typographic quotes and all');
  t.notMatch(wire.body, /Discussion Policy|Asbarez|One Comment/);
});

t.test('the fixture articles, joined back into raw wire copy, come apart again', async (t) => {
  for (const { name, article } of articles) {
    const dateline = article.dateline ? `${article.dateline.place.toUpperCase()} (${article.dateline.source})—` : '';
    const wire = parseWireCopy(story(article.title, ...(article.standfirst ? [article.standfirst] : []), dateline + article.body));
    t.same(
      { title: wire.title, standfirst: wire.standfirst, dateline: wire.dateline, body: wire.body },
      { title: article.title, standfirst: article.standfirst, dateline: article.dateline, body: article.body },
      name,
    );
  }
});

t.test('dateline styles of the agencies', async (t) => {
  const cases: [string, string, string | null, string | null][] = [
    ['MOSCOW (ITAR-TASS)—', 'Moscow', 'ITAR-TASS', null],
    ['MOSCOW (ITAR-TASS) —', 'Moscow', 'ITAR-TASS', null],
    ['YEREVAN (Reuters) -', 'Yerevan', 'Reuters', null],
    ['WASHINGTON —', 'Washington', null, null],
    ['WASHINGTON--', 'Washington', null, null],
    ['WASHINGTON (AP) —', 'Washington', 'AP', null],
    ['LONDON, March 3 (AP) —', 'London', 'AP', 'March 3'],
    ['LONDON, MARCH 3 (Reuters) -', 'London', 'Reuters', 'MARCH 3'],
    ['BEIJING, 3 March (Xinhua) --', 'Beijing', 'Xinhua', '3 March'],
    ['NEW YORK, Jan. 5, 2024 /PRNewswire/ --', 'New York', 'PRNewswire', 'Jan. 5, 2024'],
    ['RIO DE JANEIRO (AFP) –', 'Rio de Janeiro', 'AFP', null],
    ['SPRINGFIELD, Ill. (AP) —', 'Springfield, Ill.', 'AP', null],
    ['KYIV, Ukraine —', 'Kyiv, Ukraine', null, null],
    ['WINSTON-SALEM, N.C. (AP) —', 'Winston-Salem, N.C.', 'AP', null],
    ['PORT-AU-PRINCE, HAITI (AP) —', 'Port-au-Prince, Haiti', 'AP', null],
    ["N'DJAMENA, Chad (Reuters) -", "N'Djamena, Chad", 'Reuters', null],
    ['ST. LOUIS (AP) —', 'St. Louis', 'AP', null],
    ['PARIS, March 3 (AFP):', 'Paris', 'AFP', 'March 3'],
  ];
  for (const [dateline, place, source, date] of cases) {
    const wire = parse('Headline', `${dateline} The talks resumed on Monday.`, 'Second paragraph.');
    t.same(wire.dateline, { place, source }, dateline);
    t.equal(wire.datelineDate, date, dateline);
    t.equal(wire.body, story('The talks resumed on Monday.', 'Second paragraph.'), dateline);
  }
});

t.test('any dash ends a dateline, spaced or not', async (t) => {
  for (const dash of ['-', '–', '—', '--']) {
    for (const [before, after] of [[' ', ' '], ['', ''], ['', ' '], [' ', '']]) {
      const text = `YEREVAN (Reuters)${before}${dash}${after}Armenia said on Monday.`;
      const wire = parse('Headline', text);
      t.same(wire.dateline, { place: 'Yerevan', source: 'Reuters' }, JSON.stringify(text));
      t.equal(wire.body, 'Armenia said on Monday.', JSON.stringify(text));
    }
  }
});

t.test('text in capitals is no dateline', async (t) => {
  const openings = [
    'US — China trade talks resumed on Monday.',
    'U.S. — China trade talks resumed on Monday.',
    'THE LEADERS of six countries met on Tuesday — and agreed on little.',
    'WE WILL NOT GIVE UP — SAID THE MINISTER.',
    'BREAKING — The minister has resigned.',
    'UPDATE: The minister has resigned.',
    'PARIS: The minister has resigned.',
    'EXCLUSIVE-Shell plans a sale, sources say.',
    'COVID-19 cases rose again in the capital.',
    'NATO-led forces withdrew on Monday.',
    'Moscow (ITAR-TASS) — The leaders met.',
  ];
  for (const opening of openings) {
    const wire = parse('Headline', opening, 'Second paragraph.');
    t.equal(wire.dateline, null, opening);
    t.equal(wire.datelineDate, null, opening);
    t.equal(wire.body, story(opening, 'Second paragraph.'), opening);
  }
});

t.test('only the paragraph that opens the story can carry the dateline', async (t) => {
  const wire = parse('Headline', 'The talks resumed.', 'Then more.', 'MOSCOW (AP) — A third paragraph.');
  t.equal(wire.dateline, null);
  t.match(wire.body, /MOSCOW \(AP\) — A third paragraph\.$/);
});

t.test('standfirst', async (t) => {
  t.test('a paragraph between the headline and the dateline', async (t) => {
    const wire = parse('Headline', 'Leaders meet in Moscow.', 'MOSCOW (AP) — The leaders met.');
    t.equal(wire.standfirst, 'Leaders meet in Moscow.', 'a final full stop does not matter when a dateline follows');
    t.equal(wire.body, 'The leaders met.');
  });
  t.test('none when the dateline comes first', async (t) => {
    const wire = parse('Headline', 'MOSCOW (AP) — The leaders met.', 'Leaders meet in Moscow');
    t.equal(wire.standfirst, null);
    t.equal(wire.body, story('The leaders met.', 'Leaders meet in Moscow'));
  });
  t.test('without a dateline, a short paragraph that does not end like a sentence', async (t) => {
    const wire = parse('Headline', 'Leaders meet in Moscow for a summit', 'The leaders met.', 'They agreed.');
    t.equal(wire.standfirst, 'Leaders meet in Moscow for a summit');
    t.equal(wire.body, story('The leaders met.', 'They agreed.'));
  });
  t.test('without a dateline, a first paragraph that ends like a sentence is the lede', async (t) => {
    for (const lede of ['The leaders met.', 'Did the leaders meet?', '“The leaders met,” he said.']) {
      const wire = parse('Headline', lede, 'They agreed.');
      t.equal(wire.standfirst, null, lede);
      t.equal(wire.body, story(lede, 'They agreed.'), lede);
    }
  });
  t.test('never longer than 300 characters', async (t) => {
    const long = 'Leaders meet in Moscow '.repeat(14).trim();
    t.equal(parse('Headline', long, 'The leaders met.').standfirst, null);
    const wire = parse('Headline', long, 'MOSCOW (AP) — The leaders met.');
    t.equal(wire.standfirst, null);
    t.equal(wire.dateline, null, 'the dateline is looked for right under the headline or a standfirst');
  });
  t.test('a bullet summary above the dateline stays at the top of the body', async (t) => {
    const wire = parseWireCopy('Headline\n\n* Leaders meet\n* Documents adopted\n\nLONDON, March 3 (Reuters) - The leaders met.');
    t.equal(wire.standfirst, null);
    t.same(wire.dateline, { place: 'London', source: 'Reuters' });
    t.equal(wire.body, story('- Leaders meet\n- Documents adopted', 'The leaders met.'));
  });
  t.test('never the only paragraph of the story', async (t) => {
    const wire = parse('Headline', 'Leaders meet in Moscow');
    t.equal(wire.standfirst, null);
    t.equal(wire.body, 'Leaders meet in Moscow');
  });
});

t.test('byline', async (t) => {
  t.test('names are taken out of a "By" line under the headline', async (t) => {
    const wire = parse('Headline', 'By Jane Doe and John Roe', 'WASHINGTON (AP) — The talks resumed.');
    t.same(wire.byline, ['Jane Doe', 'John Roe']);
    t.equal(wire.standfirst, null);
    t.equal(wire.body, 'The talks resumed.');
  });
  t.test('agency, desk and place after the names are left out', async (t) => {
    const cases: [string, string[]][] = [
      ['By JANE DOE, Associated Press', ['Jane Doe']],
      ['By Ann Poe, Bob Roe, and Cy van der Berg', ['Ann Poe', 'Bob Roe', 'Cy van der Berg']],
      ['BY MARY O’BRIEN AND JOHN ROE | Reuters', ['Mary O’Brien', 'John Roe']],
      ['By Jane Doe in Moscow', ['Jane Doe']],
      ['By Reuters Staff', []],
    ];
    for (const [line, byline] of cases) {
      const wire = parse('Headline', line, 'The talks resumed.');
      t.same(wire.byline, byline, line);
      t.equal(wire.body, 'The talks resumed.', line);
    }
  });
  t.test('an AP byline with the agency on the next line, before or after the standfirst', async (t) => {
    const ap = parseWireCopy('Headline\nBy JANE DOE\nAssociated Press\n\nWASHINGTON (AP) — The talks resumed.');
    t.same(ap.byline, ['Jane Doe']);
    t.equal(ap.body, 'The talks resumed.');
    const late = parse('Headline', 'Talks resume in Washington', 'By Jane Doe', 'WASHINGTON (AP) — The talks resumed.');
    t.same(late.byline, ['Jane Doe']);
    t.equal(late.standfirst, 'Talks resume in Washington');
  });
  t.test('a sentence that starts with "By" stays in the body', async (t) => {
    const wire = parse('Headline', 'By noon, the crowd had gathered.', 'By Friday Night, Lights Out was sold out.');
    t.same(wire.byline, []);
    t.equal(wire.body, story('By noon, the crowd had gathered.', 'By Friday Night, Lights Out was sold out.'));
  });
});

t.test('page furniture is left out', async (t) => {
  const lede = 'MOSCOW (AP) — The leaders met.';
  t.test('closing sections: policies, comments, related links', async (t) => {
    const endings = [
      ['Discussion Policy', 'Comments are welcomed and encouraged.', 'One Comment;', 'Jane: I agree.'],
      ['Comments policy', 'Be kind.'],
      ['Comment Policy:', 'Be kind.'],
      ['3 Comments', 'Jane: I agree.', 'Leave a Reply'],
      ['No comments yet', 'Leave a Reply'],
      ['Leave a Reply Cancel reply', 'Your email address will not be published.'],
      ['Related articles', 'Leaders met last year.', 'Leaders will meet again.'],
      ['Related:'],
    ];
    for (const ending of endings) {
      t.equal(parse('Headline', lede, 'They agreed.', ...ending).body, story('The leaders met.', 'They agreed.'), ending.join(' / '));
    }
  });
  t.test('furniture lines anywhere in the story', async (t) => {
    const lines = [
      'Advertisement',
      'ADVERTISEMENT',
      'Story continues below advertisement',
      'Share this:',
      'Facebook Twitter WhatsApp Email',
      'Related: Leaders met last year',
      'Read more: Leaders met last year',
      'READ MORE',
      'Follow us on Telegram',
      'Follow Dateline on X',
      'Sign up for our daily newsletter',
      '* * *',
    ];
    for (const line of lines) t.equal(parse('Headline', lede, line, 'They agreed.').body, story('The leaders met.', 'They agreed.'), line);
  });
  t.test('copyright lines and end marks at the end', async (t) => {
    for (const trailer of ['© 2024 Asbarez', 'Copyright 2024 The Associated Press. All rights reserved.', 'All rights reserved.', '-30-', '###', 'ENDS']) {
      t.equal(parse('Headline', lede, 'They agreed.', trailer).body, story('The leaders met.', 'They agreed.'), trailer);
    }
  });
  t.test('a comment counter next to the headline does not end the story', async (t) => {
    const wire = parse('Headline', '12 comments', 'Leaders meet in Moscow', 'Share this:', lede, 'They agreed.');
    t.equal(wire.standfirst, 'Leaders meet in Moscow');
    t.same(wire.dateline, { place: 'Moscow', source: 'AP' });
    t.equal(wire.body, story('The leaders met.', 'They agreed.'));
  });
  t.test('story text that only looks like furniture is kept', async (t) => {
    const kept = [
      'Read more books, the minister urged.',
      'Copyright law will change in 2025, the minister said.',
      'Related talks were held in Minsk.',
    ];
    t.equal(parse('Headline', lede, ...kept).body, story('The leaders met.', ...kept));
  });
  t.test('agency credits are kept: they are the story’s attribution', async (t) => {
    const credits = '(Reporting by Jane Doe; Editing by John Roe)';
    t.equal(parse('Headline', lede, credits, '© Reuters 2024').body, story('The leaders met.', credits));
  });
});

t.test('input normalization', async (t) => {
  const expected = story('The leaders met.', 'They agreed.');
  t.test('line endings, BOM, odd spaces, control characters and runs of blank lines', async (t) => {
    const variants = {
      crlf: 'Headline\r\n\r\nMOSCOW (AP) — The leaders met.\r\n\r\nThey agreed.\r\n',
      cr: 'Headline\r\rMOSCOW (AP) — The leaders met.\r\rThey agreed.',
      bom: '\ufeffHeadline\n\nMOSCOW (AP) — The leaders met.\n\nThey agreed.',
      nbsp: 'Headline\n\nMOSCOW\u00a0(AP)\u00a0— The\u00a0leaders  met.\u00a0\n\u00a0\nThey\tagreed.',
      trailingSpaces: 'Headline   \n   \nMOSCOW (AP) — The leaders met.   \n\t\nThey agreed.  ',
      blankRuns: '\n\n\nHeadline\n\n\n\n\nMOSCOW (AP) — The leaders met.\n\n\n\nThey agreed.\n\n\n',
      separators: 'Headline\u2029MOSCOW (AP) — The leaders met.\u2029They agreed.',
      controls: 'Head\u0000line\n\nMOSCOW (AP) — The lead\u0007ers met.\n\nThey agreed.\u200b',
    };
    for (const [name, text] of Object.entries(variants)) {
      const wire = parseWireCopy(text);
      t.equal(wire.title, 'Headline', name);
      t.same(wire.dateline, { place: 'Moscow', source: 'AP' }, name);
      t.equal(wire.body, expected, name);
    }
  });
  t.test('hard-wrapped paragraphs are joined again', async (t) => {
    const wrapped = [
      'CSTO Summit Adopts Resolutions for Closer Cooperation',
      '',
      'MOSCOW (ITAR-TASS)—The leaders of Collective Security Treaty',
      'Organization (CSTO) member countries—',
      'Russia, Armenia and Belarus—have adopted 22 documents at the',
      'summit, citing the Armenian-',
      'Azerbaijani border.',
      '',
      'They agreed.',
    ].join('\n');
    const wire = parseWireCopy(wrapped);
    t.same(wire.dateline, { place: 'Moscow', source: 'ITAR-TASS' });
    t.equal(
      wire.body,
      story(
        'The leaders of Collective Security Treaty Organization (CSTO) member countries—Russia, Armenia and Belarus—have adopted 22 documents at the summit, citing the Armenian-Azerbaijani border.',
        'They agreed.',
      ),
    );
  });
  t.test('without blank lines, indented lines start paragraphs', async (t) => {
    const wire = parseWireCopy('Headline\n    MOSCOW (AP) — The leaders\nmet.\n\tThey\nagreed.');
    t.equal(wire.body, expected);
  });
  t.test('without blank lines or indentation, every line is a paragraph', async (t) => {
    const wire = parseWireCopy('Headline\nLeaders meet in Moscow\nMOSCOW (AP) — The leaders met.\nThey agreed.');
    t.equal(wire.standfirst, 'Leaders meet in Moscow');
    t.equal(wire.body, expected);
  });
  t.test('bullet lines become a Markdown list', async (t) => {
    const wire = parseWireCopy('Headline\n\nThe leaders adopted:\n* a joint statement\n• 19 resolutions, and\ntwo protocols\n\nThey agreed.');
    t.equal(wire.body, story('The leaders adopted:\n- a joint statement\n- 19 resolutions, and two protocols', 'They agreed.'));
  });
});

t.test('text that cannot be an article', async (t) => {
  const cases: [string, string, string][] = [
    ['', 'body', 'empty'],
    [' \n\t\r\n\u00a0\ufeff', 'body', 'whitespace only'],
    ['CSTO Summit Adopts Resolutions', 'body', 'a headline alone'],
    ['CSTO Summit Adopts Resolutions\n\n\n', 'body', 'a headline and blank lines'],
    [story('Headline', 'Discussion Policy', 'One Comment;', '© 2024 Asbarez'), 'body', 'a headline and furniture'],
    [story('Headline', '— — —'), 'body', 'a headline and no words'],
    [story('x'.repeat(301), 'The leaders met.'), 'title', 'a headline over 300 characters'],
    [story('MOSCOW (AP) — The leaders met.', 'They agreed.'), 'title', 'a story without a headline'],
    [story('— — —', 'The leaders met.'), 'title', 'a headline without words'],
  ];
  t.equal(parse('RUSSIA — Ukraine talks resume in Istanbul', 'The talks resumed.').title, 'RUSSIA — Ukraine talks resume in Istanbul', 'a headline that only looks like a bare dateline is kept');
  for (const [text, field, name] of cases) {
    const error = failure(text);
    t.ok(error instanceof WireCopyError, name);
    t.equal((error as WireCopyError).field, field, name);
    t.ok((error as WireCopyError).message.length > 0, name);
  }
  t.equal(parseWireCopy(story('x'.repeat(300), 'The leaders met.')).title.length, 300, 'a 300-character headline is fine');
});

// A small deterministic generator, so that a failing input can be reproduced.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

t.test('any string either parses or is refused with a WireCopyError', async (t) => {
  const next = random(20240303);
  const pieces = [
    '\u0000', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '\u00a0', '\ufeff', '\u2028', '\u2029', '\u202e',
    '—', '–', '-', '--', '(', ')', '/', ':', ',', '.', '“', '”', '*', '•', '©', '#',
    'MOSCOW', 'RIO DE JANEIRO', '(AP)', 'By ', ' and ', 'Jane Doe', 'March 3', 'US', 'the leaders met',
    'Discussion Policy', '3 Comments', 'Share this:', 'Advertisement',
    '😀', '👩‍👩‍👧', 'مرحبا بالعالم', 'שלום', 'Пашинян', 'Հայաստան', '東京',
  ];
  const pick = () => pieces[Math.floor(next() * pieces.length)] ?? '';
  const codeUnits = () => String.fromCharCode(...Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 0x10000)));
  const inputs = [
    ...Array.from({ length: 400 }, () => Array.from({ length: Math.floor(next() * 60) }, pick).join('')),
    ...Array.from({ length: 100 }, codeUnits),
    '-'.repeat(5000),
    '—\n'.repeat(500),
    `Headline\n\n${'A'.repeat(200_000)} — x`,
    `Headline\n\n${'A-'.repeat(100_000)}`,
    `Headline\n\n${'By '.repeat(50_000)}`,
    `Headline\n\n${'Facebook '.repeat(10_000)}`,
  ];
  let parsed = 0;
  for (const input of inputs) {
    try {
      const wire = parseWireCopy(input);
      parsed++;
      const texts = [wire.title, wire.standfirst ?? '', wire.body, wire.dateline?.place ?? '', ...wire.byline];
      if (!(wire.title.length <= 300 && /[\p{L}\p{N}]/u.test(wire.body) && (wire.standfirst ?? '').length <= 300) || texts.some((text) => /[\u0000-\u0008\u000e-\u001f]/.test(text))) {
        t.fail(`bad result for ${JSON.stringify(input)}`);
      }
    } catch (error) {
      if (!(error instanceof WireCopyError)) t.fail(`${String(error)} for ${JSON.stringify(input)}`);
    }
  }
  t.ok(parsed > 0, 'some of them parse');
  t.pass(`${inputs.length} inputs`);
});
