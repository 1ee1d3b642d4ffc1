import t from 'tap';
import { checkDeathWish, checkPersonalAttack, checkThreat } from '../../../../src/modules/comments/policy/attacks.js';
import { prepareComment } from '../../../../src/modules/comments/policy/normalize.js';

const review = (body: string) => prepareComment(body, { readerHasApprovedHistory: true });
const attack = (body: string) => checkPersonalAttack(review(body));
const deathWish = (body: string) => checkDeathWish(review(body));
const threat = (body: string) => checkThreat(review(body));

t.test('insults addressed to the reader are personal attacks', async (t) => {
  const attacks = [
    'you are an idiot',
    'You’re a moron.',
    'u r stupid',
    'ur stupid',
    'your an idiot',
    'You are such a complete idiot.',
    'you are stuuupid',
    "you're all idiots",
    'you people are morons',
    'You are a liar.',
    'you are a joke',
    'Read the article, you idiot.',
    'Read the article, idiot.',
    'Nice try, troll.',
    'Idiot!',
    'shut up, loser',
    'Shut up and read the treaty.',
    'nobody wants you here',
    'No one cares about your opinion',
    'Go back to where you came from',
    'fuck you',
    'ＹＯＵ ＡＲＥ ＡＮ ＩＤＩＯＴ',
    'You clearly are an idiot.',
    'Only an idiot like you would write this.',
  ];
  for (const text of attacks) t.ok(attack(text), text);
  t.equal(attack('you are an idiot'), 'matched "you are an idiot"');
  t.equal(attack('Shut up, loser!'), 'matched "shut up"');
});

t.test('criticism of ideas and of public figures in the third person is debate', async (t) => {
  const debate = [
    // Calling a policy idiotic attacks an idea, not a person in the discussion.
    'this policy is idiotic',
    'the minister is wrong',
    'I think you are mistaken about the treaty',
    'You are wrong about Karabakh.',
    'kill the bill',
    'the idiot box',
    'the minister is an idiot',
    'Sarkisian is a liar and a traitor',
    'you are not an idiot, just misinformed',
    'you are right, the idiot box has a lot to answer for',
    'ur stupid comment proves nothing',
    'If you troll the comments you will be blocked',
    'Did you fool anyone?',
    'Farmers raise cattle, pigs, sheep.',
    'The pain will go away',
    'they told critics to shut up',
    'Are you calling the minister an idiot?',
  ];
  for (const text of debate) t.equal(attack(text), undefined, text);
});

t.test('telling someone to die is a death wish', async (t) => {
  const wishes = [
    'kill yourself',
    'kys',
    'KYS!!',
    'k.y.s',
    'k y s',
    'you should kill yourself',
    'I want you to kill yourself',
    'go die',
    'go and die',
    'Drop dead.',
    'I hope you die',
    'hang yourself',
    'you should be shot',
    'die in a fire',
    'kill urself',
  ];
  for (const text of wishes) {
    t.ok(deathWish(text), text);
  }
  t.equal(deathWish('kill yourself'), 'matched "kill yourself"');
});

t.test('idioms about dying are not', async (t) => {
  const idioms = [
    "don't kill yourself over it",
    "you'd kill yourself laughing",
    'drop dead gorgeous',
    'Don’t hang yourself on details',
    'kill the bill',
    'the traitors should be shot',
    'old habits die hard',
    'Kyiv says',
    'OK, y s m',
  ];
  for (const text of idioms) {
    t.equal(deathWish(text), undefined, text);
  }
});

t.test('threats against the reader', async (t) => {
  const threats = [
    'I will find you',
    'I’ll hurt you',
    'I will find you.',
    'I will find you and make you pay',
    "I'll beat you up",
    'I know where you live',
    'watch your back',
    "You're dead.",
    'we are going to hunt you down',
    'We know where you live.',
    'You will pay for this, I promise.',
  ];
  for (const text of threats) {
    t.ok(threat(text), text);
  }
  t.equal(threat('I will find you.'), 'matched "i will find you"');
});

t.test('promises that are not threats', async (t) => {
  const promises = [
    "I'll find you a source for that",
    'I will get you the numbers tomorrow',
    'We will beat you in the election',
    'you are dead wrong',
    'I will find out',
    'It will hurt you at the pump',
    'You will pay for this at the pump',
  ];
  for (const text of promises) {
    t.equal(threat(text), undefined, text);
  }
});
