/**
 * What people actually type, in a real conversation: read as an answer to the waiting question
 * first, then as what they mean, and only then as a job. The messages Waypoint used to misread.
 */
import type { AuditEntry } from '../../../src/domain/people.js';
import { newChat, studentWithNothingPending, type TestChat } from '../../helpers/test-app.js';
import { codeIn, newWorld } from '../people/people-world.js';

/** A 9th grader at the first interest question. */
async function atFirstQuestion(): Promise<TestChat> {
  const chat = await newChat();
  for (const t of ['hi', 'student', '9th']) await chat.say(t);
  expect(chat.question()?.questionId).toMatch(/^interest:/);
  return chat;
}

/** The names of the Career Clusters, so a reply can be checked for any job suggestion. */
const JOB_SUGGESTION = /Here is what fits|That's in|could also fit|Explore (this cluster|Agriculture|Manufacturing|Marketing|Finance|Transportation)/;

describe('Waypoint understands what people mean before guessing a job', () => {
  it.each([
    ['thanks!', /You're welcome/],
    ['ur dumb', /Sorry this isn't going well/],
    ['how many credits do i need to graduate', /Plan of Study|credits/],
    ['wat did i pick', /haven't chosen a Career Pathway yet/],
    ['whats FBLA', /FBLA \(Future Business Leaders of America\) is a student club for business/],
    ['lol', /Glad you are having fun/],
    ['need', /didn't catch that/],
    ['i guess', /didn't catch that/],
    ['ya i guess', /didn't catch that/],
    ['bye', /Everything is saved/],
  ])('"%s" gets its own answer, never a job guess', async (typed, expected) => {
    const chat = await studentWithNothingPending('9th');
    await chat.say(typed);
    expect(chat.text()).toMatch(expected);
    expect(chat.text()).not.toMatch(JOB_SUGGESTION);
    expect(chat.text()).not.toMatch(/988/);
  });

  it('answers job questions with facts: schooling, typical pay from the BLS, and the cluster', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('do i need college to be a vet');
    expect(chat.text()).toMatch(/^Veterinarian: Yes\. Most people start with a four-year college degree and then more school/);
    await chat.say('how much do vets make');
    expect(chat.text()).toMatch(/^Veterinarians in the U\.S\. make about \$\d{2,3},\d{3}.\$\d{2,3},\d{3} a year; half earn more than \$\d{2,3},\d{3}\./);
    await chat.say('what cluster is a welder in');
    expect(chat.text()).toMatch(/A welder works in Manufacturing, in the Production pathway/);
    await chat.say('nurse salary');
    expect(chat.question()?.text).toMatch(/Nurses work in Health Science\. Which kind did you mean\?/);
    await chat.say('1');
    expect(chat.text()).toMatch(/make about \$/);
  });

  it('finds the job among the other words of a question, and asks which kind for a family of jobs', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('can i be a welder without college');
    expect(chat.text()).toMatch(/^Welder: No four-year college needed/);
    await chat.say('what cluster is cosmetology');
    expect(chat.text()).toMatch(/^A cosmetologist works in Human Services/);
    await chat.say('how much do social workers make');
    expect(chat.question()?.text).toMatch(/kinds of social worker\. Social workers work in Human Services/);
    expect(chat.question()?.choices.map((c) => c.label)).toContain('School Social Worker');
  });

  it('a first message that asks a question gets its answer, then Waypoint asks who they are', async () => {
    const chat = await newChat();
    await chat.say('how much do vets make');
    expect(chat.text()).toMatch(/^Veterinarians in the U\.S\. make about \$/);
    expect(chat.text()).toMatch(/Hi! I'm Waypoint/);
    expect(chat.question()?.questionId).toBe('onboarding:role');
    expect(chat.question()?.choices).toHaveLength(3);
    await chat.say('whats FBLA');
    expect(chat.text()).toMatch(/^FBLA \(Future Business Leaders of America\)/);
    expect(chat.text()).toMatch(/Now, back to where we were:\nWho are you\?/);
    expect(chat.question()?.questionId).toBe('onboarding:role');
  });

  it('in a Spanish conversation, English small talk is still understood and answered in Spanish; Spanish chatter is not read as English', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('español');
    await chat.say('thanks!');
    expect(chat.text()).toMatch(/^¡De nada!/);
    await chat.say('ur dumb');
    expect(chat.text()).toMatch(/^Perdón, esto no está saliendo bien/);
    await chat.say('que hora es');
    expect(chat.text()).toMatch(/^Perdón, no entendí/);
  });

  it('in Spanish, common jobs are asked about by their Spanish names, and named in Spanish where we can', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('español');
    await chat.say('cuanto gana un soldador');
    expect(chat.text()).toMatch(/^En EE\. UU\., quienes trabajan como soldador\/a ganan unos \$/);
    await chat.say('que hacen las enfermeras');
    expect(chat.question()?.text).toMatch(/^Hay muchos tipos de enfermeras \(en inglés, Nurses\)/);
  });

  it('a job answer in Spanish says "usted" to a parent and "tú" to a student', async () => {
    const mom = await newChat({ user: 'rosa' });
    await mom.say('hola');
    await mom.press('onboarding:role', 'family');
    await mom.say('cuanto gana un soldador');
    expect(mom.text()).toMatch(/El sueldo depende de dónde vive y de cuánta experiencia tiene\.\n¿Quiere saber más/);
    const student = await studentWithNothingPending('9th');
    await student.say('español');
    await student.say('cuanto gana un soldador');
    expect(student.text()).toMatch(/El sueldo depende de dónde vives y de cuánta experiencia tienes\.\n¿Quieres saber más/);
  });

  it('a first question whose answer asks "which kind?" lists the kinds as words, so the next "1" answers "who are you?"', async () => {
    const chat = await newChat();
    await chat.say('how much do social workers make');
    expect(chat.text()).toMatch(/^There are lots of kinds of social worker\..+Which kind did you mean\?\n- Child and Family Social Worker\n- School Social Worker/s);
    expect(chat.question()?.questionId).toBe('onboarding:role');
  });

  it('where the wage table would mislead, pay is told in our own words, not as a figure', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('how much do peace corps volunteers make');
    expect(chat.text()).toMatch(/^Peace Corps volunteers are not paid a salary\./);
    expect(chat.text()).not.toMatch(/\$\d/);
    await chat.say('how much does a clinical research coordinator make');
    expect(chat.text()).toMatch(/put clinical research coordinators together with science managers/);
    expect(chat.text()).not.toMatch(/\$\d/);
  });

  it('in the middle of the interest questions: yes-ish, unsure and skip are answers, and a question is answered before going back', async () => {
    const chat = await atFirstQuestion();
    const first = chat.question()!.questionId;
    await chat.say('ya i guess');
    const second = chat.question()!.questionId;
    expect(second).not.toBe(first);
    await chat.say('wait how much do vets make');
    expect(chat.text()).toMatch(/Veterinarians in the U\.S\. make about/);
    expect(chat.text()).toMatch(/Now, back to question 2:/);
    expect(chat.question()?.questionId).toBe(second);
    await chat.say('wait can i be a vet');
    // "Can I be one?" is answered as a whole: yes, what they do, the schooling and where it fits.
    expect(chat.text()).toMatch(/^Yes, you can! A veterinarian .+ Most people start with .+ It's in Agriculture, Food and Natural Resources/);
    expect(chat.text()).toMatch(/Now, back to question 2:/);
    expect(chat.question()?.questionId).toBe(second);
    await chat.say('skip');
    expect(chat.question()?.questionId).not.toBe(second);
  });

  it('"ok" or "nah" to an offer puts it aside, and the interest question comes back', async () => {
    const chat = await atFirstQuestion();
    const first = chat.question()!.questionId;
    await chat.say('is a plumber a good job');
    expect(chat.question()?.questionId).toBe('free-text-offer');
    await chat.say('ok');
    expect(chat.text()).toMatch(/^Okay\.\nNow, back to question 1:/);
    expect(chat.question()?.questionId).toBe(first);
  });

  it('plan questions in plain words: a grade in the sentence, next year, and changes', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('show me my plan for 10th grade');
    expect(chat.text()).toMatch(/don't have a plan yet|haven't picked one yet/);
    expect(chat.text()).not.toMatch(JOB_SUGGESTION);
    await chat.say('what classes should i take next year');
    expect(chat.text()).toMatch(/don't have a plan yet/);
  });

  it('"why did you pick health science for me" quotes the student\'s own answers', async () => {
    const chat = await atFirstQuestion();
    await chat.answerInterestQuestions((q) => q.choices[0]!.id);
    await chat.say('why did you pick these for me');
    expect(chat.text()).toMatch(/came first: you (said yes to|picked)/);
  });

  it('someone in danger gets a caring answer with 988 and their counselor, never a job and never a question after it', async () => {
    const chat = await atFirstQuestion();
    await chat.say('i want to die');
    expect(chat.text()).toMatch(/counselor or another adult you trust/);
    expect(chat.text()).toMatch(/call or text 988/);
    expect(chat.text()).not.toMatch(JOB_SUGGESTION);
    expect(chat.question()).toBeUndefined();
    const first = await newChat({ user: 'new' });
    await first.say('someone is hurting me');
    expect(first.text()).toMatch(/988/);
  });

  it.each(['about', 'stop it', 'school', 'home', 'done'])('"%s" is never read as danger', async (typed) => {
    const chat = await studentWithNothingPending('9th');
    await chat.say(typed);
    expect(chat.text()).not.toMatch(/988/);
  });

  it('with the district setting on, the counselor learns that a safety message arrived, never its words', async () => {
    const sent: { user: string; text: string }[] = [];
    const w = await newWorld({
      safetyAlerts: true,
      senders: () => [{ channel: 'console', send: async (user, replies) => void sent.push({ user, text: replies.map((r) => ('text' in r ? r.text : '')).join(' ') }) }],
    });
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const sam = await w.student('sam');
    await sam.say(codeIn(rivera.text()));
    sent.length = 0;
    await sam.say('i want to kill myself');
    expect(sam.text()).toMatch(/988/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.user).toBe('rivera');
    expect(sent[0]!.text).toMatch(/may be about their safety/);
    expect(sent[0]!.text).not.toMatch(/kill/);
    const audit = (await w.store.list<AuditEntry>('audit')).map((r) => r.value).filter((e) => e.action === 'safety-alert');
    expect(audit).toEqual([expect.objectContaining({ subject: 'console:sam', target: 'console:rivera', delivered: true })]);
  });

  it('with the setting off (the default), nobody else is told', async () => {
    const sent: unknown[] = [];
    const w = await newWorld({ senders: () => [{ channel: 'console', send: async (_u, r) => void sent.push(r) }] });
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const sam = await w.student('sam');
    await sam.say(codeIn(rivera.text()));
    sent.length = 0;
    await sam.say('i want to die');
    expect(sent).toEqual([]);
  });

  it('families and counselors get their own examples when not understood, never job suggestions', async () => {
    const w = await newWorld();
    const mom = await w.family('mom');
    await mom.say('blorp zzz');
    expect(mom.text()).toMatch(/what's due this year/);
    expect(mom.text()).not.toMatch(JOB_SUGGESTION);
    const rivera = await w.counselor('rivera');
    await rivera.say('need');
    expect(rivera.text()).toMatch(/"caseload"/);
    expect(rivera.text()).not.toMatch(JOB_SUGGESTION);
  });

  it("another role's request is said to be theirs", async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('caseload');
    expect(chat.text()).toMatch(/That one is for counselors/);
  });
});
