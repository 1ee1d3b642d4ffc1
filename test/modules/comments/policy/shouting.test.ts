import t from 'tap';
import { prepareComment } from '../../../../src/modules/comments/policy/normalize.js';
import { checkShouting, shoutedShare } from '../../../../src/modules/comments/policy/shouting.js';

const review = (body: string) => prepareComment(body, { readerHasApprovedHistory: true });

t.test('comments mostly in capitals shout', async (t) => {
  t.equal(checkShouting(review('THIS IS AN OUTRAGE AND EVERYONE KNOWS IT')), '100% of the letters are capitals');
  t.ok(shoutedShare('STOP THIS NOW YOU ARE ALL WRONG'), 'short words only: counted anyway');
  t.ok(shoutedShare('THE CSTO AND NATO MET IN MOSCOW TO DISCUSS SECURITY'), 'acronyms in a shouted sentence');
  t.ok(shoutedShare('ЭТО ВОЗМУТИТЕЛЬНО, ВСЕ ОБ ЭТОМ ЗНАЮТ'), 'Cyrillic has case');
  t.ok(shoutedShare('ԱՄՈԹ Է, ԲՈԼՈՐԸ ԳԻՏԵՆ ԴՐԱ ՄԱՍԻՆ'), 'Armenian has case');
  t.ok(shoutedShare('MOSTLY CAPITALS WITH ONLY A FEW LOWER case words'), 'about 75% is enough');
  t.ok(shoutedShare('THIS IS A DISGRACE, the CSTO SHOULD BE ASHAMED'), 'a shouted sentence with an acronym in it');
});

t.test('acronyms in a normal sentence, short comments and caseless scripts do not', async (t) => {
  for (const text of [
    'The CSTO and NATO met in Moscow; the OSCE and the UN were not invited.',
    'CSTO, NATO, OSCE, EU, UN',
    'THANK YOU',
    'WHY IS THIS NOT NEWS',
    'I agree with the USA on this',
    '感谢这篇文章。我希望高加索地区早日实现和平。',
    'شكرا على المقال. أتمنى أن يتحقق السلام في المنطقة.',
    'Спасибо за статью, ОДКБ и НАТО должны договориться.',
    'Mostly lower case with SOME CAPITALS here',
    '',
  ]) {
    t.equal(checkShouting(review(text)), undefined, text);
  }
});
