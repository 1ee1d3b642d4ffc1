import { readFileSync } from 'node:fs';
import t from 'tap';
import { evaluateComment } from '../../../../src/modules/comments/policy/evaluate.js';
import { DISCUSSION_POLICY_RULES } from '../../../../src/modules/comments/policy/rules.js';

const newReader = { readerHasApprovedHistory: false };
const knownReader = { readerHasApprovedHistory: true };
const codes = (body: string, context = knownReader) => evaluateComment(body, context).verdicts.map((verdict) => verdict.code);

t.test('every comment rule in the published table is enforced', async (t) => {
  const breaking: Record<string, string> = {
    threat: 'I know where you live.',
    'death-wish': 'kys',
    'personal-attack': 'you are an idiot',
    profanity: 'what a load of sh1t',
    'link-spam': 'cheap.com best.net deals.org',
    'unvetted-link': 'see example.com',
    shouting: 'THIS IS AN OUTRAGE AND EVERYONE KNOWS IT',
    repetition: 'first!!!!!!!!!!',
  };
  for (const rule of DISCUSSION_POLICY_RULES.filter((rule) => rule.scope === 'comment')) {
    const body = breaking[rule.code];
    t.ok(body, `an example breaks ${rule.code}`);
    const verdict = evaluateComment(body ?? '', newReader).verdicts.find((found) => found.code === rule.code);
    t.equal(verdict?.action, rule.action, `${rule.code} is reported with its action`);
  }
});

t.test('reject beats hold beats approve, and verdicts follow the table’s order', async (t) => {
  t.same(evaluateComment('Thank you for the report.', newReader), { decision: 'approve', verdicts: [] });
  t.same(evaluateComment('This is f.u.c.k ridiculous', knownReader), {
    decision: 'hold',
    verdicts: [{ code: 'profanity', action: 'hold', detail: 'matched "f.u.c.k"' }],
  });
  const outcome = evaluateComment('SHUT UP, LOSER. I WILL FIND YOU AND THEN YOU WILL SEE', knownReader);
  t.equal(outcome.decision, 'reject');
  t.same(
    outcome.verdicts.map((verdict) => [verdict.code, verdict.action]),
    [
      ['threat', 'reject'],
      ['personal-attack', 'hold'],
      ['shouting', 'hold'],
    ],
  );
});

t.test('whether a link is held depends on the reader’s history', async (t) => {
  const body = 'The full communiqué is at https://www.csto.org/news';
  t.same(codes(body, newReader), ['unvetted-link']);
  t.same(codes(body, knownReader), []);
  t.same(codes('Sources: tass.ru, news.am and https://www.csto.org', knownReader), ['link-spam']);
});

t.test('civil comments in many languages are approved', async (t) => {
  const civil = [
    'I think you are mistaken about the treaty: Armenia signed it in 2002.',
    'The minister is wrong, and this policy is idiotic, but kill the bill by voting, not by shouting.',
    'Dick Cheney visited Scunthorpe and Penistone; a therapist read Dickens over a cocktail in Essex.',
    'The CSTO and NATO met; the OSCE was not invited. Drug trafficking and the Shiite militias were discussed.',
    'Спасибо за статью! Надеюсь, что переговоры в Москве принесут мир на Кавказе.',
    'Կարծում եմ, որ ՀԱՊԿ-ը պետք է ավելի ակտիվ լինի Հարավային Կովկասում։',
    'Merci pour cet article, c’est assez compliqué mais passionnant.',
    'Danke für den Artikel, die Analyse der Lage ist sehr gut.',
    'Gracias por el análisis; el conflicto de Nagorno-Karabaj necesita una solución.',
    'شكرا على المقال. أتمنى أن يتحقق السلام في المنطقة قريبا.',
    '感谢这篇文章。我希望高加索地区早日实现和平。',
  ];
  for (const body of civil) t.same(evaluateComment(body, newReader), { decision: 'approve', verdicts: [] }, body);
});

t.test('a whole wire story pasted as a comment is not held', async (t) => {
  const story = readFileSync(new URL('../../../fixtures/csto-summit.txt', import.meta.url), 'utf8');
  t.same(evaluateComment(story, knownReader), { decision: 'approve', verdicts: [] });
});

t.test('details are plain text even when the comment is not', async (t) => {
  const outcome = evaluateComment('<b>f*ck</b> <script>alert("you are an idiot")</script>', knownReader);
  t.same(
    outcome.verdicts.map((verdict) => verdict.code),
    ['personal-attack', 'profanity'],
  );
  for (const { detail } of outcome.verdicts) t.notMatch(detail, /[<>&]/, detail);
});

t.test('an empty comment breaks no rule', async (t) => {
  t.same(evaluateComment('', newReader), { decision: 'approve', verdicts: [] });
});
