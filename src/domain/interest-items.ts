import { z } from 'zod';
import { t } from '../i18n/t.js';
import { DataFileError, jsonPath } from './data-file-error.js';

/** One answer of a "Which sounds more fun?" item. Its id is what Answer.value carries. */
export interface InterestOption {
  id: string;
  label: string;
  /** Clusters picking this option points to (1-3), strongest first. */
  clusterIds: string[];
  /** How a reason quotes it: "you picked working with animals". */
  phrase: string;
}

/** One interest question of the explore conversation (data/interest-items.json). */
export interface InterestItem {
  id: string;
  kind: 'yes-no' | 'pick';
  /** "Would you enjoy taking apart a bike to see how it works?" / "Which sounds more fun?" */
  text: string;
  category: 'activity' | 'subject' | 'quality';
  /** yes-no: clusters a "yes" points to (1-3), strongest first. pick: [] (options carry them). */
  clusterIds: string[];
  /** yes-no: how a reason quotes it: "taking things apart to see how they work". pick: "". */
  phrase: string;
  /** pick only: 2-4 options. */
  options?: InterestOption[];
  /** True when the wording suits grades K-5 too. */
  young: boolean;
}

/** A button of ours (not an item's option): its words come from the catalog, explore.choice.<word>, in the turn's language. */
function ourChoice<Id extends string>(id: Id, word: string): { readonly id: Id; readonly label: string } {
  return {
    id,
    get label() {
      return t(`explore.choice.${word}`);
    },
  };
}

/** The three buttons of a yes-no item. */
export const YES_NO_CHOICES = [ourChoice('yes', 'yes'), ourChoice('maybe', 'maybe'), ourChoice('no', 'no')] as const;

/** Optional extra button for a pick item; scoring reads 'no' on a pick as "none of these". */
export const PICK_NONE_CHOICE = ourChoice('no', 'none');

/** The buttons for an item: Yes / Maybe / No, or the pick's options followed by "None of these". */
export function choicesFor(item: InterestItem): { id: string; label: string }[] {
  if (item.kind === 'yes-no') return YES_NO_CHOICES.map((c) => ({ id: c.id, label: c.label }));
  return [...(item.options ?? []).map((o) => ({ id: o.id, label: o.label })), { id: PICK_NONE_CHOICE.id, label: PICK_NONE_CHOICE.label }];
}

const RESERVED_VALUES = new Set(['yes', 'maybe', 'no']);
const idText = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');
const plainText = z.string().trim().min(1, 'must not be empty');

const optionSchema = z
  .object({
    id: idText.refine((id) => !RESERVED_VALUES.has(id), 'must not be "yes", "maybe" or "no"'),
    label: plainText,
    clusterIds: z.array(z.string()).min(1).max(3),
    phrase: plainText,
  })
  .strict();

const itemSchema = z
  .object({
    id: idText,
    kind: z.enum(['yes-no', 'pick']),
    text: plainText,
    category: z.enum(['activity', 'subject', 'quality']),
    clusterIds: z.array(z.string()).max(3),
    phrase: z.string(),
    options: z.array(optionSchema).min(2).max(4).optional(),
    young: z.boolean(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'yes-no') {
      if (item.clusterIds.length < 1) {
        ctx.addIssue({ code: 'custom', path: ['clusterIds'], message: 'a yes-no item needs 1-3 cluster ids' });
      }
      if (item.phrase.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['phrase'], message: 'a yes-no item needs a phrase' });
      }
      if (item.options !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a yes-no item has no options' });
      }
    } else {
      if (item.clusterIds.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['clusterIds'], message: 'a pick item keeps its cluster ids on its options' });
      }
      if (item.options === undefined) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a pick item needs 2-4 options' });
      }
    }
  });

const fileSchema = z.object({ items: z.array(itemSchema).min(1) }).strict();

/**
 * Validates the interest items file. Throws a DataFileError naming the file and the JSON path of
 * the first problem, e.g. `data/interest-items.json: $.items[4].clusterIds[1]: unknown cluster id "x"`.
 */
export function parseInterestItems(json: unknown, file: string, clusterIds: ReadonlySet<string>): InterestItem[] {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataFileError(file, `${jsonPath(issue.path)}: ${issue.message}`);
  }
  const items = parsed.data.items;
  const fail = (path: (string | number)[], message: string): never => {
    throw new DataFileError(file, `${jsonPath(['items', ...path])}: ${message}`);
  };
  const checkClusters = (ids: string[], path: (string | number)[]) => {
    ids.forEach((id, k) => {
      if (!clusterIds.has(id)) fail([...path, 'clusterIds', k], `unknown cluster id "${id}"`);
      if (ids.indexOf(id) !== k) fail([...path, 'clusterIds', k], `cluster id "${id}" is listed twice`);
    });
  };
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) fail([i, 'id'], `item id "${item.id}" is used twice`);
    seen.add(item.id);
    checkClusters(item.clusterIds, [i]);
    const optionIds = new Set<string>();
    (item.options ?? []).forEach((option, j) => {
      if (optionIds.has(option.id)) fail([i, 'options', j, 'id'], `option id "${option.id}" is used twice`);
      optionIds.add(option.id);
      checkClusters(option.clusterIds, [i, 'options', j]);
    });
  });
  return items.map((item) => {
    const out: InterestItem = {
      id: item.id,
      kind: item.kind,
      text: item.text,
      category: item.category,
      clusterIds: [...item.clusterIds],
      phrase: item.phrase,
      young: item.young,
    };
    if (item.options) out.options = item.options.map((o) => ({ ...o, clusterIds: [...o.clusterIds] }));
    return out;
  });
}
