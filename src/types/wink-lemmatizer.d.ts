// wink-lemmatizer ships no types; these are the three functions briefbot uses.
declare module "wink-lemmatizer" {
  const lemmatizer: {
    lemmatizeNoun(word: string): string;
    lemmatizeVerb(word: string): string;
    lemmatizeAdjective(word: string): string;
  };
  export default lemmatizer;
}
