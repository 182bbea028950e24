/** NLP.js Spanish (CommonJS, no bundled types): the tokenizer, stemmer and normalizer the Spanish models use. */
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
