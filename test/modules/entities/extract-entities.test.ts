import { readFileSync } from 'node:fs';
import t from 'tap';
import { buildAnalysisText, createEntityMatcher, extractEntities, type ArticleText, type EntityType, type ExtractedEntity } from '../../../src/modules/entities/extract/extract-entities.js';
import { TITLE_HEADS, TITLE_PREFIXES } from '../../../src/modules/entities/extract/name-rules.js';
import { wordKey } from '../../../src/modules/entities/extract/normalize.js';

const fixture = (file: string): ArticleText => JSON.parse(readFileSync(new URL(`../../fixtures/articles/${file}`, import.meta.url), 'utf8')) as ArticleText;
const find = (entities: ExtractedEntity[], type: EntityType, name: string) => entities.find((e) => e.type === type && e.name === name);
const names = (entities: ExtractedEntity[], type: EntityType) => entities.filter((e) => e.type === type).map((e) => e.name).sort();

t.test('the CSTO wire story yields its people, bodies and places', async (t) => {
  const entities = extractEntities(fixture('00-csto-summit.json'));
  for (const name of ['Yury Ushakov', 'Serzh Sarkisian', 'Edward Nalbandian', 'Seyran Ohanian', 'Nikolai Bordyuzha']) {
    t.ok(find(entities, 'person', name), `person ${name}`);
  }
  t.ok((find(entities, 'person', 'Serzh Sarkisian')?.mentions ?? 0) >= 4, '"Sarkisian" alone counts for Serzh Sarkisian');
  t.same(find(entities, 'organization', 'Collective Security Treaty Organization')?.aliases, ['CSTO']);
  for (const name of ['ITAR-TASS', 'Collective Security Council']) t.ok(find(entities, 'organization', name), `organization ${name}`);
  const places = ['Moscow', 'Russia', 'Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Ukraine', 'Central Asia', 'South Caucasus', 'Nagorno-Karabakh'];
  for (const name of places) t.ok(find(entities, 'place', name), `place ${name}`);
  for (const bad of ['President', 'Russian', 'Armenian', 'Afghan', 'Affairs Edward Nalbandian']) {
    t.notOk(entities.some((e) => e.name === bad), `nothing named ${bad}`);
  }
  const titled = entities.filter((e) => {
    const first = wordKey(e.name.split(/[\s-]/)[0] ?? '');
    return TITLE_HEADS.has(first) || (TITLE_PREFIXES.has(first) && e.type === 'person');
  });
  t.same(titled.map((e) => e.name), [], 'no name starts with a title');
});

t.test('the CSTO acronym, used before it is defined, counts everywhere', async (t) => {
  const article = fixture('00-csto-summit.json');
  const csto = find(extractEntities(article), 'organization', 'Collective Security Treaty Organization');
  t.equal(csto?.firstOffset, 0, 'first seen in the headline');
  t.ok((csto?.mentions ?? 0) > 10);
  t.equal(csto?.salience, 1, 'named in the headline and most often');
});

t.test('offsets point at a mention in the analysis text', async (t) => {
  for (const file of ['00-csto-summit.json', '01-bbc-shell-new-boss.json', '02-dafanews-fc-goa-pena.json', '03-ria-pashinyan-resignation.json']) {
    const article = fixture(file);
    const { text } = buildAnalysisText(article);
    for (const entity of extractEntities(article)) {
      const forms = [entity.name, ...entity.aliases, ...entity.name.split(' ')];
      t.ok(forms.some((form) => text.startsWith(form, entity.firstOffset)), `${file}: ${entity.name} at ${entity.firstOffset}`);
      t.ok(entity.salience >= 0 && entity.salience <= 1);
      t.ok(entity.mentions >= 1);
    }
  }
});

t.test('honorifics and particles: Sir Philip Watts and Mr van der Veer', async (t) => {
  const entities = extractEntities(fixture('01-bbc-shell-new-boss.json'));
  t.equal(find(entities, 'person', 'Jeroen van der Veer')?.mentions, 2);
  t.ok(find(entities, 'person', 'Philip Watts'));
  t.same(find(entities, 'organization', 'Securities and Exchange Commission')?.aliases, ['SEC']);
  t.equal(find(entities, 'organization', 'Shell')?.mentions, 3, 'possessive "Shell\'s" counts');
});

t.test('known entities win over new candidates and keep their id, name and type', async (t) => {
  const matcher = createEntityMatcher([
    { id: 'p1', name: 'Serzh Sargsyan', type: 'person', aliases: ['Serzh Sarkisian'] },
    { id: 'o1', name: 'Kremlin', type: 'organization', aliases: [] },
    { id: 'o2', name: 'Collective Security Treaty Organization', type: 'organization', aliases: [] },
  ]);
  const entities = extractEntities(fixture('00-csto-summit.json'), matcher);
  const person = entities.find((e) => e.knownId === 'p1');
  t.equal(person?.name, 'Serzh Sargsyan');
  t.ok((person?.mentions ?? 0) >= 4, 'the surname still resolves to the known person');
  t.notOk(find(entities, 'person', 'Serzh Sarkisian'), 'no second entity for the known one');
  t.equal(entities.find((e) => e.knownId === 'o1')?.type, 'organization', 'the known type wins over the gazetteer');
  t.same(entities.find((e) => e.knownId === 'o2')?.aliases, ['CSTO'], 'an acronym defined in the text is a new alias');
});

t.test('a politics story under a Reuters dateline', async (t) => {
  const entities = extractEntities({
    title: 'Armenia and Azerbaijan agree to resume border talks',
    dateline: { place: 'YEREVAN', source: 'Reuters' },
    body: [
      'Armenia and Azerbaijan will resume talks on demarcating their shared border next month, Armenian Deputy Prime Minister Mher Grigoryan said on Wednesday after meeting his Azerbaijani counterpart Shahin Mustafayev in the town of Gazakh.',
      'The two commissions agreed to hold the next round in Yerevan, Grigoryan told reporters. The European Union and Russia have both offered to mediate, but Baku has insisted on direct talks without intermediaries.',
      "The Eurasia Partnership Foundation (EPF), a Yerevan-based think tank, welcomed the announcement. Moscow's foreign ministry spokeswoman Maria Zakharova said Russia remained ready to help, while EPF director Gevorg Ter-Gabrielyan urged both sides to publish the maps.",
    ].join('\n\n'),
  });
  t.same(names(entities, 'person'), ['Gevorg Ter-Gabrielyan', 'Maria Zakharova', 'Mher Grigoryan', 'Shahin Mustafayev']);
  t.same(names(entities, 'organization'), ['Eurasia Partnership Foundation', 'European Union', 'Reuters']);
  t.same(names(entities, 'place'), ['Armenia', 'Azerbaijan', 'Baku', 'Gazakh', 'Moscow', 'Russia', 'Yerevan']);
  t.equal(find(entities, 'place', 'Yerevan')?.mentions, 3, 'dateline, body and "Yerevan-based"');
  t.equal(find(entities, 'person', 'Mher Grigoryan')?.mentions, 2);
});

t.test('a football report', async (t) => {
  const entities = extractEntities({
    title: 'Salah double sends Liverpool top as Arsenal stumble at Villa Park',
    body: [
      'Mohamed Salah scored twice as Liverpool beat Brighton & Hove Albion 2-1 at Anfield on Saturday to move top of the Premier League, while Arsenal were held 0-0 by Aston Villa.',
      'Brighton had taken an early lead through Danny Welbeck, but the Egyptian forward turned the game around after the break. "Mo is Mo," Liverpool manager Arne Slot told the BBC.',
      "At Villa Park, Unai Emery's side frustrated Mikel Arteta's team, with goalkeeper Emiliano Martinez producing a fine save from Bukayo Saka in stoppage time. Arteta said his players \"deserved more\".",
    ].join('\n\n'),
  });
  t.same(names(entities, 'person'), ['Arne Slot', 'Bukayo Saka', 'Danny Welbeck', 'Emiliano Martinez', 'Mikel Arteta', 'Mohamed Salah', 'Unai Emery']);
  t.equal(find(entities, 'organization', 'Liverpool')?.mentions, 3, 'a city named with its manager is the club');
  for (const club of ['Brighton & Hove Albion', 'Premier League', 'Aston Villa', 'BBC']) t.ok(find(entities, 'organization', club), club);
  t.ok(find(entities, 'place', 'Villa Park'));
  t.notOk(entities.some((e) => e.name === 'Egyptian'));
});

t.test('a business story under an AP dateline', async (t) => {
  const entities = extractEntities({
    title: 'BP profit falls as oil prices slide',
    dateline: { place: 'LONDON', source: 'AP' },
    body: [
      'BP said on Tuesday that its second-quarter profit fell by more than half as lower oil and gas prices hit earnings, sending its shares down 3% in London.',
      'Chief Executive Murray Auchincloss told analysts the company would keep buying back shares. Rival Shell reported a smaller drop last week.',
      '"We are delivering on our strategy," Auchincloss said. The Financial Conduct Authority (FCA) is reviewing the company\'s disclosures.',
    ].join('\n\n'),
  });
  t.same(names(entities, 'organization'), ['AP', 'BP', 'Financial Conduct Authority', 'Shell']);
  t.same(find(entities, 'organization', 'AP')?.aliases, ['Associated Press'], "the gazetteer's full name becomes an alias");
  t.equal(find(entities, 'place', 'London')?.mentions, 2, 'the shouted dateline is the same place');
  t.equal(find(entities, 'person', 'Murray Auchincloss')?.mentions, 2);
});

t.test('an article without names yields nothing', async (t) => {
  t.same(extractEntities({ title: 'Markets are calm', standfirst: null, body: 'Prices rose a little on Monday.', dateline: null }), []);
});
