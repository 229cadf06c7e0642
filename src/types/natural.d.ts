// natural's index pulls in every module (~0.8 s, and it prints on import); we load single files.
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module "natural/lib/natural/distance/levenshtein_distance.js" {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
}
