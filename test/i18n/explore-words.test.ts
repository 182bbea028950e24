/**
 * The explore conversation and job answers in Spanish: the interest questions (data/es/interest-items.json),
 * the results with reasons quoting the student's Spanish answers, a cluster, a path, the saved
 * choice, and a job answer. No English sentence leaks into them; official framework names appear
 * only beside our Spanish ones, in parentheses.
 */
import { createActor } from 'xstate';
import { createExploreMachine } from '../../flows/explore.js';
import * as say from '../../flows/explore-replies.js';
import type { FlowEmitted } from '../../flows/flow-protocol.js';
import { chooseNextItem } from '../../src/domain/choose-next-item.js';
import { choicesFor } from '../../src/domain/interest-items.js';
import type { Reply } from '../../src/domain/messages.js';
import { interpretFreeText } from '../../src/domain/occupations/interpret-free-text.js';
import { freeTextReplies } from '../../src/domain/occupations/free-text-replies.js';
import { loadSpanishInterestItems } from '../../src/data-files/load-interest-items-es.js';
import { describeJob, jobWhich } from '../../src/features/jobs/job-answers.js';
import { typicalPay, type PayTable } from '../../src/domain/occupations/typical-pay.js';
import { withLanguage } from '../../src/i18n/language.js';
import { appData } from '../helpers/test-app.js';

const spanishItems = loadSpanishInterestItems();

/** Every word a person reads in these replies (texts, titles, fields, question texts and buttons). */
function words(replies: Reply[]): string[] {
  return replies.flatMap((r) => {
    if (r.kind === 'text') return [r.text];
    if (r.kind === 'card') return [r.title ?? '', r.text ?? '', ...(r.fields ?? []).flatMap((f) => [f.label, f.value])];
    if (r.kind === 'question') return [r.text, ...r.choices.map((c) => c.label)];
    return [];
  });
}

/** English sentences show up as these words; official names in "(...)" and job titles are left out. */
const ENGLISH = /\b(the|your|you|and|with|what|which|want|this|that|back|jobs?|people|questions?|fits?)\b/i;
function noEnglish(replies: Reply[]): void {
  for (const w of words(replies)) {
    const ours = w.replace(/\([^)]*\)/g, '');
    expect({ text: w, english: ENGLISH.exec(ours)?.[0] }).toEqual({ text: w, english: undefined });
  }
}

async function walk(grade: number) {
  const data = await appData();
  const machine = createExploreMachine({ framework: data.framework, items: data.items, canPlan: true, spanishItems });
  const actor = createActor(machine, { input: { grade } });
  const replies: Reply[] = [];
  actor.on('*', (e) => {
    const emitted = e as FlowEmitted;
    if (emitted.type === 'reply') replies.push(...emitted.replies);
  });
  actor.start();
  for (let i = 0; i < 100 && actor.getSnapshot().value === 'asking'; i++) {
    const item = chooseNextItem(data.framework.framework, data.items, actor.getSnapshot().context.answers, grade)!;
    actor.send({ type: 'ANSWER', questionId: `interest:${item.id}`, choiceId: choicesFor(item)[0]!.id });
  }
  return { actor, replies, data };
}

describe('explore in Spanish', () => {
  test('every interest question has Spanish words, with the same ids and options', async () => {
    const { items } = await appData();
    for (const item of items) {
      const es = spanishItems.get(item.id);
      expect(es?.text).toMatch(/\?$/);
      if (item.kind === 'yes-no') expect(es?.phrase?.trim()).toBeTruthy();
      else expect(es?.options?.map((o) => o.id).sort()).toEqual(item.options!.map((o) => o.id).sort());
    }
  });

  test('a grade 9 student: questions, results, a cluster, its jobs and a saved pathway, all in Spanish', async () => {
    await withLanguage('es', async () => {
      const { actor, replies } = await walk(9);
      expect(actor.getSnapshot().value).toBe('results');
      const all = words(replies).join('\n');
      expect(all).toMatch(/Te voy a hacer hasta \d+ preguntas rápidas/);
      expect(all).toMatch(/dijiste que sí a /);
      expect(all).toMatch(/Grupo de Carreras/);
      const top = replies.find((r) => r.kind === 'question' && r.questionId === say.RESULTS_Q);
      const cluster = top?.kind === 'question' ? top.choices[0]!.id : '';
      actor.send({ type: 'ANSWER', questionId: say.RESULTS_Q, choiceId: cluster });
      actor.send({ type: 'ANSWER', questionId: say.CLUSTER_Q, choiceId: 'more' });
      const view = replies.find((r) => r.kind === 'question' && r.questionId === say.CLUSTER_Q);
      const pathway = view?.kind === 'question' ? view.choices[0]!.id : '';
      actor.send({ type: 'ANSWER', questionId: say.CLUSTER_Q, choiceId: pathway });
      expect(words(replies).join('\n')).toMatch(/¡Guardado! Escogiste la ruta .+ \(.+\), en .+ \(.+\)\./);
      noEnglish(replies);
    });
  });

  test('a grade 3 student sees the top Career Paths by their Spanish nicknames', async () => {
    await withLanguage('es', async () => {
      const { actor, replies } = await walk(3);
      expect(words(replies).join('\n')).toMatch(/Lo que más va contigo es la Trayectoria/);
      actor.send({ type: 'ANSWER', questionId: say.RESULTS_Q, choiceId: 'path:health-services' });
      actor.send({ type: 'ANSWER', questionId: say.PATH_Q, choiceId: 'choose-path' });
      expect(words(replies).join('\n')).toMatch(/La Trayectoria de la Salud, o Servicios de Salud \(Health Services\): Trabajos en los que/);
      expect(words(replies).join('\n')).toMatch(/¡Guardado! Escogiste la Trayectoria de la Salud\./);
      noEnglish(replies);
    });
  });

  test('the same flow in English is unchanged', async () => {
    const { replies } = await walk(9);
    expect(words(replies).join('\n')).toMatch(/Let's find jobs you might enjoy/);
    expect(words(replies).join('\n')).toMatch(/you said yes to /);
  });
});

describe('job answers in Spanish', () => {
  const pay: PayTable = {
    source: 'test',
    bySoc: { '29-1131': { title: 'Veterinarians', annual: { p10: 1, p25: 95_000, median: 119_000, p75: 155_000, p90: 2 }, hourly: null, topCoded: [] } },
  };

  test('a job described, its schooling and its pay, with Spanish framework names', async () => {
    const { matcher, framework } = await appData();
    const vet = matcher.occupation('veterinarian')!;
    withLanguage('es', () => {
      const facts = { fw: framework, payFor: () => typicalPay(pay, '29-1131') };
      const duties = describeJob(vet, 'duties', facts, { student: true, buttons: true });
      const school = describeJob(vet, 'education', facts, { student: true, buttons: true });
      const money = describeJob(vet, 'pay', { ...facts, fw: framework }, { student: true, buttons: false });
      const all = words([...duties, ...school, ...money]).join('\n');
      expect(all).toMatch(/La mayoría empieza con .+\. Está en Agricultura, Alimentos y Recursos Naturales \(Agriculture, Food and Natural Resources\), en la ruta Sistemas Animales \(Animal Systems\)\./);
      expect(all).toMatch(/unos \$95,000–\$155,000 al año; la mitad gana más de \$119,000/);
      expect(all).toMatch(/Escoger Sistemas Animales \(Animal Systems\)/);
      // The occupation's own title and description are English data for now: only our words are checked.
      noEnglish([...duties.slice(1), ...school.slice(1), ...money].map((r) => (r.kind === 'text' ? { ...r, text: r.text.replace(/^[^:]*: /, '').replace(vet.title, '') } : r)));
    });
  });

  test('"which kind of doctor" and the free-text offer', async () => {
    const { matcher, framework } = await appData();
    withLanguage('es', () => {
      const reading = interpretFreeText('doctor', matcher);
      expect(reading.kind).toBe('ambiguous');
      const replies = freeTextReplies(reading, framework.framework);
      const q = replies[0]!;
      expect(q.kind === 'question' && q.text).toMatch(/^Hay muchos tipos de doctor \(en inglés, Doctors\)\. Trabajan en Ciencias de la Salud \(Health Science\)/);
      if (reading.kind === 'ambiguous') {
        const which = jobWhich('doctor', reading.options, 'pay', framework);
        expect(which.text).toMatch(/¿Cuál querías decir\?$/);
      }
      const liked = freeTextReplies(interpretFreeText('I like drawing', matcher), framework.framework);
      noEnglish(liked.map((r) => (r.kind === 'text' ? { ...r, text: r.text.replace(/"[^"]*"/g, '') } : r)));
    });
  });
});
