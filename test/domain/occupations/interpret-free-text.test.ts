import type { Framework } from '../../../src/domain/framework-types.js';
import type { QuestionReply, Reply } from '../../../src/domain/messages.js';
import type { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';
import { describeOccupation, descriptionSubject, interpretFreeText } from '../../../src/domain/occupations/interpret-free-text.js';
import { freeTextReplies } from '../../../src/domain/occupations/free-text-replies.js';
import { fixtureMatcher } from './fixture-matcher.js';

let matcher: OccupationMatcher;
let framework: Framework;
beforeAll(async () => {
  ({ matcher, framework } = await fixtureMatcher());
});

const replies = (text: string): Reply[] => freeTextReplies(interpretFreeText(text, matcher), framework);
const question = (rs: Reply[]): QuestionReply => rs.find((r): r is QuestionReply => r.kind === 'question')!;
const allText = (rs: Reply[]): string => rs.map((r) => r.text).join('\n');

describe('understanding what a student types', () => {
  it('"I want to be a vet" names the job, what it is and where it sits, then offers the next steps', () => {
    const interpretation = interpretFreeText('I want to be a vet', matcher);
    expect(interpretation).toMatchObject({
      kind: 'matches',
      matches: [{ clusterId: 'agriculture', pathwayId: 'agriculture.animal-systems', occupation: { id: 'veterinarian' } }],
    });
    const rs = freeTextReplies(interpretation, framework);
    expect(rs[0]!.text).toBe(
      'A veterinarian checks, treats and cares for sick or hurt animals. That\'s in Agriculture, Food and Natural Resources, Animal Systems.',
    );
    expect(question(rs)).toMatchObject({
      questionId: 'free-text-offer',
      choices: [
        { id: 'explore-cluster:agriculture', label: 'Explore this cluster' },
        { id: 'choose-pathway:agriculture.animal-systems', label: 'Choose Animal Systems' },
        { id: 'take-quiz', label: 'Take the interest questions' },
      ],
    });
  });

  it('an interest phrase gets 1-3 matches that quote the student\'s words', () => {
    const interpretation = interpretFreeText('idk I like being outside', matcher);
    expect(interpretation.kind).toBe('matches');
    if (interpretation.kind !== 'matches') return;
    expect(interpretation.matches.length).toBeGreaterThanOrEqual(1);
    expect(interpretation.matches.length).toBeLessThanOrEqual(3);
    expect(interpretation.matches[0]!.clusterId).toBe('agriculture');
    expect(allText(replies('idk I like being outside'))).toContain('"outside"');
  });

  it('"I like drawing" is an interest: it points to a pathway, not to one job that lists the word', () => {
    const interpretation = interpretFreeText('I like drawing', matcher);
    expect(interpretation.kind).toBe('matches');
    if (interpretation.kind !== 'matches') return;
    expect(interpretation.matches[0]).toMatchObject({ clusterId: 'arts-av', pathwayId: 'arts-av.visual-arts' });
    expect(interpretation.matches[0]!.occupation).toBeUndefined();
    expect(replies('I like drawing')[0]!.text).toContain('You said "drawing": that fits Arts, Audio-Visual Technology and Communications, Visual Arts.');
  });

  it('"what about video games?" is understood as an interest, not a question about a job', () => {
    const interpretation = interpretFreeText('what about video games?', matcher);
    expect(interpretation.kind).toBe('matches');
    if (interpretation.kind === 'matches') expect(interpretation.matches[0]!.clusterId).toBe('information-technology');
  });

  it('"doctor" gets a short clarifying question with 2-4 kinds of doctor', () => {
    const rs = replies('doctor');
    expect(rs).toHaveLength(1);
    const q = question(rs);
    expect(q.questionId).toBe('clarify-occupation');
    expect(q.text).toMatch(/doctor/);
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    expect(q.choices.map((c) => c.id)).toEqual(expect.arrayContaining(['occupation:physician', 'occupation:veterinarian']));
  });

  it.each(['engineer', 'teacher', 'I want to be an engineer'])('"%s" is ambiguous too', (text) => {
    expect(interpretFreeText(text, matcher).kind).toBe('ambiguous');
  });

  it('a clarifying answer is described like a "what does ... do" question', () => {
    expect(describeOccupation('physician', matcher)).toMatchObject({ kind: 'describe', clusterId: 'health-science' });
    expect(describeOccupation('no-such-job', matcher)).toBeUndefined();
  });

  it.each(['asdfgh', 'qwzx vbnm', 'idk', '???'])('"%s" gets a friendly "I didn\'t catch that" with examples', (text) => {
    expect(interpretFreeText(text, matcher).kind).toBe('not-understood');
    const rs = replies(text);
    expect(rs[0]!.text).toMatch(/didn't catch that/);
    expect(rs[0]!.text).toMatch(/"vet"/);
  });

  it('"what does a welder do?" answers from the description, with education and where it sits', () => {
    const interpretation = interpretFreeText('what does a welder do?', matcher);
    expect(interpretation).toMatchObject({ kind: 'describe', occupation: { id: 'welder' }, pathwayId: 'manufacturing.production' });
    const rs = freeTextReplies(interpretation, framework);
    expect(rs[0]!.text).toBe('A welder joins pieces of metal together using heat.');
    expect(rs[1]!.text).toContain('career center or technical school');
    expect(rs[1]!.text).toContain('Manufacturing, Production');
    expect(question(rs).choices[0]!.id).toBe('explore-cluster:manufacturing');
  });

  it.each([
    ['What do electricians do', 'electrician'],
    ['whats a dentist', 'dentist'],
    ['tell me about truck drivers', 'truck-driver'],
  ])('"%s" is a description question', (text, id) => {
    expect(interpretFreeText(text, matcher)).toMatchObject({ kind: 'describe', occupation: { id } });
  });

  it('recognises description questions and finds their subject', () => {
    expect(descriptionSubject('What does a welder do?')).toBe('welder');
    expect(descriptionSubject('what is an electrician')).toBe('electrician');
    expect(descriptionSubject('what about video games?')).toBeUndefined();
    expect(descriptionSubject('I want to be a vet')).toBeUndefined();
  });

  it('keeps every bubble short', () => {
    for (const text of ['vet', 'doctor', 'asdfgh', 'what does a welder do?', 'I like being outside and animals']) {
      for (const r of replies(text)) expect(r.text.length).toBeLessThanOrEqual(400);
    }
  });
});
