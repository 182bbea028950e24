/**
 * Personal Plan of Study: the public API the conversation engine uses. Pure: pass `now` and `by`
 * in; read the data files with src/data-files/read-plan-data-files.ts (or your own reader) and give
 * the parsed data to buildPlanData.
 */
export * from './plan-types.js';
export type * from './plan-data-types.js';
export { parseCoreSequence, parseClusterTemplate, parseRequirements, parseDistrict } from './parse-plan-data.js';
export { buildPlanData, findCourse, type PlanDataFiles } from './build-plan-data.js';
export { draftPlan, draftPlanContent, firstPlanGrade, type DraftPlanInput } from './draft-plan.js';
export { checkPlan, unitsByCategory, formatUnits, requirementsSentence, type PlanProblem } from './check-plan.js';
export { parsePlanChange, type PlanChange } from './parse-plan-change.js';
export { applyPlanChange, type ApplyContext, type ApplyResult } from './apply-plan-change.js';
export {
  currentPlan,
  currentVersion,
  recordReview,
  changesSinceLastReview,
  lastReviewedAt,
  undoLastChange,
} from './plan-history.js';
export {
  planHeader,
  planRows,
  planTable,
  showPlanReplies,
  showGradeReply,
  optionsReply,
  problemsReply,
  changeReply,
  reviewReplies,
  sayDay,
} from './plan-views.js';
export { parseGrade, gradeName, gradeLong, gradeColumn, gradesWhere, listWords } from './grades.js';
export { cleanText } from './clean-text.js';
