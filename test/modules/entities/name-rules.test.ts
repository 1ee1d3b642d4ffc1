import t from 'tap';
import { looksLikeBrand, looksLikeSurname, singular } from '../../../src/modules/entities/extract/name-rules.js';

t.test('capitals inside a word mark a brand, not a family name', async (t) => {
  for (const brand of ['OpenAI', 'DeepMind', 'JPMorgan', 'YouTube']) t.ok(looksLikeBrand(brand), brand);
  for (const name of ['McDonald', 'MacArthur', 'DiCaprio', 'LeBron', "O'Brien", 'Moscow', 'CSTO']) t.notOk(looksLikeBrand(name), name);
});

t.test('family-name endings of many languages', async (t) => {
  for (const name of ['sarkisian', 'gevorgyan', 'ushakov', 'aliyev', 'saakashvili', 'kowalski', 'popescu', 'fernandez']) t.ok(looksLikeSurname(name), name);
  for (const word of ['moscow', 'ukraine', 'council', 'ian']) t.notOk(looksLikeSurname(word), word);
});

t.test('plural heads of bodies', async (t) => {
  t.equal(singular('councils'), 'council');
  t.equal(singular('commissions'), 'commission');
  t.equal(singular('ministers'), 'ministers');
  t.equal(singular('news'), 'news');
});
