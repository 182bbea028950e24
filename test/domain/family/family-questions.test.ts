import { DataFileError } from '../../../src/domain/data-file-error.js';
import { FamilyQuestionMatcher, parseFamilyQuestions } from '../../../src/domain/family/index.js';
import { MAX_ANSWER_CHARS, sentenceCount } from '../../../src/domain/family/family-questions.js';
import { FAMILY_QUESTIONS_JSON, familyQuestions } from './family-fixtures.js';

const matcher = new FamilyQuestionMatcher(familyQuestions);
const matched = (typed: string) => matcher.match(typed)?.id;

describe('the common family questions', () => {
  it('has the questions the issue names, and the ones parents often ask', () => {
    const questions = familyQuestions.map((q) => q.question);
    expect(questions).toEqual(
      expect.arrayContaining([
        'Why make a plan so early?',
        'Will choosing a cluster box my child in?',
        'My child loves hands-on work, but I planned on a four-year university. What now?',
        "My child isn't interested in careers yet. How do I help?",
        'What does education pay?',
        'How can I help at home?',
        'What is a Career Cluster?',
        'What is a Personal Plan of Study?',
        'Can we change the plan?',
      ]),
    );
  });

  it('answers each in 2 to 4 short sentences', () => {
    for (const q of familyQuestions) {
      expect(sentenceCount(q.answer)).toBeGreaterThanOrEqual(2);
      expect(sentenceCount(q.answer)).toBeLessThanOrEqual(4);
      expect(q.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    }
  });

  it('matches every trigger phrase in the file to its own question', () => {
    for (const q of familyQuestions) for (const t of [q.question, ...q.triggers]) expect([t, matched(t)]).toEqual([t, q.id]);
  });

  it.each([
    ['why-early', ['Why so early?', 'why do we need a plan this early', "isn't 6th grade too young to plan?", 'why start so soon', 'why plan in 7th grade', 'why make a plan so erly']],
    ['cluster-box-in', ['Will choosing a cluster box my child in?', 'wil chosing a cluser box my kid in', 'if she picks a cluster is she stuck with it?', 'can he switch clusters later on', 'does a cluster lock my son into one job']],
    ['hands-on-or-university', ['My son loves hands-on work but I planned on a 4 year university', 'my kid wants to go to trade school', "she'd rather work with her hands than go to college", 'hands on work vs universty', 'my kid likes fixing cars but I wanted a university', 'is college required for my son', 'she wants to skip college', 'trade school vs college']],
    ['not-interested', ["My child isn't interested in careers yet", "my daughter doesn't care about jobs at all", 'he has no idea what he wants to do', 'my 8th grader has no clue what she wants', 'not intrested in carears']],
    ['education-pay', ['What does education pay?', 'is college worth it', 'do you earn more with a degree', 'does educaton pay off', 'how much do people with a degree make']],
    ['help-at-home', ['How can I help at home?', 'what can i do to help my kid', 'how do i suport my child']],
    ['what-is-cluster', ["what's a cluster", 'what is a career clustr', 'what does career cluster mean']],
    ['what-is-plan', ['what is a personal plan of study', "what's the plan of study", 'what is a personal plan of study']],
    ['change-plan', ['can we change the plan later?', 'what if he changes his mind', 'can the plan be chagned']],
    ['who-sees', ["who can see my kid's plan", 'is this private']],
    ['counselor-meetings', ['when does she meet with the counselor', 'how often do they review the plan', 'when is the counselor meeting']],
  ])('matches %s from natural phrasings and typos', (id, phrasings) => {
    for (const p of phrasings) expect([p, matched(p)]).toEqual([p, id]);
  });

  it('leaves job words, small talk and other free text to the rest of the bot', () => {
    for (const p of ['I want to be a nurse', 'what does a welder do', 'how much do nurses make', 'my son likes animals', 'thanks', 'ok', 'engineer', 'nursing school', 'college', 'good morning', 'asdfgh', 'what does a nurse earn', 'I want to fix cars', 'welder']) {
      expect([p, matched(p)]).toEqual([p, undefined]);
    }
  });

  it('names the file and the JSON path of a problem in the questions file', () => {
    const bad = structuredClone(FAMILY_QUESTIONS_JSON);
    bad.questions[2]!.answer = 'Too short.';
    expect(() => parseFamilyQuestions(bad, 'data/family-questions.json')).toThrow(
      new DataFileError('data/family-questions.json', '$.questions[2].answer must be 2 to 4 sentences'),
    );
    const twice = structuredClone(FAMILY_QUESTIONS_JSON);
    twice.questions[4]!.id = twice.questions[0]!.id;
    expect(() => parseFamilyQuestions(twice, 'data/family-questions.json')).toThrow('data/family-questions.json: $.questions[4].id repeats the id "why-early"');
    const noTriggers = structuredClone(FAMILY_QUESTIONS_JSON);
    noTriggers.questions[1]!.triggers = ['box in'];
    expect(() => parseFamilyQuestions(noTriggers, 'data/family-questions.json')).toThrow('$.questions[1].triggers must have at least 2 triggers');
  });
});
