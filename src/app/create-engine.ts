import type { Logger } from 'pino';
import { languageFeature } from '../features/language/index.js';
import type { ProactiveSender } from '../domain/messages.js';
import { askExploreAgain, createExploreMachine, EXPLORE_VERSION } from '../../flows/explore.js';
import { loadSpanishInterestItems } from '../data-files/load-interest-items-es.js';
import { askOnboardingAgain, onboardingMachine, ONBOARDING_VERSION } from '../../flows/onboarding.js';
import { Engine, type EngineDeps } from '../engine/engine.js';
import { forOtherRoles } from '../engine/command-access.js';
import type { FlowDefinition } from '../engine/flow-runner.js';
import { changeGradeCommand, exploreCommand, myChoiceCommand } from '../features/explore/explore-commands.js';
import { saveChoice, saveInterestResult, saveProfile } from '../features/explore/explore-effects.js';
import type { Records } from '../store/records.js';
import { aboutCommand } from '../features/about/about-command.js';
import { freeTextActionsCommand, freeTextFallback } from '../features/understand/understand-text.js';
import { waypointQuestionsCommand } from '../features/understand/waypoint-questions.js';
import { planCommands, planEffects, planFallback, planFlow } from '../features/plan/index.js';
import type { AppData } from './load-app-data.js';
import { peopleFeature } from '../features/people/people-feature.js';
import type { ReviewPolicy } from '../domain/reminders/index.js';
import { counselorFeature, defaultExportDir, notForCounselors } from '../features/counselor/counselor-feature.js';
import { familyFeature } from '../features/family/index.js';
import { MessageUnderstanding } from '../domain/understanding/understand-message.js';
import { smallTalkCommands } from '../features/small-talk/small-talk-commands.js';
import { distressCommand } from '../features/care/distress-command.js';
import { jobQuestionCommand } from '../features/jobs/job-question-command.js';
import { glossaryCommand } from '../features/understand/glossary-command.js';
import { whyResultsCommand } from '../features/explore/why-results-command.js';
import { myCounselorCommand } from '../features/people/my-counselor-command.js';
import { planIntentCommands } from '../features/plan/plan-intent-commands.js';
import { planChangeFallback } from '../features/plan/plan-change.js';
import { roleFallback } from '../features/understand/role-fallback.js';
import { typicalPay } from '../domain/occupations/typical-pay.js';

export interface EngineOptions {
  records: Records;
  data: AppData;
  logger?: Logger;
  now?: () => Date;
  /** Where exports (plan PDF/CSV, caseload CSV) are written: `$WAYPOINT_DATA_DIR/exports`. */
  exportDir?: string;
  /** Proactive senders of the channels running in this process (reminders, nudges). */
  senders?: ProactiveSender[];
  /** The review policy for counselor views; default: data/review-policy.json, America/Chicago when it names no zone. */
  reviewPolicy?: ReviewPolicy;
  /** The district setting WAYPOINT_SAFETY_ALERTS: tell a student's counselors that a safety message arrived (never its words). */
  safetyAlerts?: boolean;
}

/** Puts the flows, commands and effect handlers of every feature into one engine. */
export function createEngine(options: EngineOptions): Engine {
  return new Engine(engineParts(options));
}

/** The flows, commands, fallbacks and understanding step of every feature (what createEngine runs; also read by the understanding eval). */
export function engineParts({ records, data, logger, now, exportDir, senders = [], reviewPolicy, safetyAlerts = false }: EngineOptions): EngineDeps {
  const people = peopleFeature({ senders, ...(logger ? { logger } : {}) });
  const counselor = counselorFeature({ framework: data.framework, requirements: data.plans.requirements, gradeActions: data.family.gradeActions, ...(reviewPolicy ? { reviewPolicy } : {}), exportDir: exportDir ?? defaultExportDir(records.store), senders, ...(logger ? { logger } : {}) });
  const plan = { fw: data.framework, data: data.plans, ...(exportDir ? { exportDir } : {}) };
  const family = familyFeature({ ...data.family, fw: data.framework, ...(exportDir ? { exportDir } : {}), ...(reviewPolicy ? { reviewPolicy } : {}), ...(logger ? { logger } : {}) });
  const spanishItems = loadSpanishInterestItems();
  const flows: FlowDefinition[] = [
    { id: 'onboarding', version: ONBOARDING_VERSION, machine: onboardingMachine, doing: 'getting to know you', askAgain: askOnboardingAgain },
    {
      id: 'explore',
      version: EXPLORE_VERSION,
      machine: createExploreMachine({ framework: data.framework, items: data.items, canPlan: true, spanishItems }),
      doing: 'exploring careers',
      askAgain: askExploreAgain({ items: data.items, spanishItems }),
    },
    planFlow,
    ...people.flows,
    ...counselor.flows,
  ];
  const u = data.understanding;
  const language = languageFeature();
  const commands = [
    distressCommand({ alertCounselors: safetyAlerts, senders, ...(logger ? { logger } : {}) }),
    ...smallTalkCommands(),
    exploreCommand(),
    myChoiceCommand(data.framework),
    changeGradeCommand(),
    aboutCommand(() => data.onetLoaded),
    ...planCommands(plan),
    ...people.commands,
    ...counselor.commands,
    ...family.commands,
    // After the people commands, so "who can see my plan" still shows the family links.
    waypointQuestionsCommand(),
    freeTextActionsCommand(data.matcher, data.framework),
    jobQuestionCommand({ matcher: data.matcher, fw: data.framework, frame: u.jobFrame, payFor: (o) => typicalPay(data.pay, o.soc), namesJob: u.hasJobName, spanish: u.spanishJobNames }),
    glossaryCommand(u.glossary),
    whyResultsCommand(data.framework),
    myCounselorCommand(reviewPolicy ?? data.family.reviewPolicy),
    ...planIntentCommands(plan, planChangeFallback(plan)),
  ];
  return {
    records,
    flows,
    commands,
    // Words for another role's command ("caseload" from a student) are said to be theirs, not read as a job.
    // Plan changes typed in the student's words, read before intents (they name classes, not jobs).
    textReaders: [people.textReader, planFallback(plan), counselor.textReader],
    fallbacks: [family.fallback,  forOtherRoles(commands), counselor.fallback, notForCounselors(freeTextFallback(data.matcher, data.framework, { frame: u.jobFrame, interestLeads: u.interestLeads }))],
    understanding: { answerWords: u.answerWords, messages: new MessageUnderstanding(u.classifier, u.intents, (text) => language.guess(text)?.language, u.dangerPhrases) },
    notUnderstood: roleFallback,
    language,
    effects: { 'save-profile': saveProfile, 'save-interest-result': saveInterestResult, 'save-choice': saveChoice, ...planEffects(plan), ...people.effects, ...counselor.effects },
    logger,
    now,
  };
}
