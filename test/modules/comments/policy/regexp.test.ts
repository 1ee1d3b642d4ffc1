import t from 'tap';
import { escapeRegExp } from '../../../../src/modules/comments/policy/regexp.js';

t.test('escaped text matches itself literally', async (t) => {
  for (const text of ['philip k. dick', 'a$$ (hole)', 'f*ck+[x]{2}|y^z\\/', 'brain-dead', "shi'ite"]) {
    t.ok(new RegExp(`^${escapeRegExp(text)}$`).test(text), text);
    t.ok(new RegExp(`^${escapeRegExp(text)}$`, 'u').test(text), `${text} with the u flag`);
  }
  t.notOk(new RegExp(escapeRegExp('k.')).test('kx'), 'a dot is only a dot');
});
