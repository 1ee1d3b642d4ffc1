import t from 'tap';
import { buildAnalysisText } from '../../../src/modules/entities/extract/analysis-text.js';

t.test('title, standfirst, dateline and body, separated by blank lines', async (t) => {
  const analysis = buildAnalysisText({
    title: ' CSTO  Summit ',
    standfirst: 'Heads meet',
    dateline: { place: 'MOSCOW', source: 'ITAR-TASS' },
    body: 'The leaders met.\n\nThey agreed.\n',
  });
  t.equal(analysis.text, 'CSTO Summit\n\nHeads meet\n\nMOSCOW (ITAR-TASS)\n\nThe leaders met.\n\nThey agreed.');
  t.same(analysis.segments.map((s) => [s.kind, analysis.text.slice(s.start, s.end)]), [
    ['title', 'CSTO Summit'],
    ['standfirst', 'Heads meet'],
    ['dateline', 'MOSCOW (ITAR-TASS)'],
    ['body', 'The leaders met.\n\nThey agreed.'],
  ]);
  t.equal(analysis.text.slice(analysis.datelinePlace?.start, analysis.datelinePlace?.end), 'MOSCOW');
  t.equal(analysis.text.slice(analysis.datelineSource?.start, analysis.datelineSource?.end), 'ITAR-TASS');
});

t.test('missing parts are left out', async (t) => {
  const onlyBody = buildAnalysisText({ title: 'Title', standfirst: null, dateline: null, body: 'Body' });
  t.equal(onlyBody.text, 'Title\n\nBody');
  t.equal(onlyBody.datelinePlace, undefined);
  const sourceOnly = buildAnalysisText({ title: 'Title', body: 'Body', dateline: { source: 'Reuters' } });
  t.equal(sourceOnly.text, 'Title\n\nReuters\n\nBody');
  t.equal(sourceOnly.text.slice(sourceOnly.datelineSource?.start, sourceOnly.datelineSource?.end), 'Reuters');
  const placeOnly = buildAnalysisText({ title: 'Title', body: 'Body', dateline: { place: 'Yerevan', source: '' } });
  t.equal(placeOnly.text, 'Title\n\nYerevan\n\nBody');
  t.equal(placeOnly.datelineSource, undefined);
});
