/**
 * A Personal Plan of Study as Adaptive Cards: the header facts, then this school year, then every
 * other grade. Teams refuses messages over about 28 KB (UTF-16), so the sections are packed into as
 * many cards as needed, each kept under CARD_BUDGET (teams-size.ts).
 */
import type { PlanTableReply } from '../../domain/messages.js';
import { adaptiveCard, fieldLine, paragraph, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { t } from '../../i18n/t.js';
import { CARD_BUDGET, utf16Bytes } from './teams-size.js';
import { limit } from './teams-text.js';

const MAX_CELL = 600;
const MAX_FIELD = 300;
const MAX_FALLBACK = 1500;

/**
 * Which column is this school year: the column the plan marks, or the grade named by a "Grade" /
 * "This year" / "Current grade" field; -1 when none is (a table of another year labels no column
 * "this year").
 */
export function thisYearIndex(plan: PlanTableReply): number {
  const marked = plan.thisYearIndex;
  if (marked !== undefined && marked >= 0 && marked < plan.grades.length) return marked;
  const field = plan.fields.find((f) => /^(this year|current grade|grade|grade now)$/i.test(f.label.trim()));
  if (field) {
    const want = field.value.trim().toLowerCase();
    const at = plan.grades.findIndex((g) => g.trim().toLowerCase() === want);
    if (at >= 0) return at;
    const loose = plan.grades.findIndex((g) => want.includes(g.trim().toLowerCase()));
    if (loose >= 0) return loose;
  }
  return -1;
}

function gradeSection(plan: PlanTableReply, col: number, heading: string): CardElement[] {
  const lines = plan.rows
    .map((row) => ({ label: row.label, cell: (row.cells[col] ?? '').trim() }))
    .filter((r) => r.cell !== '')
    .map((r) => fieldLine(limit(r.label, 80), limit(r.cell, MAX_CELL)));
  return [
    textBlock(heading, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' }),
    ...(lines.length > 0 ? lines : [textBlock(t('teams.plan.nothingPlanned'), { isSubtle: true })]),
  ];
}

/** The plan as one or more cards, in reading order. */
export function planCards(plan: PlanTableReply): AdaptiveCard[] {
  const current = thisYearIndex(plan);
  const order = [...(current >= 0 ? [current] : []), ...plan.grades.map((_, i) => i).filter((i) => i !== current)];
  const sections = order.map((col) =>
    gradeSection(plan, col, col === current ? t('teams.plan.thisYear', { grade: plan.grades[col] ?? '' }).trim() : plan.grades[col] ?? ''),
  );
  const header: CardElement[] = [
    textBlock(limit(plan.title, 200), { weight: 'Bolder', size: 'Large' }),
    ...plan.fields.map((f) => fieldLine(limit(f.label, 80), limit(f.value, MAX_FIELD))),
  ];
  const fallback = limit(plan.text, MAX_FALLBACK);
  const continued = t('teams.plan.continued', { title: limit(plan.title, 200) });

  const cards: AdaptiveCard[] = [];
  let body: CardElement[] = header;
  let filled = 0; // sections in the current card
  const flush = () => {
    cards.push(adaptiveCard(body, cards.length === 0 ? fallback : continued));
    body = [textBlock(continued, { weight: 'Bolder', size: 'Medium' })];
    filled = 0;
  };
  for (const section of sections) {
    const trial = adaptiveCard([...body, ...section], fallback);
    if (filled > 0 && utf16Bytes(trial) > CARD_BUDGET) flush();
    body = [...body, ...shrinkToFit(body, section, fallback)];
    filled += 1;
  }
  if (filled > 0 || cards.length === 0) cards.push(adaptiveCard(body, cards.length === 0 ? fallback : continued));
  return cards;
}

/** A section too big for a card on its own loses lines from the end, with a note saying so. */
function shrinkToFit(body: CardElement[], section: CardElement[], fallback: string): CardElement[] {
  let kept = section;
  const note = paragraph([{ text: t('teams.card.didNotFit'), isSubtle: true }]);
  while (kept.length > 1 && utf16Bytes(adaptiveCard([...body, ...kept], fallback)) > CARD_BUDGET) {
    kept = [...kept.slice(0, kept[kept.length - 1] === note ? -2 : -1), note];
  }
  return kept;
}
