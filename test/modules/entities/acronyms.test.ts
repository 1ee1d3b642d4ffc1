import t from 'tap';
import { acronymFits, findAcronymDefinitions, isAcronym } from '../../../src/modules/entities/extract/acronyms.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const words = (s: string) => s.split(' ');

t.test('an acronym fits the initials of its long form', async (t) => {
  t.ok(acronymFits('CSTO', words('Collective Security Treaty Organization')));
  t.ok(acronymFits('SEC', words('Securities and Exchange Commission')), '"and" gives no letter');
  t.ok(acronymFits('DoD', words('Department of Defense')), '"of" may give one');
  t.ok(acronymFits('OPEC', words('Organization of the Petroleum Exporting Countries')));
  t.ok(acronymFits('NASA', words('National Aeronautics and Space Administration')));
  t.ok(acronymFits('OSCE', words('Organization for Security and Co-operation in Europe')));
  t.ok(acronymFits('FIFA', words('Federation Internationale de Football Association')));
  t.notOk(acronymFits('SEC', words('US Securities and Exchange Commission')), 'every word must give a letter');
  t.notOk(acronymFits('CSTO', words('Collective Security Council')));
  t.notOk(acronymFits('A', words('Alpha Beta')));
});

const definitions = (text: string) => {
  const tokens = tokenize(text);
  return findAcronymDefinitions(tokens, 0, tokens.length).map((d) => ({
    acronym: tokens[d.acronymAt]?.text,
    long: tokens.slice(d.longStart, d.longEnd).map((x) => x.text).join(' '),
  }));
};

t.test('long form first, acronym in brackets', async (t) => {
  t.same(definitions('The leaders of Collective Security Treaty Organization (CSTO) member countries'), [{ acronym: 'CSTO', long: 'Collective Security Treaty Organization' }]);
  t.same(definitions('the US Securities and Exchange Commission (SEC) to launch'), [{ acronym: 'SEC', long: 'Securities and Exchange Commission' }]);
  t.same(definitions('The Eurasia Partnership Foundation (EPF), a think tank'), [{ acronym: 'EPF', long: 'Eurasia Partnership Foundation' }], 'not from "The"');
  t.same(definitions('the Board of Control for Cricket in India (BCCI) said'), [{ acronym: 'BCCI', long: 'Board of Control for Cricket in India' }]);
});

t.test('acronyms are mostly capitals', async (t) => {
  const [csto, boe, tass, mcdonald, lower, long] = tokenize('CSTO BoE ITAR-TASS McDonald csto ABCDEFGHIJK');
  t.ok(isAcronym(csto));
  t.ok(isAcronym(boe));
  t.ok(isAcronym(tass));
  t.notOk(isAcronym(mcdonald));
  t.notOk(isAcronym(lower));
  t.notOk(isAcronym(long));
  t.notOk(isAcronym(undefined));
  t.same(definitions('The Bank of England (BoE) said'), [{ acronym: 'BoE', long: 'Bank of England' }]);
});

t.test('acronym first, long form in brackets', async (t) => {
  t.same(definitions('the CSTO (Collective Security Treaty Organization) met'), [{ acronym: 'CSTO', long: 'Collective Security Treaty Organization' }]);
  t.same(definitions('the CSTO (a military alliance) met'), []);
});

t.test('brackets that define nothing', async (t) => {
  t.same(definitions('Moscow (ITAR-TASS) reported'), []);
  t.same(definitions('the Kremlin (CSTO) said'), []);
  t.same(definitions('(CSTO) at the start'), []);
  t.same(definitions('a summit (2024) ended'), []);
});
