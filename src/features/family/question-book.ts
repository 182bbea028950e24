/**
 * The common family questions in every language there is a file for (data/family-questions.json,
 * data/es/family-questions.json): listed and answered in the turn's language, and matched in any
 * language and in English (a Spanish-speaking parent who types in English still gets the answer,
 * in Spanish).
 * A question without a translation is said in English.
 */
import { FamilyQuestionMatcher, type FamilyQuestion } from '../../domain/family/index.js';
import { currentLanguage, DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';

interface Edition {
  language: Language;
  matcher: FamilyQuestionMatcher;
  byId: Map<string, FamilyQuestion>;
}

export class FamilyQuestionBook {
  private readonly editions: Edition[];

  constructor(
    private readonly english: readonly FamilyQuestion[],
    translated: Partial<Record<Language, readonly FamilyQuestion[]>> = {},
  ) {
    const edition = (language: Language, qs: readonly FamilyQuestion[]): Edition => ({
      language,
      matcher: new FamilyQuestionMatcher(qs),
      byId: new Map(qs.map((q) => [q.id, q])),
    });
    this.editions = [
      edition(DEFAULT_LANGUAGE, english),
      ...Object.entries(translated)
        .filter(([language, qs]) => language !== DEFAULT_LANGUAGE && qs && qs.length > 0)
        .map(([language, qs]) => edition(language as Language, qs!)),
    ];
  }

  private inTurnLanguage(q: FamilyQuestion): FamilyQuestion {
    return this.editions.find((e) => e.language === currentLanguage())?.byId.get(q.id) ?? q;
  }

  /** Every question, in the English file's order, in the turn's language. */
  questions(): FamilyQuestion[] {
    return this.english.map((q) => this.inTurnLanguage(q));
  }

  question(id: string): FamilyQuestion | undefined {
    const english = this.editions[0]!.byId.get(id);
    return english ? this.inTurnLanguage(english) : undefined;
  }

  /**
   * The question the text asks, in the turn's language: read in the turn's language first, then in
   * English (people mix languages). An English turn is read in English only.
   */
  match(text: string): FamilyQuestion | undefined {
    const language = currentLanguage();
    const order = [...this.editions.filter((e) => e.language === language && language !== DEFAULT_LANGUAGE), this.editions[0]!];
    for (const e of order) {
      const found = e.matcher.match(text);
      if (found) return this.question(found.id);
    }
    return undefined;
  }
}
