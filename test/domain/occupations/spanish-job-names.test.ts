/** Spanish names of common jobs: read as jobs, looked up by the English words our data knows them by. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../../src/config.js';
import { SpanishJobNames, spanishJobNamesSchema } from '../../../src/domain/occupations/spanish-job-names.js';
import { interpretFreeText } from '../../../src/domain/occupations/interpret-free-text.js';
import { appData } from '../../helpers/test-app.js';

const names = new SpanishJobNames({
  names: [
    { es: ['soldador', 'soldadora'], en: 'welder', title: 'soldador/a' },
    { es: ['enfermero', 'enfermera'], en: 'nurse' },
    { es: ['trabajador social', 'trabajadora social'], en: 'social worker' },
  ],
});

describe('Spanish job names', () => {
  it('are found with or without accents, capitals or a plural, and put in English', () => {
    expect(names.englishFor('Soldadores')).toBe('welder');
    expect(names.englishFor('enfermeras')).toBe('nurse');
    expect(names.englishFor('trabajadoras sociales')).toBe('social worker');
    expect(names.englishFor('trabajadora social')).toBe('social worker');
    expect(names.translate('cuanto gana un soldador')).toBe('cuanto gana un welder');
    expect(names.translate('que hace una trabajadora social')).toBe('que hace una social worker');
  });

  it('leave a text without one exactly as it was', () => {
    expect(names.translate('¿Qué hace un Veterinarian?')).toBe('¿Qué hace un Veterinarian?');
    expect(names.has('mesa')).toBe(false);
  });

  it('in our data, each names a job or a family of jobs we know, and each Spanish title names exactly one job', async () => {
    const file = path.join(PROJECT_DIR, 'data/es/occupation-names.json');
    const data = spanishJobNamesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const { matcher } = await appData();
    const unknown: string[] = [];
    for (const n of data.names) {
      const reading = interpretFreeText(n.en, matcher);
      const one = reading.kind === 'describe' || (reading.kind === 'matches' && reading.matches[0]?.occupation !== undefined);
      if (!one && reading.kind !== 'ambiguous') unknown.push(n.en);
      if (n.title !== undefined && !one) unknown.push(`${n.en} (has a title but names no one job)`);
    }
    expect(unknown).toEqual([]);
    const spanish = data.names.flatMap((n) => n.es);
    expect(new Set(spanish).size).toBe(spanish.length);
  });
});
