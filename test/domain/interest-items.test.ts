import { DataFileError } from '../../src/data-files/read-json-file.js';
import { choicesFor, parseInterestItems, YES_NO_CHOICES } from '../../src/domain/interest-items.js';
import { clusterIds, clustersOf, framework, items, itemsJson, ITEMS_FILE } from './interest-students.js';

/** A fresh copy of the real file to break in one place. */
function copy(): any {
  return structuredClone(itemsJson);
}

function errorFor(json: unknown, file = 'data/broken-items.json'): DataFileError {
  try {
    parseInterestItems(json, file, clusterIds);
  } catch (err) {
    expect(err).toBeInstanceOf(DataFileError);
    return err as DataFileError;
  }
  throw new Error('expected parseInterestItems to throw');
}

describe('the interest items file', () => {
  test('parses and holds 60 to 90 items, mostly yes-no with some picks', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.length).toBeLessThanOrEqual(90);
    const picks = items.filter((i) => i.kind === 'pick');
    expect(picks.length).toBeGreaterThanOrEqual(5);
    expect(picks.length).toBeLessThan(items.length / 4);
  });

  test('mixes activities, school subjects and personal qualities', () => {
    for (const category of ['activity', 'subject', 'quality'] as const) {
      expect(items.filter((i) => i.category === category).length).toBeGreaterThanOrEqual(5);
    }
  });

  test('every one of the 16 clusters is reachable by at least 3 items', () => {
    expect(framework.clusters).toHaveLength(16);
    for (const cluster of framework.clusters) {
      const reaching = items.filter((i) => clustersOf(i).includes(cluster.id));
      expect([cluster.id, reaching.length >= 3]).toEqual([cluster.id, true]);
    }
  });

  test('every cluster is the main point of at least 2 items', () => {
    for (const cluster of framework.clusters) {
      const main = items.filter((i) =>
        i.kind === 'yes-no' ? i.clusterIds[0] === cluster.id : (i.options ?? []).some((o) => o.clusterIds[0] === cluster.id),
      );
      expect([cluster.id, main.length >= 2]).toEqual([cluster.id, true]);
    }
  });

  test('every path is reachable by at least 4 items worded for young children', () => {
    const young = items.filter((i) => i.young);
    for (const path of framework.paths) {
      const reaching = young.filter((i) => clustersOf(i).some((c) => path.clusterIds.includes(c)));
      expect([path.id, reaching.length >= 4]).toEqual([path.id, true]);
    }
  });

  test('yes-no items quote a phrase; picks have 2-4 options, each with clusters and a phrase', () => {
    for (const item of items) {
      if (item.kind === 'yes-no') {
        expect(item.phrase.length).toBeGreaterThan(3);
        expect(item.clusterIds.length).toBeGreaterThanOrEqual(1);
        expect(item.clusterIds.length).toBeLessThanOrEqual(3);
        expect(item.options).toBeUndefined();
      } else {
        expect(item.clusterIds).toEqual([]);
        expect(item.options!.length).toBeGreaterThanOrEqual(2);
        expect(item.options!.length).toBeLessThanOrEqual(4);
        for (const option of item.options!) expect(option.phrase.length).toBeGreaterThan(3);
      }
    }
  });

  test('questions are short, end with a question mark, and phrases read inside a sentence', () => {
    for (const item of items) {
      expect(item.text.length).toBeLessThanOrEqual(110);
      expect(item.text.endsWith('?')).toBe(true);
      for (const phrase of [item.phrase, ...(item.options ?? []).map((o) => o.phrase)].filter(Boolean)) {
        expect(phrase).toMatch(/^[a-z0-9]/);
        expect(phrase).not.toMatch(/[.?!]$/);
      }
    }
  });

  test('yes-no items are answered Yes / Maybe / No; picks by their options or "None of these"', () => {
    expect(YES_NO_CHOICES.map((c) => [c.id, c.label])).toEqual([
      ['yes', 'Yes'],
      ['maybe', 'Maybe'],
      ['no', 'No'],
    ]);
    const pick = items.find((i) => i.kind === 'pick')!;
    expect(choicesFor(pick).map((c) => c.id)).toEqual([...pick.options!.map((o) => o.id), 'no']);
    expect(choicesFor(items.find((i) => i.kind === 'yes-no')!).map((c) => c.id)).toEqual(['yes', 'maybe', 'no']);
  });
});

describe('a broken interest items file', () => {
  test('an unknown cluster id names the file and the JSON path', () => {
    const json = copy();
    json.items[4].clusterIds = ['agriculture', 'underwater-basket-weaving'];
    const err = errorFor(json);
    expect(err.message).toContain('data/broken-items.json');
    expect(err.message).toContain('$.items[4].clusterIds[1]');
    expect(err.message).toContain('underwater-basket-weaving');
  });

  test('an unknown cluster id inside a pick option names the option', () => {
    const json = copy();
    const i = json.items.findIndex((it: any) => it.kind === 'pick');
    json.items[i].options[2].clusterIds = ['nope'];
    expect(errorFor(json).message).toContain(`$.items[${i}].options[2].clusterIds[0]`);
  });

  test('a missing question text names the field', () => {
    const json = copy();
    delete json.items[7].text;
    const err = errorFor(json, ITEMS_FILE);
    expect(err.message).toContain(ITEMS_FILE);
    expect(err.message).toContain('$.items[7].text');
  });

  test('a yes-no item without clusters, or a pick with one option, is refused', () => {
    const json = copy();
    const y = json.items.findIndex((it: any) => it.kind === 'yes-no');
    json.items[y].clusterIds = [];
    expect(errorFor(json).message).toContain(`$.items[${y}].clusterIds`);

    const json2 = copy();
    const p = json2.items.findIndex((it: any) => it.kind === 'pick');
    json2.items[p].options = json2.items[p].options.slice(0, 1);
    expect(errorFor(json2).message).toContain(`$.items[${p}].options`);
  });

  test('two items with the same id are refused', () => {
    const json = copy();
    json.items[9].id = json.items[3].id;
    expect(errorFor(json).message).toContain('$.items[9].id');
  });

  test('an option may not be called yes, maybe or no', () => {
    const json = copy();
    const p = json.items.findIndex((it: any) => it.kind === 'pick');
    json.items[p].options[0].id = 'maybe';
    expect(errorFor(json).message).toContain(`$.items[${p}].options[0].id`);
  });

  test('a file that is not { items: [...] } is refused', () => {
    expect(errorFor([]).message).toContain('$');
    expect(errorFor({ items: 'lots' }).message).toContain('$.items');
  });
});
